using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>The invoice as a Swedish A4 PDF with its whole derivation, so the municipality can check every krona.</summary>
public static class InvoicePdf
{
    public static byte[] Write(Invoice invoice, Party seller, Party buyer, CostModel model, string agreementTitle, string? caseNumber)
    {
        var derivation = InvoiceDerivation.Parse(invoice);
        var title = invoice.Kind == InvoiceKind.CreditNote ? "Kreditnota" : "Faktura";
        using var pdf = new PdfWriter($"{title} {invoice.Number}");
        pdf.Heading($"{title} {invoice.Number}{(invoice.IsPreliminary ? " – preliminär" : string.Empty)}", 18);
        pdf.Field("Fakturadatum", SwedishText.Date(invoice.IssuedOn));
        if (invoice.Kind == InvoiceKind.Invoice)
        {
            pdf.Field("Förfallodatum", SwedishText.Date(invoice.DueOn));
        }

        pdf.Field("Från", $"{seller.Name}, org.nr {seller.OrganisationNumber}");
        pdf.Field("Till", $"{buyer.Name}{(buyer.Kind == PartyKind.Municipality ? " kommun" : string.Empty)}, org.nr {buyer.OrganisationNumber}");
        pdf.Field("Avser", invoice.Description);
        pdf.Field("Enligt", agreementTitle + (caseNumber is null ? string.Empty : $" ({caseNumber})") + $", {model.InvoiceSection}");
        if (model.Bankgiro is not null && invoice.Kind == InvoiceKind.Invoice)
        {
            pdf.Field("Bankgiro", model.Bankgiro + $", ange {invoice.Number}");
        }

        pdf.Space(8);
        pdf.Table(["Beskrivning", "Belopp"], [0.75, 0.25], AmountRows(invoice, model), [false, true]);

        pdf.Heading("Så har beloppet räknats fram", 13);
        pdf.Table(
            ["År", "Kostnadsnivå", "Förklaring"],
            [0.1, 0.2, 0.7],
            derivation.CostLevelChain.Select(s => new[] { s.Year.ToString(SwedishText.Culture), SwedishText.Kronor(s.Level), s.Explanation }),
            [false, true, false]);
        foreach (var line in derivation.Lines().Skip(derivation.CostLevelChain.Count))
        {
            pdf.Paragraph(line);
        }

        if (invoice.IsPreliminary)
        {
            pdf.Paragraph("Fakturan bygger på en prognos för indexet. Delbetalning 2 stämmer av året mot den slutliga kostnadsnivån.", isBold: true);
        }

        pdf.Space(6);
        pdf.Paragraph("Frågor om beräkningen besvaras av regionens sekretariat för regional samverkan. Samma uträkning finns i Samverkan under kostnadsfördelningen för året.", isSmall: true);
        return pdf.ToBytes();
    }

    /// <summary>
    /// The amount, the VAT and the total as the PDF prints them: the VAT is the cost model's, the same as in the e-invoice,
    /// and shown with öre when it has any.
    /// </summary>
    public static string[][] AmountRows(Invoice invoice, CostModel model)
    {
        var net = Money.Sek(invoice.Amount);
        var vat = model.VatOn(net);
        return
        [
            [invoice.Description, SwedishText.Kronor(net)],
            [model.VatCategory == "S" ? $"Moms {model.VatRate:0.##} %" : $"Moms 0 kr – {model.VatExemptionReason}", vat.ToString()],
            [invoice.Kind == InvoiceKind.CreditNote ? "Att kreditera" : "Att betala", (net + vat).ToString()],
        ];
    }
}
