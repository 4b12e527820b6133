using Samverkan.Domain.Bodies;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Meetings;

/// <summary>The notice (kallelse) with its agenda as an A4 PDF.</summary>
public static class NoticeDocument
{
    public static byte[] Pdf(Meeting meeting, Body body)
    {
        var start = meeting.StartsAt.ToSwedish();
        var end = meeting.EndsAt.ToSwedish();
        using var pdf = new PdfWriter($"Kallelse {body.Name} {start:yyyy-MM-dd}");
        pdf.Heading($"Kallelse – {body.Name}", 16);
        pdf.Field("Tid", $"{start:yyyy-MM-dd} kl. {start:HH:mm}–{end:HH:mm}");
        pdf.Field("Plats", meeting.Location);
        if (meeting.IsExtra)
        {
            pdf.Field("Slag", "Extra sammanträde");
        }

        pdf.Space(8);
        pdf.Heading("Föredragningslista", 13);
        pdf.Table(["Nr", "Ärende", "Diarienr", "Föredragande", "Förslag till beslut"], [0.06, 0.31, 0.13, 0.20, 0.30],
            meeting.Agenda.OrderBy(a => a.Number).Select(a => new[] { a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Title, a.CaseReference ?? "", a.Presenter ?? "", a.ProposedDecision ?? "" }));
        if (!body.Rules.AllowsSubstitutes)
        {
            pdf.Paragraph($"{body.Name} har inga ersättare.", isSmall: true);
        }

        return pdf.ToBytes();
    }
}
