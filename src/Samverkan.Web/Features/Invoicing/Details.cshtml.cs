using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Common;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>One invoice with its whole derivation, its PDF and e-invoice, and the payment.</summary>
public sealed class DetailsModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public InvoiceContext Context { get; private set; } = null!;

    public InvoiceDerivation Derivation { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await LoadAsync();
        var c = Context;
        return File(InvoicePdf.Write(c.Invoice, c.Seller, c.Buyer, c.Model, c.Agreement.Title, c.Agreement.CaseNumber), "application/pdf", $"faktura-{c.Invoice.Number}.pdf");
    }

    public async Task<IActionResult> OnGetUblAsync()
    {
        await LoadAsync();
        var c = Context;
        var xml = UblInvoice.Create(c.Invoice, c.Seller, c.Buyer, c.Model, c.AgreementReference);
        using var memory = new MemoryStream();
        await xml.SaveAsync(memory, System.Xml.Linq.SaveOptions.None, HttpContext.RequestAborted);
        return File(memory.ToArray(), "application/xml", $"faktura-{c.Invoice.Number}.xml");
    }

    public async Task<IActionResult> OnPostPaidAsync(DateOnly? paidOn)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            Context.Invoice.MarkPaid(paidOn ?? Today);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException e)
        {
            Message = e.Message;
            return Page();
        }

        TempData["Message"] = $"Faktura {Context.Invoice.Number} är markerad som betald.";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Context = await InvoiceQueries.LoadReadableAsync(db, Access, Id, HttpContext.RequestAborted);
        if (Context.Invoice.CountyId != County.Id)
        {
            throw new NotFoundException("Fakturan finns inte i det här länet.");
        }

        Derivation = InvoiceDerivation.Parse(Context.Invoice);
    }
}
