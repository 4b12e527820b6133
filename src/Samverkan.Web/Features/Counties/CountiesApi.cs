using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Reference = Samverkan.Web.Infrastructure.Reference;

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
        api.MapPost("/counties", CreateCountyAsync)
            .WithSummary("Creates a county (code and name; the name defaults to SCB's). Administrator.");
        api.MapPost("/counties/{countyCode}/parties", AddPartyAsync)
            .WithSummary("Adds the region or a municipality as a party. Secretariat.");
        api.MapPost("/counties/{countyCode}/parties/from-reference", AddPartiesFromReferenceAsync)
            .WithSummary("Adds the county's region and every municipality from the shipped SCB list that is not yet a party. Secretariat.");
        api.MapPut("/parties/{id:guid}", UpdatePartyAsync)
            .WithSummary("Changes a party's name, organisation number, council, registry e-mail and invoicing details. Secretariat.");
        api.MapGet("/reference/counties", ReferenceCounties).AllowAnonymous()
            .WithSummary("Sweden's counties with their regions and municipalities (SCB's codes), as shipped with the product. Public.");
        api.MapGet("/counties/{countyCode}/board-seats", BoardSeatsAsync)
            .WithSummary("The region's executive board by political party: seats and side.");
        api.MapPut("/counties/{countyCode}/board-seats", SetBoardSeatsAsync)
            .WithSummary("Sets the region's executive board by political party, as a whole: {seats: [{politicalParty, seats, side}]}. Secretariat.");
        api.MapGet("/counties/{countyCode}/configuration", ExportAsync)
            .WithSummary("The county's configuration as a file: parties, agreements, bodies and their rules, cost model, case series, flow templates, funds. No personal data. Secretariat.");
        api.MapPost("/counties/{countyCode}/configuration", ImportAsync)
            .WithSummary("Sets up a new county (created when missing, administrator) from a configuration file, in one transaction. Secretariat of an empty county.");
        return api;
    }

    private static async Task<Ok<List<BoardSeatResponse>>> BoardSeatsAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var seats = await db.ExecutiveBoardSeats.AsNoTracking().Include(s => s.PoliticalParty).Where(s => s.CountyId == county.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(seats.OrderByDescending(s => s.Seats).Select(BoardSeatResponse.From).ToList());
    }

    private static async Task<Ok<List<BoardSeatResponse>>> SetBoardSeatsAsync(string countyCode, BoardSeatsRequest request, CountySetup setup,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await setup.SetBoardSeatsAsync(countyCode, request.Seats, cancellationToken)).OrderByDescending(s => s.Seats).Select(BoardSeatResponse.From).ToList());

    private static async Task<Ok<ConfigurationFile>> ExportAsync(string countyCode, CountyConfiguration configuration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await configuration.ExportAsync(countyCode, cancellationToken));

    private static async Task<Created<ConfigurationImportResult>> ImportAsync(string countyCode, ConfigurationFile? file, CountyConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var result = await configuration.ImportAsync(countyCode, file, cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{result.CountyCode}/configuration", result);
    }

    private static async Task<Created<CountyResponse>> CreateCountyAsync(CountyRequest request, CountySetup setup, CancellationToken cancellationToken)
    {
        var county = await setup.CreateCountyAsync(request, cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{county.Code}/parties", new CountyResponse(county.Code, county.Name, null, 0));
    }

    private static async Task<Created<PartyResponse>> AddPartyAsync(string countyCode, PartyRequest request, CountySetup setup, CancellationToken cancellationToken)
    {
        var party = await setup.AddPartyAsync(countyCode, request, cancellationToken);
        return TypedResults.Created($"/api/v1/parties/{party.Id}", PartyResponse.From(party, null));
    }

    private static async Task<Created<List<PartyResponse>>> AddPartiesFromReferenceAsync(string countyCode, CountySetup setup, CancellationToken cancellationToken)
    {
        var parties = await setup.AddPartiesFromReferenceAsync(countyCode, cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{countyCode}/parties", parties.Select(p => PartyResponse.From(p, null)).ToList());
    }

    private static async Task<Ok<PartyResponse>> UpdatePartyAsync(Guid id, PartyRequest request, CountySetup setup, CancellationToken cancellationToken) =>
        TypedResults.Ok(PartyResponse.From(await setup.UpdatePartyAsync(id, request, cancellationToken), null));

    private static Ok<List<ReferenceCountyResponse>> ReferenceCounties() => TypedResults.Ok(Reference.NationalReference.Counties
        .Select(c => new ReferenceCountyResponse(c.Code, c.Name, c.RegionName,
            Reference.NationalReference.MunicipalitiesOf(c.Code).Select(m => new ReferenceMunicipalityResponse(m.Code, m.Name)).ToList()))
        .ToList());

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
    string CouncilName, int? Population, int? PopulationYear, string ExecutiveBoardName, string? RegistryEmail, string? PeppolId,
    string? BuyerReference, int Version)
{
    public static PartyResponse From(Party party, PopulationFigure? population) => new(party.Id, party.Kind, party.Name,
        party.MunicipalityCode, party.OrganisationNumber, party.CouncilName, population?.Population, population?.Year, party.ExecutiveBoardName,
        party.RegistryEmail, party.PeppolId, party.BuyerReference, party.Version);
}

public sealed record ReferenceCountyResponse(string Code, string Name, string RegionName, IReadOnlyList<ReferenceMunicipalityResponse> Municipalities);

public sealed record ReferenceMunicipalityResponse(string Code, string Name);

public sealed record PersonResponse(Guid Id, string FirstName, string LastName, string? Email);

public sealed record BoardSeatResponse(string PoliticalParty, string Name, int Seats, string Side)
{
    public static BoardSeatResponse From(ExecutiveBoardSeat s) => new(s.PoliticalParty!.Abbreviation, s.PoliticalParty.Name, s.Seats, ApiText.Of(s.Side));
}

public sealed record BoardSeatsRequest(IReadOnlyList<BoardSeatRequest>? Seats);
