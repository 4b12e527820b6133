using System.Globalization;
using System.Xml.Linq;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>
/// PEPPOL BIS Billing 3.0 (UBL 2.1) for an invoice or a credit note. Seller and buyer are identified by their
/// organisation numbers (ICD 0007, ten digits without hyphen, as SE-R-003/004/013 want). VAT follows the cost
/// model: category O (not subject to VAT) with its exemption reason by default, so no VAT identifiers appear (BR-O-02).
/// </summary>
public static class UblInvoice
{
    public const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    public static XDocument Create(Invoice invoice, Party seller, Party buyer, CostModel model, string agreementReference, IEnumerable<Invoice>? credited = null)
    {
        var isCredit = invoice.Kind == InvoiceKind.CreditNote;
        var root = isCredit ? CreditNoteNs + "CreditNote" : InvoiceNs + "Invoice";
        var net = invoice.Amount;
        var vat = model.VatOn(Money.Sek(net)).Value;

        var document = new XElement(root,
            new XAttribute(XNamespace.Xmlns + "cac", Cac),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc),
            new XElement(Cbc + "CustomizationID", CustomizationId),
            new XElement(Cbc + "ProfileID", ProfileId),
            new XElement(Cbc + "ID", invoice.Number),
            new XElement(Cbc + "IssueDate", Date(invoice.IssuedOn)),
            isCredit ? null : new XElement(Cbc + "DueDate", Date(invoice.DueOn)),
            new XElement(Cbc + (isCredit ? "CreditNoteTypeCode" : "InvoiceTypeCode"), isCredit ? "381" : "380"),
            new XElement(Cbc + "Note", invoice.Description),
            new XElement(Cbc + "DocumentCurrencyCode", "SEK"),
            new XElement(Cbc + "BuyerReference", agreementReference),
            new XElement(Cac + "InvoicePeriod",
                new XElement(Cbc + "StartDate", $"{invoice.Year}-01-01"),
                new XElement(Cbc + "EndDate", $"{invoice.Year}-12-31")),
            credited?.Select(c => new XElement(Cac + "BillingReference",
                new XElement(Cac + "InvoiceDocumentReference", new XElement(Cbc + "ID", c.Number), new XElement(Cbc + "IssueDate", Date(c.IssuedOn))))),
            new XElement(Cac + "ContractDocumentReference", new XElement(Cbc + "ID", agreementReference)),
            PartyElement("AccountingSupplierParty", seller),
            PartyElement("AccountingCustomerParty", buyer),
            PaymentMeans(invoice, model),
            isCredit ? null : new XElement(Cac + "PaymentTerms", new XElement(Cbc + "Note", $"Betalas senast {Date(invoice.DueOn)}.")),
            new XElement(Cac + "TaxTotal",
                Amount("TaxAmount", vat),
                new XElement(Cac + "TaxSubtotal",
                    Amount("TaxableAmount", net),
                    Amount("TaxAmount", vat),
                    TaxCategory("TaxCategory", model, withReason: true))),
            new XElement(Cac + "LegalMonetaryTotal",
                Amount("LineExtensionAmount", net),
                Amount("TaxExclusiveAmount", net),
                Amount("TaxInclusiveAmount", net + vat),
                Amount("PayableAmount", net + vat)),
            new XElement(Cac + (isCredit ? "CreditNoteLine" : "InvoiceLine"),
                new XElement(Cbc + "ID", "1"),
                // The agreement's own section on costs, as the cost model states it (BT-127, the line's note).
                new XElement(Cbc + "Note", $"Enligt {agreementReference}, {model.InvoiceSection}"),
                new XElement(Cbc + (isCredit ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", "C62"), "1"),
                Amount("LineExtensionAmount", net),
                new XElement(Cac + "Item",
                    new XElement(Cbc + "Name", $"Regional samverkan {invoice.Year}"),
                    TaxCategory("ClassifiedTaxCategory", model, withReason: false)),
                new XElement(Cac + "Price", Amount("PriceAmount", net))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), document);
    }

    private static XElement PartyElement(string role, Party party)
    {
        var number = OrganisationNumber.Normalise(party.OrganisationNumber).Replace("-", string.Empty, StringComparison.Ordinal);
        return new XElement(Cac + role,
            new XElement(Cac + "Party",
                new XElement(Cbc + "EndpointID", new XAttribute("schemeID", "0007"), number),
                new XElement(Cac + "PartyIdentification", new XElement(Cbc + "ID", new XAttribute("schemeID", "0007"), number)),
                new XElement(Cac + "PartyName", new XElement(Cbc + "Name", party.Name)),
                new XElement(Cac + "PostalAddress",
                    new XElement(Cbc + "CityName", party.Name.Replace("Region ", string.Empty, StringComparison.Ordinal)),
                    new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", "SE"))),
                new XElement(Cac + "PartyLegalEntity",
                    new XElement(Cbc + "RegistrationName", party.Kind == PartyKind.Municipality ? party.Name + " kommun" : party.Name),
                    new XElement(Cbc + "CompanyID", new XAttribute("schemeID", "0007"), number))));
    }

    private static XElement? PaymentMeans(Invoice invoice, CostModel model)
    {
        if (invoice.Kind == InvoiceKind.CreditNote || model.Bankgiro is null)
        {
            return null;
        }

        return new XElement(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", "30"),
            new XElement(Cbc + "PaymentID", invoice.Number),
            new XElement(Cac + "PayeeFinancialAccount",
                new XElement(Cbc + "ID", new string(model.Bankgiro.Where(char.IsAsciiDigit).ToArray())),
                new XElement(Cac + "FinancialInstitutionBranch", new XElement(Cbc + "ID", "SE:BANKGIRO"))));
    }

    private static XElement TaxCategory(string name, CostModel model, bool withReason) => new(Cac + name,
        new XElement(Cbc + "ID", model.VatCategory),
        model.VatCategory == "S" ? new XElement(Cbc + "Percent", model.VatRate.ToString("0.##", CultureInfo.InvariantCulture)) : null,
        withReason && model.VatCategory != "S" ? new XElement(Cbc + "TaxExemptionReason", model.VatExemptionReason) : null,
        new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")));

    private static XElement Amount(string name, decimal value) =>
        new(Cbc + name, new XAttribute("currencyID", "SEK"), value.ToString("0.00", CultureInfo.InvariantCulture));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
