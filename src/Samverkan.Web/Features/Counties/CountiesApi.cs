using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

public static class CountiesApi
{
    public static RouteGroupBuilder MapCountiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties", ListCountiesAsync).AllowAnonymous()
            .WithSummary("The counties (tenants) of the system. Public.");
        api.MapGet("/counties/{countyCode}/parties", ListPartiesAsync)
            .WithSummary("The region and municipalities of a county, with their latest population.");
        api.MapGet("/counties/{countyCode}/people", ListPeopleAsync)
            .WithSummary("The people (elected representatives and officials) of a county.");
        return api;
    }

    private static async Task<Ok<List<CountyResponse>>> ListCountiesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var counties = await db.Counties.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(counties.Select(c => new CountyResponse(
            c.Code,
            c.Name,
            parties.FirstOrDefault(p => p.CountyId == c.Id && p.Kind == PartyKind.Region)?.Name,
            parties.Count(p => p.CountyId == c.Id && p.Kind == PartyKind.Municipality))).ToList());
    }

    private static async Task<Ok<List<PartyResponse>>> ListPartiesAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var parties = await CountyQueries.PartiesAsync(db, county.Id, cancellationToken);
        var population = await CountyQueries.LatestPopulationAsync(db, county.Id, cancellationToken);
        return TypedResults.Ok(parties.Select(p => PartyResponse.From(p, population.GetValueOrDefault(p.Id))).ToList());
    }

    private static async Task<Ok<List<PersonResponse>>> ListPeopleAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.CountyId == county.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(people.BySwedishName(p => p.LastName + " " + p.FirstName)
            .Select(p => new PersonResponse(p.Id, p.FirstName, p.LastName, p.Email)).ToList());
    }
}

public sealed record CountyResponse(string Code, string Name, string? RegionName, int MunicipalityCount);

public sealed record PartyResponse(Guid Id, PartyKind Kind, string Name, string? MunicipalityCode, string OrganisationNumber,
    string CouncilName, int? Population, int? PopulationYear)
{
    public static PartyResponse From(Party party, PopulationFigure? population) => new(party.Id, party.Kind, party.Name,
        party.MunicipalityCode, party.OrganisationNumber, party.CouncilName, population?.Population, population?.Year);
}

public sealed record PersonResponse(Guid Id, string FirstName, string LastName, string? Email);
