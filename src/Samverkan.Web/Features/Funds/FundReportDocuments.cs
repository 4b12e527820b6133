using Samverkan.Domain.Common;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Funds;

/// <summary>The fund's yearly report as a PDF for the Council's meeting and as a workbook whose numbers stay numbers.</summary>
public static class FundReportDocuments
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(FundReportResponse r, string extension) => $"arsrapport-{r.Year}.{extension}";

    public static byte[] Pdf(FundReportResponse r)
    {
        using var pdf = new PdfWriter($"{r.FundName}: årsrapport {r.Year}");
        pdf.Heading($"{r.FundName}: årsrapport {r.Year}", 18);
        pdf.Paragraph(r.Closed
            ? $"Året är stängt ({SwedishText.Date(r.ClosedOn)}); rapporten är fastställd. Senare rättelser redovisas i följande års rapport."
            : "Året är inte stängt; siffrorna kan ändras av poster som dateras i året.", isSmall: true);
        pdf.Field("Ingående saldo", SwedishText.Money(r.Opening));
        pdf.Field("Utgående saldo", SwedishText.Money(r.Closing));
        pdf.Field("Förändring", SwedishText.Money(r.Change));
        pdf.Field("Bundet vid årets slut", SwedishText.Money(r.CommittedAtYearEnd));
        pdf.Field("Obundet vid årets slut", SwedishText.Money(r.UncommittedAtYearEnd));
        pdf.Heading("Rörelser per slag", 13);
        pdf.Table(["Slag", "Belopp"], [0.7, 0.3], r.Movements.Select(m => new[] { m.Label, SwedishText.Money(m.Amount) }), [false, true]);
        pdf.Heading("Per satsning", 13);
        pdf.Paragraph("Årets rörelser och vad som återstår av beslutet vid årets slut, i kronor.", isSmall: true);
        pdf.Table(["Satsning", "Beslutat", "Utbetalt", "Frigjort", "Återbetalt", "Återstår"], [0.25, 0.15, 0.15, 0.15, 0.15, 0.15],
            r.Initiatives.Select(i => new[]
            {
                i.Title, Amount(i.Committed), Amount(i.Disbursed), Amount(i.Released), Amount(i.Returned), Amount(i.RemainingAtYearEnd),
            }),
            [false, true, true, true, true, true]);
        pdf.Heading("Satsningarnas resultat", 13);
        foreach (var i in r.Initiatives.Where(i => i.OutcomeOwed || i.Outcome is not null))
        {
            pdf.Paragraph(i.Title, isBold: true);
            if (i.Outcome is { } o)
            {
                pdf.Field("Framdrift", o.Progress);
                pdf.Field("Resultat", o.Results);
                pdf.Field("Medfinansiering", $"{SwedishText.Money(o.ObtainedTotal)} (näringsliv {SwedishText.Money(o.Obtained.Business ?? 0)}, stat {SwedishText.Money(o.Obtained.State ?? 0)}, EU {SwedishText.Money(o.Obtained.Eu ?? 0)}, övrigt {SwedishText.Money(o.Obtained.Other ?? 0)})");
                pdf.Field("Härnäst", o.NextSteps);
            }
            else
            {
                pdf.Paragraph($"Återrapporten för {r.Year} är inte inlämnad (ska lämnas senast {SwedishText.Date(Domain.Funds.OutcomeReport.DueFor(r.Year))}).");
            }

            pdf.Space(4);
        }

        return pdf.ToBytes();
    }

    /// <summary>A table cell in kronor without the unit, which the table's caption gives: "12 500 000", "250 000,50".</summary>
    private static string Amount(decimal amount) => SwedishText.Money(amount)[..^3];

    public static byte[] Xlsx(FundReportResponse r) => Tabular.Xlsx(
    [
        new XlsxSheet($"Sammanfattning {r.Year}", ["Post", "Belopp"],
            new object?[][]
            {
                ["Ingående saldo", r.Opening], ["Utgående saldo", r.Closing], ["Förändring", r.Change],
                ["Bundet vid årets slut", r.CommittedAtYearEnd], ["Obundet vid årets slut", r.UncommittedAtYearEnd],
            }.Concat(r.Movements.Select(m => new object?[] { m.Label, m.Amount }))),
        new XlsxSheet("Satsningar", ["Satsning", "Status", "Beslutat", "Utbetalt", "Frigjort", "Återbetalt", "Återstår", "Återrapport", "Medfinansiering erhållen"],
            r.Initiatives.Select(i => new object?[]
            {
                Tabular.Neutralise(i.Title), i.Status, i.Committed, i.Disbursed, i.Released, i.Returned, i.RemainingAtYearEnd,
                i.Outcome is not null ? "Inlämnad" : i.OutcomeOwed ? "Ej inlämnad" : "–", i.Outcome?.ObtainedTotal,
            })),
    ]);
}
