using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

public static class BodiesApi
{
    public static RouteGroupBuilder MapBodiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/bodies", ListAsync).WithSummary("The county's bodies.");
        api.MapGet("/bodies/{id:guid}", GetAsync).WithSummary("One body with its rules, term and current members.");
        api.MapGet("/bodies/{id:guid}/composition-check", CheckAsync)
            .WithSummary("Checks the body's composition against its rules; for the SRB every rule of the agreement.");
        api.MapPost("/bodies/{id:guid}/memberships", AddMembershipAsync).WithSummary("Appoints a person to the body. Secretariat only.");
        api.MapPost("/bodies/{id:guid}/memberships/{membershipId:guid}/end", EndMembershipAsync)
            .WithSummary("Ends a membership on a date. Secretariat only.");
        return api;
    }

    private static async Task<Ok<List<BodySummaryResponse>>> ListAsync(string countyCode, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().WithMembers().Where(b => b.CountyId == county.Id).ToListAsync(cancellationToken);
        var today = time.TodayInSweden();
        return TypedResults.Ok(BodyQueries.Ordered(bodies).Select(b => new BodySummaryResponse(b.Id, county.Code, b.Kind, BodyLabels.Kind(b.Kind),
            b.Name, b.ShortName, b.ActiveMemberships(today).Count(m => m.CountsAsMember))).ToList());
    }

    private static async Task<Ok<BodyResponse>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        return TypedResults.Ok(BodyResponse.From(body, time.TodayInSweden()));
    }

    private static async Task<Ok<CompositionCheckResponse>> CheckAsync(Guid id, DateOnly? asOf, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var date = asOf ?? time.TodayInSweden();
        var violations = await BodyQueries.CheckAsync(db, body, date, cancellationToken);
        return TypedResults.Ok(new CompositionCheckResponse(violations.Count == 0, date,
            violations.Select(v => new ViolationResponse(v.Rule, v.Message)).ToList()));
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem>> AddMembershipAsync(Guid id, MembershipRequest request,
        Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(body.CountyId);
        var errors = new Dictionary<string, string[]>();
        var person = request.PersonId is { } personId ? await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.CountyId == body.CountyId, cancellationToken) : null;
        if (person is null)
        {
            errors["personId"] = ["Välj en person i länet."];
        }

        var party = request.AppointingPartyId is { } partyId ? await db.Parties.FirstOrDefaultAsync(p => p.Id == partyId && p.CountyId == body.CountyId, cancellationToken) : null;
        if (party is null)
        {
            errors["appointingPartyId"] = ["Välj den part i länet som utser ledamoten."];
        }

        var politicalParty = string.IsNullOrWhiteSpace(request.PoliticalParty) ? null
            : await db.PoliticalParties.FirstOrDefaultAsync(p => p.Abbreviation == request.PoliticalParty, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.PoliticalParty) && politicalParty is null)
        {
            errors["politicalParty"] = [$"Partiet '{request.PoliticalParty}' är okänt."];
        }

        if (request.From is null)
        {
            errors["from"] = ["Ange från vilket datum uppdraget gäller (ÅÅÅÅ-MM-DD)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte kompletta");
        }

        var membership = body.AddMembership(person!, party!, request.Role ?? MembershipRole.Member, politicalParty, request.Side,
            request.Office ?? QualifyingOffice.None, request.OfficeTitle, request.From!.Value, request.To);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/bodies/{body.Id}", MemberResponse.Of(membership));
    }

    private static async Task<Ok<MemberResponse>> EndMembershipAsync(Guid id, Guid membershipId, EndMembershipRequest request, Access access,
        AppDbContext db, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(body.CountyId);
        if (request.On is not { } on)
        {
            throw new DomainRuleException("MembershipEnd", "Ange det datum då uppdraget upphör (ÅÅÅÅ-MM-DD).");
        }

        body.EndMembership(membershipId, on);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.Of(body.Memberships.First(m => m.Id == membershipId)));
    }
}

public sealed record MembershipRequest(Guid? PersonId, Guid? AppointingPartyId, MembershipRole? Role, string? PoliticalParty, PoliticalSide? Side,
    QualifyingOffice? Office, string? OfficeTitle, DateOnly? From, DateOnly? To);

public sealed record EndMembershipRequest(DateOnly? On);

public sealed record BodySummaryResponse(Guid Id, string CountyCode, BodyKind Kind, string KindLabel, string Name, string? ShortName, int MemberCount);

public sealed record TermResponse(DateOnly StartsOn, DateOnly EndsOn, string? DeviationReference);

public sealed record MemberResponse(Guid MembershipId, Guid PersonId, string Name, MembershipRole Role, string RoleLabel, Guid AppointingPartyId,
    string? AppointingParty, string? PoliticalParty, PoliticalSide? Side, QualifyingOffice Office, string? OfficeTitle, DateOnly From, DateOnly? To)
{
    public static MemberResponse Of(Membership m) => new(m.Id, m.PersonId, m.Person?.FullName ?? string.Empty, m.Role, BodyLabels.Role(m.Role),
        m.AppointingPartyId, m.AppointingParty?.Name, m.PoliticalParty?.Abbreviation, m.Side, m.Office, m.OfficeTitle, m.From, m.To);
}

public sealed record BodyResponse(Guid Id, BodyKind Kind, string KindLabel, string Name, string? ShortName, BodyRules Rules, TermResponse? Term,
    int Version, IReadOnlyList<MemberResponse> Members)
{
    public static BodyResponse From(Body body, DateOnly today)
    {
        var term = body.TermOn(today);
        return new(body.Id, body.Kind, BodyLabels.Kind(body.Kind), body.Name, body.ShortName, body.Rules,
            term is null ? null : new TermResponse(term.StartsOn, term.EndsOn, term.DeviationReference), body.Version,
            BodyQueries.Roster(body, today).Select(MemberResponse.Of).ToList());
    }
}

public sealed record ViolationResponse(string Rule, string Message);

public sealed record CompositionCheckResponse(bool Valid, DateOnly AsOf, IReadOnlyList<ViolationResponse> Violations);
