using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>Bodies and their members: reads here, every change through <see cref="BodyDesk"/> (as on the body pages).</summary>
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
        api.MapPost("/counties/{countyCode}/bodies", CreateAsync)
            .WithSummary("Creates a body of the county with its rules and first term (from a template's rules when 'template' names one and 'rules' is left out). Secretariat only.");
        api.MapPut("/bodies/{id:guid}/rules", ChangeRulesAsync)
            .WithSummary("Replaces the body's rules as a whole; '?version=' is the body's version read before, a later change is a 409. Secretariat only.");
        api.MapGet("/body-templates", () => TypedResults.Ok(BodyTemplates.Templates))
            .WithSummary("The shipped templates (the source counties' bodies) a county starts a body from; copied, never referred to.");
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

    private static async Task<Created<BodyResponse>> CreateAsync(string countyCode, CreateBodyRequest request, Access access, AppDbContext db, BodySetup setup,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        if (request.Rules is null && BodyTemplates.Find(request.Template) is { } template)
        {
            var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).Select(b => new { b.Id, b.Kind }).ToListAsync(cancellationToken);
            request = request with { Rules = BodyTemplates.AsRequest(template, kind => bodies.FirstOrDefault(b => b.Kind == kind)?.Id) };
        }
        else if (request.Rules is null && request.Template is { Length: > 0 })
        {
            throw InputValidationException.For("template", $"Mallen '{request.Template}' finns inte; se GET /api/v1/body-templates.");
        }

        var body = await setup.CreateAsync(county.Id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/bodies/{body.Id}", BodyResponse.From(body, time.TodayInSweden()));
    }

    private static async Task<Ok<BodyResponse>> ChangeRulesAsync(Guid id, int? version, BodyRulesRequest request, BodySetup setup, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(BodyResponse.From(await setup.ChangeRulesAsync(id, request, version, cancellationToken), time.TodayInSweden()));

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

    private static async Task<Created<MemberResponse>> AddMembershipAsync(Guid id, MembershipRequest request, BodyDesk desk, CancellationToken cancellationToken)
    {
        var (body, membership) = await desk.AddMembershipAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/bodies/{body.Id}", MemberResponse.Of(membership));
    }

    private static async Task<Ok<MemberResponse>> EndMembershipAsync(Guid id, Guid membershipId, EndMembershipRequest request, BodyDesk desk,
        CancellationToken cancellationToken) => TypedResults.Ok(MemberResponse.Of((await desk.EndMembershipAsync(id, membershipId, request, cancellationToken)).Membership));
}
