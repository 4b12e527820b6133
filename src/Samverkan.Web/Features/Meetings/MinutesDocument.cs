using Samverkan.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

public static class MinutesQueries
{
    /// <summary>Minutes with paragraphs, positions, attendance and corrections.</summary>
    public static IQueryable<Minutes> WithContent(this IQueryable<Minutes> minutes) => minutes
        .Include(m => m.Items).ThenInclude(i => i.Positions).Include(m => m.Attendance).Include(m => m.Corrections).AsSplitQuery();
}

/// <summary>
/// Seed 001 §2.3: checked minutes go to the regional board and every municipal executive board (the parties a case
/// concerns are among them in these counties), as PDF to each party's registry, and are published.
/// </summary>
public static class Dispatching
{
    public static void Dispatch(AppDbContext db, TimeProvider time, Minutes minutes, Meeting meeting, Body body, IReadOnlyList<Party> parties)
    {
        var ordered = CountyQueries.Ordered(parties).ToList();
        minutes.Dispatch(time.GetUtcNow(), time.TodayInSweden(), ordered.Select(p => $"{p.ExecutiveBoardName}, {p.Name}" + (p.RegistryEmail is null ? " (ingen e-postadress)" : string.Empty)));
        var pdf = MinutesDocument.Pdf(minutes, meeting, body, parties.ToDictionary(p => p.Id, p => p.Name));
        var day = meeting.StartsAt.ToSwedish();
        foreach (var party in ordered.Where(p => p.RegistryEmail is not null))
        {
            Outbox.Enqueue(db, time, minutes.CountyId, party.RegistryEmail!, $"Protokoll {body.Name} {day:yyyy-MM-dd} – till {party.ExecutiveBoardName.ToLowerInvariant()}",
                $"Till {party.ExecutiveBoardName.ToLowerInvariant()} i {party.Name}.\n\nHär är det justerade protokollet från {body.Name}s sammanträde {day:yyyy-MM-dd}. Det är också publicerat på Samverkans öppna sidor.",
                $"protokoll-{day:yyyy-MM-dd}.pdf", "application/pdf", attachmentBytes: pdf);
        }
    }
}

/// <summary>The minutes as an A4 PDF with the signature block: who signed and checked, when, and the content's SHA-256.</summary>
public static class MinutesDocument
{
    public static byte[] Pdf(Minutes minutes, Meeting meeting, Body body, IReadOnlyDictionary<Guid, string> parties)
    {
        var local = meeting.StartsAt.ToSwedish();
        var names = body.Memberships.ToDictionary(m => m.Id, m => m.Person?.FullName ?? "okänd");
        using var pdf = new PdfWriter($"Protokoll {body.Name} {local:yyyy-MM-dd}");
        pdf.Heading($"Protokoll – {body.Name}", 16);
        pdf.Field("Sammanträde", $"{local:yyyy-MM-dd HH:mm}, {meeting.Location}");
        pdf.Field("Närvarande", string.Join(", ", minutes.Attendance.Where(a => a.Present).Select(a => names.GetValueOrDefault(a.MembershipId, "okänd")).Order(StringComparer.Create(SwedishText.Culture, false))));
        if (minutes.Attendance.Any(a => !a.Present))
        {
            pdf.Field("Frånvarande", string.Join(", ", minutes.Attendance.Where(a => !a.Present).Select(a => names.GetValueOrDefault(a.MembershipId, "okänd")).Order(StringComparer.Create(SwedishText.Culture, false))));
        }
        foreach (var item in minutes.Items.OrderBy(i => i.Paragraph))
        {
            pdf.Heading($"§ {item.Paragraph} {item.Title}", 12);
            if (meeting.CaseReferenceOf(item.AgendaItemId) is { } caseNumber)
            {
                pdf.Paragraph($"Dnr {caseNumber}", isSmall: true);
            }

            if (item.Discussion is not null)
            {
                pdf.Paragraph(item.Discussion);
            }

            pdf.Paragraph(MinutesModel.DecisionHeading(minutes) + ": " + item.Decision, isBold: true);
            if (item.Kind == DecisionKind.Recommendation)
            {
                pdf.Paragraph(item.IsConsensus ? "Rekommendationen fattades i konsensus." : "Rekommendationen fattades inte i konsensus.", isSmall: true);
            }

            foreach (var position in item.Positions)
            {
                pdf.Paragraph($"{parties.GetValueOrDefault(position.PartyId, "okänd part")}: {MinutesModel.PositionLabel(position.Position).ToLowerInvariant()}{(position.Note is null ? string.Empty : $" – {position.Note}")}", isSmall: true);
            }
        }

        pdf.Space(16);
        pdf.Heading("Underskrifter", 12);
        pdf.Field("Undertecknat av", minutes.SignedAt is { } signed ? $"{minutes.SignedBy}, {signed.ToSwedish():yyyy-MM-dd HH:mm}" : "Ej undertecknat");
        pdf.Field("Justerat av", minutes.CheckedAt is { } checkedAt ? $"{minutes.CheckedBy}, {checkedAt.ToSwedish():yyyy-MM-dd HH:mm}" : "Ej justerat");
        pdf.Paragraph($"Kontrollsumma (SHA-256): {minutes.CheckedHash ?? minutes.SignedHash ?? minutes.ContentHash()}", isSmall: true);
        foreach (var correction in minutes.Corrections.OrderBy(c => c.At))
        {
            pdf.Paragraph($"Rättelse {correction.At.ToSwedish():yyyy-MM-dd} ({correction.By}): {correction.Text}", isSmall: true);
        }

        return pdf.ToBytes();
    }
}
