using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// The register of minutes: loading a meeting's minutes, how a signature reads, and the numbering of paragraphs per
/// body and year. Changes of minutes go through <see cref="MinutesDesk"/>, which numbers through here.
/// </summary>
public static class MinutesRegister
{
    public static async Task<(Minutes Minutes, Meeting Meeting, Body Body)> LoadAsync(AppDbContext db, Access access, Guid meetingId, CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, meetingId, cancellationToken);
        var minutes = await db.Minutes.WithContent().FirstOrDefaultAsync(m => m.MeetingId == meeting.Id, cancellationToken)
            ?? throw new NotFoundException("Sammanträdet har inget protokoll ännu.");
        return (minutes, meeting, body);
    }

    /// <summary>How a signature reads on the minutes: the person's name and their role in the body, e.g. "Anna Berg, ordförande".</summary>
    public static async Task<string> SignatureAsync(AppDbContext db, Membership seat, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == seat.PersonId, cancellationToken);
        return $"{person?.FullName ?? "okänd"}, {BodyLabels.Role(seat.Role).ToLowerInvariant()}";
    }

    /// <summary>
    /// Numbers the body's draft minutes of the year in the meetings' order (<see cref="Minutes.Renumbering"/>), in two
    /// steps through negative numbers so that the unique (minutes, §) index never sees two items with one number.
    /// </summary>
    public static async Task RenumberAsync(AppDbContext db, Guid bodyId, int year, CancellationToken cancellationToken = default)
    {
        var all = await db.Minutes.Include(m => m.Items).Where(m => m.BodyId == bodyId && m.Year == year).ToListAsync(cancellationToken);
        var meetingIds = all.Select(m => m.MeetingId).ToList();
        var starts = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.StartsAt, cancellationToken);
        var changes = Minutes.Renumbering(all.Select(m => (m, starts[m.MeetingId])));
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var (item, paragraph) in changes)
        {
            all.Single(m => m.Id == item.MinutesId).Renumber(item, -paragraph);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (item, paragraph) in changes)
        {
            all.Single(m => m.Id == item.MinutesId).Renumber(item, paragraph);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new paragraph's number before renumbering: the next after the highest in the body's minutes that year.</summary>
    public static async Task<int> NextParagraphAsync(AppDbContext db, Minutes minutes, CancellationToken cancellationToken)
    {
        var used = await db.Minutes.Where(m => m.BodyId == minutes.BodyId && m.Year == minutes.Year).SelectMany(m => m.Items).Select(i => (int?)i.Paragraph).MaxAsync(cancellationToken);
        return Math.Max(used ?? 0, minutes.Items.Select(i => i.Paragraph).DefaultIfEmpty(0).Max()) + 1;
    }
}
