using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>Recommendations and each party's own decision: recorded through <see cref="MinutesDesk"/> (as on the recommendations page).</summary>
public static class RecommendationsApi
{
    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/recommendations", ListAsync)
            .WithSummary("The recommendations in checked minutes with each party's own decision; ?partyId= shows what that party has pending.");
        api.MapPost("/minutes-items/{itemId:guid}/decisions", RecordDecisionAsync)
            .WithSummary("Records a party's own decision on a recommendation (adopted, rejected, partly). The party's official, or the secretariat.");
        return api;
    }

    private static async Task<Ok<List<RecommendationResponse>>> ListAsync(string countyCode, Guid? partyId, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var followUp = await Recommendations.FollowUpAsync(db, county.Id, cancellationToken);
        return TypedResults.Ok(followUp
            .Where(r => partyId is null || r.Parties.Any(p => p.Party.Id == partyId && p.Decision is null))
            .Select(r => new RecommendationResponse(r.Item.Id, r.Body, r.MeetingDay, r.Item.Paragraph, r.Item.Title, r.Item.Decision, r.Item.IsConsensus,
                r.Parties.Select(p => new PartyDecisionResponse(p.Party.Id, p.Party.Name, p.Decision?.Outcome, p.Decision?.DecidedOn, p.Decision?.Reference)).ToList()))
            .ToList());
    }

    private static async Task<Created<PartyDecisionResponse>> RecordDecisionAsync(Guid itemId, PartyDecisionRequest request, MinutesDesk desk, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var decision = await desk.RecordPartyDecisionAsync(itemId, request, cancellationToken);
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == decision.PartyId, cancellationToken);
        return TypedResults.Created($"/api/v1/minutes-items/{itemId}/decisions", new PartyDecisionResponse(party.Id, party.Name, decision.Outcome, decision.DecidedOn, decision.Reference));
    }
}

public sealed record PartyDecisionResponse(Guid PartyId, string Party, PartyDecisionOutcome? Outcome, DateOnly? DecidedOn, string? Reference);

public sealed record RecommendationResponse(Guid ItemId, string Body, DateOnly MeetingDay, int Paragraph, string Title, string Recommendation, bool Consensus,
    IReadOnlyList<PartyDecisionResponse> Parties);
