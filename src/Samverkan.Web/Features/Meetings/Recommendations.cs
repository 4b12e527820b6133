using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
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
        // A fund paragraph is the council's own position on an initiative (the region decides on the money): no party
        // adopts it, so no party is asked for its decision.
        var fundItems = (await db.Initiatives.AsNoTracking().Where(i => i.CountyId == countyId && i.CouncilMinutesItemId != null)
            .Select(i => i.CouncilMinutesItemId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        return minutes.SelectMany(m => m.Items.Where(i => i.Kind == DecisionKind.Recommendation && !fundItems.Contains(i.Id)).Select(i => new RecommendationFollowUp(
                i, bodies[m.BodyId], meetings[m.MeetingId].StartsAt.SwedishDay(),
                parties.Select(p => (p, decisions.FirstOrDefault(d => d.MinutesItemId == i.Id && d.PartyId == p.Id))).ToList())))
            .OrderByDescending(r => r.MeetingDay).ThenBy(r => r.Item.Paragraph).ToList();
    }
}
