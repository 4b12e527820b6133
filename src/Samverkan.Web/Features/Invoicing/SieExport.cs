using System.Globalization;
using System.Text;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>
/// SIE 4, type 4I (a file of vouchers for import into the region's ledger): one balanced voucher per invoice,
/// receivable against income; a credit note reverses them. The character set is PC8 (code page 437), as SIE requires.
/// </summary>
public static class SieExport
{
    static SieExport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Write(Party region, CostModel model, int year, IReadOnlyList<Invoice> invoices, IReadOnlyDictionary<Guid, Party> parties, DateOnly generatedOn)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append("\r\n");
        Line("#FLAGGA 0");
        Line("#PROGRAM \"Samverkan\" \"1.0\"");
        Line("#FORMAT PC8");
        Line($"#GEN {Compact(generatedOn)}");
        Line("#SIETYP 4");
        Line($"#ORGNR {region.OrganisationNumber}");
        Line($"#FNAMN {Quote(region.Name)}");
        Line($"#RAR 0 {year}0101 {year}1231");
        Line($"#KONTO {model.ReceivableAccount} \"Kundfordringar\"");
        Line($"#KONTO {model.RevenueAccount} \"Intäkter regional samverkan\"");
        var number = 0;
        foreach (var invoice in invoices.OrderBy(i => i.Sequence))
        {
            number++;
            var amount = invoice.SignedAmount.ToString("0.00", CultureInfo.InvariantCulture);
            var reversed = (-invoice.SignedAmount).ToString("0.00", CultureInfo.InvariantCulture);
            var kind = invoice.Kind == InvoiceKind.CreditNote ? "Kreditnota" : "Faktura";
            Line($"#VER \"A\" {number} {Compact(invoice.IssuedOn)} {Quote($"{kind} {invoice.Number} {parties[invoice.PartyId].Name}")}");
            Line("{");
            Line($"   #TRANS {model.ReceivableAccount} {{}} {amount} {Compact(invoice.IssuedOn)} {Quote(invoice.Number)}");
            Line($"   #TRANS {model.RevenueAccount} {{}} {reversed} {Compact(invoice.IssuedOn)} {Quote(invoice.Number)}");
            Line("}");
        }

        return Encoding.GetEncoding(437).GetBytes(text.ToString());
    }

    private static string Compact(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
