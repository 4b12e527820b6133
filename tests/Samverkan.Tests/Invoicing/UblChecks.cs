using System.Globalization;
using System.Xml.Linq;
using Samverkan.Domain.Counties;
using Samverkan.Web.Features.Invoicing;

namespace Samverkan.Tests.Invoicing;

/// <summary>
/// The EN 16931 / PEPPOL BIS 3.0 / Swedish rules that can be checked in C#: mandatory elements, code lists, sums,
/// category O, organisation numbers with check digits. Returns the broken rules by their identifiers.
/// </summary>
internal static class UblChecks
{
    private static readonly XNamespace Cac = UblInvoice.Cac;
    private static readonly XNamespace Cbc = UblInvoice.Cbc;
    private static readonly string[] VatCategories = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"];

    public static List<string> Check(XDocument document)
    {
        var broken = new List<string>();
        void Rule(string id, bool ok)
        {
            if (!ok)
            {
                broken.Add(id);
            }
        }

        var root = document.Root!;
        var isCredit = root.Name.LocalName == "CreditNote";
        string? Value(XElement e, params XName[] path) => path.Aggregate((XElement?)e, (x, n) => x?.Element(n))?.Value;
        decimal Amount(XElement e, params XName[] path) => decimal.Parse(Value(e, path)!, CultureInfo.InvariantCulture);

        Rule("PEPPOL-EN16931-R004", Value(root, Cbc + "CustomizationID") == UblInvoice.CustomizationId);
        Rule("PEPPOL-EN16931-R001", Value(root, Cbc + "ProfileID") == UblInvoice.ProfileId);
        Rule("BR-02", !string.IsNullOrWhiteSpace(Value(root, Cbc + "ID")));
        Rule("BR-03", DateOnly.TryParseExact(Value(root, Cbc + "IssueDate"), "yyyy-MM-dd", out _));
        var typeCode = Value(root, Cbc + (isCredit ? "CreditNoteTypeCode" : "InvoiceTypeCode"));
        Rule("BR-04", isCredit ? typeCode == "381" : typeCode == "380");
        Rule("BR-05", Value(root, Cbc + "DocumentCurrencyCode") == "SEK");
        Rule("PEPPOL-EN16931-R003", !string.IsNullOrWhiteSpace(Value(root, Cbc + "BuyerReference")));
        Rule("PEPPOL-EN16931-R002", root.Elements(Cbc + "Note").Count() <= 1);
        Rule("PEPPOL-EN16931-R008", !root.Descendants().Any(e => !e.HasElements && string.IsNullOrWhiteSpace(e.Value)));

        foreach (var (role, rule) in new[] { ("AccountingSupplierParty", "SELLER"), ("AccountingCustomerParty", "BUYER") })
        {
            var party = root.Element(Cac + role)?.Element(Cac + "Party");
            Rule($"BR-{rule}-PARTY", party is not null);
            if (party is null)
            {
                continue;
            }

            var endpoint = party.Element(Cbc + "EndpointID");
            Rule(rule == "SELLER" ? "PEPPOL-EN16931-R020" : "PEPPOL-EN16931-R010", endpoint is not null);
            Rule("PEPPOL-EN16931-CL008", endpoint?.Attribute("schemeID")?.Value == "0007");
            Rule(rule == "SELLER" ? "BR-06" : "BR-07", !string.IsNullOrWhiteSpace(Value(party, Cac + "PartyLegalEntity", Cbc + "RegistrationName")));
            Rule(rule == "SELLER" ? "BR-09" : "BR-11", !string.IsNullOrWhiteSpace(Value(party, Cac + "PostalAddress", Cac + "Country", Cbc + "IdentificationCode")));
            var companyId = Value(party, Cac + "PartyLegalEntity", Cbc + "CompanyID") ?? string.Empty;
            if (rule == "SELLER")
            {
                Rule("SE-R-003", companyId.All(char.IsAsciiDigit));
                Rule("SE-R-004", companyId.Length == 10);
                Rule("SE-R-013", OrganisationNumber.IsValid(companyId));
            }

            Rule("BR-O-02", party.Elements(Cac + "PartyTaxScheme").All(t => Value(t, Cac + "TaxScheme", Cbc + "ID") != "VAT") || CategoryOf(root) != "O");
        }

        var lines = root.Elements(Cac + (isCredit ? "CreditNoteLine" : "InvoiceLine")).ToList();
        Rule("BR-16", lines.Count > 0);
        var lineSum = lines.Sum(l => Amount(l, Cbc + "LineExtensionAmount"));
        var totals = root.Element(Cac + "LegalMonetaryTotal")!;
        var taxTotal = root.Elements(Cac + "TaxTotal").ToList();
        Rule("PEPPOL-EN16931-R053", taxTotal.Count == 1);
        var tax = Amount(taxTotal[0], Cbc + "TaxAmount");
        Rule("BR-CO-10", Amount(totals, Cbc + "LineExtensionAmount") == lineSum);
        Rule("BR-CO-13", Amount(totals, Cbc + "TaxExclusiveAmount") == lineSum);
        Rule("BR-CO-15", Amount(totals, Cbc + "TaxInclusiveAmount") == Amount(totals, Cbc + "TaxExclusiveAmount") + tax);
        Rule("BR-CO-16", Amount(totals, Cbc + "PayableAmount") == Amount(totals, Cbc + "TaxInclusiveAmount"));
        var subtotals = taxTotal[0].Elements(Cac + "TaxSubtotal").ToList();
        Rule("BR-CO-14", subtotals.Sum(s => Amount(s, Cbc + "TaxAmount")) == tax);
        Rule("BR-CO-18", subtotals.Count > 0);
        foreach (var subtotal in subtotals)
        {
            var category = Value(subtotal, Cac + "TaxCategory", Cbc + "ID");
            Rule("BR-CL-17", VatCategories.Contains(category));
            if (category == "O")
            {
                Rule("BR-O-09", Amount(subtotal, Cbc + "TaxAmount") == 0);
                Rule("BR-O-10", !string.IsNullOrWhiteSpace(Value(subtotal, Cac + "TaxCategory", Cbc + "TaxExemptionReason")));
                Rule("BR-O-08", Amount(subtotal, Cbc + "TaxableAmount") == lineSum);
            }
        }

        foreach (var line in lines)
        {
            var quantity = line.Element(Cbc + (isCredit ? "CreditedQuantity" : "InvoicedQuantity"));
            Rule("BR-CL-23", quantity?.Attribute("unitCode")?.Value == "C62");
            Rule("BR-25", !string.IsNullOrWhiteSpace(Value(line, Cac + "Item", Cbc + "Name")));
            Rule("BR-26", line.Element(Cac + "Price")?.Element(Cbc + "PriceAmount") is not null);
        }

        Rule("BR-CL-03", root.Descendants().Where(e => e.Attribute("currencyID") is not null).All(e => e.Attribute("currencyID")!.Value == "SEK"));
        return broken;
    }

    private static string? CategoryOf(XElement root) =>
        root.Element(Cac + "TaxTotal")?.Element(Cac + "TaxSubtotal")?.Element(Cac + "TaxCategory")?.Element(Cbc + "ID")?.Value;
}
