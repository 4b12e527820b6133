using System.Globalization;
using System.Xml.Linq;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Tests.Domain;
using Samverkan.Web.Features.Invoicing;

namespace Samverkan.Tests.Invoicing;

/// <summary>The PDF and the e-invoice of one invoice state the same VAT: the cost model's, computed once.</summary>
public sealed class InvoiceVatTests
{
    [Fact]
    public void VatOfHalfAnOre_IsRoundedAwayFromZero_TheSameOnThePdfAndInTheEInvoice()
    {
        var county = Guid.NewGuid();
        var model = new CostModel(county, Guid.NewGuid(), 2023, 14_840_000m, "Aktuell kostnadsnivå 2023");
        // Not a Swedish rate: at 25, 12 or 6 % VAT on whole kronor never ends in half an öre. At 12,5 % on 1 001 kr it is
        // 125,125 kr, which rounding to even (the PDF's old rounding) took to 125,12 kr and PEPPOL's rounding to 125,13 kr.
        model.SetVat("S", 12.5m, null);
        var seller = TestOrg.Region(county, "Region Västmanland");
        var buyer = TestOrg.Municipality(county, "Västerås", "1980");
        var invoice = new Invoice(county, model.AgreementId, buyer.Id, 2026, 1, InvoiceKind.Invoice, InvoicePurpose.Correction, null, 1_001m, false,
            new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 23), "Regional samverkan 2026, tilläggsfaktura efter ändrad kostnadsnivå", "{}");

        var pdf = InvoicePdf.AmountRows(invoice, model);
        var ubl = UblInvoice.Create(invoice, seller, buyer, model, "RS 2022/123").Root!;

        XNamespace cbc = UblInvoice.Cbc;
        XNamespace cac = UblInvoice.Cac;
        var ublVat = decimal.Parse(ubl.Element(cac + "TaxTotal")!.Element(cbc + "TaxAmount")!.Value, CultureInfo.InvariantCulture);
        var ublPayable = decimal.Parse(ubl.Element(cac + "LegalMonetaryTotal")!.Element(cbc + "PayableAmount")!.Value, CultureInfo.InvariantCulture);
        ublVat.ShouldBe(125.13m);
        ublPayable.ShouldBe(1_126.13m);
        pdf[1][1].ShouldBe(SwedishText.Money(ublVat));
        pdf[1][1].ShouldBe("125,13 kr");
        pdf[2].ShouldBe(["Att betala", SwedishText.Money(ublPayable)]);
    }

    [Fact]
    public void InvoiceOutsideVat_ShowsNoVat_OnEitherDocument()
    {
        var county = Guid.NewGuid();
        var model = new CostModel(county, Guid.NewGuid(), 2023, 14_840_000m, "Aktuell kostnadsnivå 2023");
        var buyer = TestOrg.Municipality(county, "Västerås", "1980");
        var invoice = new Invoice(county, model.AgreementId, buyer.Id, 2026, 1, InvoiceKind.Invoice, InvoicePurpose.Instalment, 1, 617_283m, false,
            new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1), "Regional samverkan 2026, delbetalning 1 av 2", "{}");

        var pdf = InvoicePdf.AmountRows(invoice, model);
        var ubl = UblInvoice.Create(invoice, TestOrg.Region(county, "Region Västmanland"), buyer, model, "RS 2022/123");

        pdf.Select(r => r[1]).ShouldBe(["617 283 kr", "0 kr", "617 283 kr"]);
        ubl.Root!.Element(UblInvoice.Cac + "TaxTotal")!.Element(UblInvoice.Cbc + "TaxAmount")!.Value.ShouldBe("0.00");
        UblChecks.Check(ubl).ShouldBeEmpty();
    }
}
