using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// Seed 003: the consultation forum meets after RUN AU's meetings and takes up RUN AU's agenda ("RUN AU:s ärendelista
/// samverkas"). One action copies a meeting's agenda to the forum's next meeting.
/// </summary>
public static class ForumSharing
{
    /// <summary>Whether a body's agenda is shared with the forum: a working committee of the regional development board (RUN AU).</summary>
    public static async Task<bool> SharesWithForumAsync(AppDbContext db, Body body, CancellationToken cancellationToken = default) =>
        body.Kind == BodyKind.WorkingCommittee && body.ParentBodyId is { } parent
        && await db.Bodies.AnyAsync(b => b.Id == parent && b.Kind == BodyKind.RegionalDevelopmentBoard, cancellationToken)
        && await db.Bodies.AnyAsync(b => b.CountyId == body.CountyId && b.Kind == BodyKind.ConsultationForum, cancellationToken);

    /// <summary>The forum's first meeting, not cancelled, that starts at or after <paramref name="source"/>.</summary>
    public static async Task<Meeting?> NextForumMeetingAsync(AppDbContext db, Meeting source, CancellationToken cancellationToken = default)
    {
        var forums = await db.Bodies.Where(b => b.CountyId == source.CountyId && b.Kind == BodyKind.ConsultationForum).Select(b => b.Id).ToListAsync(cancellationToken);
        var candidates = await db.Meetings.Include(m => m.Agenda).Where(m => forums.Contains(m.BodyId) && m.Status != MeetingStatus.Cancelled).ToListAsync(cancellationToken);
        return candidates.Where(m => m.StartsAt >= source.StartsAt).OrderBy(m => m.StartsAt).FirstOrDefault();
    }

    /// <summary>Whether a meeting's page offers to share its agenda (and with which forum meeting): a manager, an agenda, not cancelled.</summary>
    public static async Task<(bool CanShare, Meeting? ForumMeeting)> OfferAsync(AppDbContext db, Meeting meeting, Body body, bool canManage) =>
        canManage && meeting.Status != MeetingStatus.Cancelled && meeting.Agenda.Count > 0 && await SharesWithForumAsync(db, body)
            ? (true, await NextForumMeetingAsync(db, meeting))
            : (false, null);

    public static async Task<Meeting> ShareAsync(AppDbContext db, Meeting source, Guid? forumMeetingId, CancellationToken cancellationToken = default)
    {
        Meeting? target;
        if (forumMeetingId is { } chosen)
        {
            target = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == chosen && m.CountyId == source.CountyId, cancellationToken)
                ?? throw new NotFoundException("Samrådets sammanträde finns inte i länet.");
        }
        else
        {
            target = await NextForumMeetingAsync(db, source, cancellationToken)
                ?? throw new DomainRuleException("ForumMeeting", "Samrådet har inget planerat sammanträde efter det här; planera samrådets nästa sammanträde först.");
        }

        target.TakeAgendaFrom(source);
        await db.SaveChangesAsync(cancellationToken);
        return target;
    }
}
