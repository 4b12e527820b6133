using System.Text;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

/// <summary>Notices and cancellations: an e-mail with the agenda and an .ics invitation to every member and co-opted expert.</summary>
public static class Notices
{
    /// <summary>Members and co-opted experts with an e-mail address; substitutes only where the body has them.</summary>
    public static IEnumerable<Domain.Counties.Person> Recipients(Body body, DateOnly meetingDay) => body.ActiveMemberships(meetingDay)
        .Where(m => m.Role != MembershipRole.Substitute || body.Rules.AllowsSubstitutes)
        .Select(m => m.Person!).Where(p => p.Email is not null).DistinctBy(p => p.Id);

    public static int Send(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body, string sentBy)
    {
        var day = meeting.StartsAt.SwedishDay();
        meeting.SendNotice(body.Rules, day, time.TodayInSweden(), time.GetUtcNow(), sentBy);
        return Enqueue(db, time, smtp, meeting, body, "Kallelse");
    }

    /// <summary>After a change to a noticed meeting everyone gets the new agenda and an invitation with the raised SEQUENCE.</summary>
    public static int SendUpdate(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body) =>
        meeting.Status == MeetingStatus.NoticeSent ? Enqueue(db, time, smtp, meeting, body, "Ändrad kallelse") : 0;

    private static int Enqueue(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body, string kind)
    {
        // Only members whose seat covers the meeting's day are summoned (a new term's members for a meeting after it starts).
        var day = meeting.StartsAt.SwedishDay();
        var recipients = Recipients(body, day).ToList();
        if (recipients.Count == 0)
        {
            throw new DomainRuleException("NoticeNoMembers", $"Ingen ledamot i {body.Name} har ett uppdrag som gäller {Domain.Common.SwedishText.Date(day)}. " +
                (body.TermOn(day) is null ? "Öppna nästa mandatperiod och utse ledamöterna först." : "Utse ledamöterna först."));
        }
        var ics = Calendar.Invitation(meeting, body.Name, smtp.From, recipients.Select(p => p.Email!), time.GetUtcNow());
        var local = meeting.StartsAt.ToSwedish();
        var text = new StringBuilder();
        text.AppendLine($"Kallelse till {body.Name}s sammanträde {local:yyyy-MM-dd} kl. {local:HH:mm} – {meeting.EndsAt.ToSwedish():HH:mm}, {meeting.Location}.");
        text.AppendLine();
        text.AppendLine("Föredragningslista");
        foreach (var item in meeting.Agenda.OrderBy(a => a.Number))
        {
            text.AppendLine($"{item.Number}. {item.Title}{(item.CaseReference is null ? string.Empty : $" ({item.CaseReference})")}");
            if (item.Presenter is not null)
            {
                text.AppendLine($"   Föredragande: {item.Presenter}");
            }

            if (item.ProposedDecision is not null)
            {
                text.AppendLine($"   Förslag till beslut: {item.ProposedDecision}");
            }
        }

        if (!body.Rules.AllowsSubstitutes)
        {
            text.AppendLine();
            text.AppendLine($"{body.Name} har inga ersättare.");
        }

        foreach (var person in recipients)
        {
            Outbox.Enqueue(db, time, meeting.CountyId, person.Email!, $"{kind}: {body.Name} {local:yyyy-MM-dd}", text.ToString(), "kallelse.ics",
                "text/calendar; method=REQUEST; charset=utf-8", ics);
        }

        return recipients.Count;
    }

    public static void SendCancellation(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body)
    {
        var recipients = Recipients(body, meeting.StartsAt.SwedishDay()).ToList();
        var ics = Calendar.Invitation(meeting, body.Name, smtp.From, recipients.Select(p => p.Email!), time.GetUtcNow());
        var local = meeting.StartsAt.ToSwedish();
        foreach (var person in recipients)
        {
            Outbox.Enqueue(db, time, meeting.CountyId, person.Email!, $"Inställt: {body.Name} {local:yyyy-MM-dd}",
                $"{body.Name}s sammanträde {local:yyyy-MM-dd} kl. {local:HH:mm} är inställt.", "installt.ics", "text/calendar; method=CANCEL; charset=utf-8", ics);
        }
    }
}
