using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>A recommendation of a body with each party's own decision, or none yet.</summary>
public sealed record RecommendationFollowUp(MinutesItem Item, string Body, DateOnly MeetingDay, IReadOnlyList<(Party Party, PartyDecision? Decision)> Parties)
{
    public int Pending => Parties.Count(p => p.Decision is null);
}

public static class Recommendations
{
    /// <summary>The county's recommendations in checked minutes, with every party's decision or none yet.</summary>
    public static async Task<List<RecommendationFollowUp>> FollowUpAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken = default)
    {
        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Items)
            .Where(m => m.CountyId == countyId && (m.Status == MinutesStatus.Checked || m.Status == MinutesStatus.Dispatched)).ToListAsync(cancellationToken);
        var meetingIds = minutes.Select(m => m.MeetingId).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == countyId).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var decisions = await db.PartyDecisions.AsNoTracking().Where(d => d.CountyId == countyId).ToListAsync(cancellationToken);
        var parties = await CountyQueries.PartiesAsync(db, countyId, cancellationToken);
        return minutes.SelectMany(m => m.Items.Where(i => i.Kind == DecisionKind.Recommendation).Select(i => new RecommendationFollowUp(
                i, bodies[m.BodyId], meetings[m.MeetingId].StartsAt.SwedishDay(),
                parties.Select(p => (p, decisions.FirstOrDefault(d => d.MinutesItemId == i.Id && d.PartyId == p.Id))).ToList())))
            .OrderByDescending(r => r.MeetingDay).ThenBy(r => r.Item.Paragraph).ToList();
    }

    public static async Task<PartyDecision> RecordAsync(AppDbContext db, Access access, TimeProvider time, Guid itemId, Guid partyId, PartyDecisionOutcome outcome,
        DateOnly decidedOn, string reference, string recordedBy, CancellationToken cancellationToken = default)
    {
        var minutes = await db.Minutes.Include(m => m.Items).FirstOrDefaultAsync(m => m.Items.Any(i => i.Id == itemId), cancellationToken)
            ?? throw new NotFoundException("Rekommendationen finns inte.");
        access.EnsureActFor(minutes.CountyId, partyId);
        if (!await db.Parties.AnyAsync(p => p.Id == partyId && p.CountyId == minutes.CountyId, cancellationToken))
        {
            throw new NotFoundException("Parten finns inte i länet.");
        }

        if (await db.PartyDecisions.AnyAsync(d => d.MinutesItemId == itemId && d.PartyId == partyId, cancellationToken))
        {
            throw new Domain.Common.DomainRuleException("DecisionTwice", "Partens beslut om rekommendationen är redan registrerat.", Domain.Common.RuleSeverity.Conflict);
        }

        var decision = new PartyDecision(minutes, minutes.Items.Single(i => i.Id == itemId), partyId, outcome, decidedOn, reference, recordedBy, time.TodayInSweden());
        db.PartyDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

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
        var followUp = await FollowUpAsync(db, county.Id, cancellationToken);
        return TypedResults.Ok(followUp
            .Where(r => partyId is null || r.Parties.Any(p => p.Party.Id == partyId && p.Decision is null))
            .Select(r => new RecommendationResponse(r.Item.Id, r.Body, r.MeetingDay, r.Item.Paragraph, r.Item.Title, r.Item.Decision, r.Item.IsConsensus,
                r.Parties.Select(p => new PartyDecisionResponse(p.Party.Id, p.Party.Name, p.Decision?.Outcome, p.Decision?.DecidedOn, p.Decision?.Reference)).ToList()))
            .ToList());
    }

    private static async Task<Created<PartyDecisionResponse>> RecordDecisionAsync(Guid itemId, PartyDecisionRequest request, Access access, AppDbContext db,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        // Whose data it is comes before whether the request is complete, so other counties learn nothing.
        var countyId = await db.Minutes.Where(m => m.Items.Any(i => i.Id == itemId)).Select(m => (Guid?)m.CountyId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Rekommendationen finns inte.");
        access.EnsureRead(countyId);
        if (request.PartyId is not { } partyId || request.Outcome is not { } outcome || request.DecidedOn is not { } decidedOn)
        {
            throw new Domain.Common.DomainRuleException("DecisionFields", "Ange part (partyId), utfall (outcome), beslutsdatum (decidedOn) och referens (reference).");
        }

        var decision = await RecordAsync(db, access, time, itemId, partyId, outcome, decidedOn, request.Reference ?? string.Empty, http.User.Identity?.Name ?? "okänd", cancellationToken);
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == partyId, cancellationToken);
        return TypedResults.Created($"/api/v1/minutes-items/{itemId}/decisions", new PartyDecisionResponse(party.Id, party.Name, decision.Outcome, decision.DecidedOn, decision.Reference));
    }
}

public sealed record PartyDecisionRequest(Guid? PartyId, PartyDecisionOutcome? Outcome, DateOnly? DecidedOn, string? Reference);

public sealed record PartyDecisionResponse(Guid PartyId, string Party, PartyDecisionOutcome? Outcome, DateOnly? DecidedOn, string? Reference);

public sealed record RecommendationResponse(Guid ItemId, string Body, DateOnly MeetingDay, int Paragraph, string Title, string Recommendation, bool Consensus,
    IReadOnlyList<PartyDecisionResponse> Parties);
