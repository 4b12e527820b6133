using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>A meeting with its body for a reader or a change, who chairs it, and the mandatory topics of a body's term: shared by pages and the API.</summary>
public static class MeetingQueries
{
    /// <summary>A meeting with its agenda and its body with the members, tracked to be changed.</summary>
    public static Task<(Meeting Meeting, Body Body)> LoadAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default) =>
        LoadAsync(db, access, id, track: true, cancellationToken);

    /// <summary>The same, only to be shown: nothing is tracked.</summary>
    public static Task<(Meeting Meeting, Body Body)> ReadAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default) =>
        LoadAsync(db, access, id, track: false, cancellationToken);

    /// <summary>The chair sends the notice, or the secretariat for the chair (seed 001 §2.3).</summary>
    public static bool IsChairOf(Guid? membershipId, Body body, DateOnly today) =>
        membershipId is { } membership && body.ActiveMemberships(today).Any(m => m.Id == membership && m.Role == MembershipRole.Chair);

    public static async Task<IReadOnlyList<MandatoryItemStatus>> MandatoryStatusAsync(AppDbContext db, Body body, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!MandatoryItems.Apply(body) || body.TermOn(today) is not { } term)
        {
            return [];
        }

        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => m.BodyId == body.Id).ToListAsync(cancellationToken);
        return MandatoryItems.For(body.Rules, term, meetings.Select(m => (m, m.StartsAt.SwedishDay())), today);
    }

    private static async Task<(Meeting Meeting, Body Body)> LoadAsync(AppDbContext db, Access access, Guid id, bool track, CancellationToken cancellationToken)
    {
        var meetings = track ? db.Meetings : db.Meetings.AsNoTracking();
        var meeting = await meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Sammanträdet finns inte.");
        access.EnsureRead(meeting.CountyId);
        var bodies = track ? db.Bodies : db.Bodies.AsNoTracking();
        var body = await bodies.WithMembers().FirstAsync(b => b.Id == meeting.BodyId, cancellationToken);
        return (meeting, body);
    }
}
