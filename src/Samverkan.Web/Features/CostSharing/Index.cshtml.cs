using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Common;
using Samverkan.Web.Features.Invoicing;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>A year's cost level, its chain, the allocation per municipality, exports and the invoice run.</summary>
public sealed class IndexModel(CostSharingService costSharing, InvoiceService invoices, CountyAreas areas, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public YearAllocation? Allocation { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The county's agreement shares no costs: the page says so instead of showing an error.</summary>
    public bool NoCostSharing { get; private set; }

    /// <summary>Set when the year is invoiced and its cost level has changed since (a revised index value).</summary>
    public ChangeSinceInvoicing? Change { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return Allocation is null ? NotFound() : File(Tabular.Csv(AllocationTable.Headers, AllocationTable.Rows(Allocation)), "text/csv; charset=utf-8", $"kostnadsfordelning-{County.Code}-{Year}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        return Allocation is null ? NotFound()
            : File(Tabular.Xlsx($"Kostnadsfördelning {Year}", AllocationTable.Headers, AllocationTable.Rows(Allocation)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"kostnadsfordelning-{County.Code}-{Year}.xlsx");
    }

    /// <summary>Set when the secretariat has asked to raise an instalment and must confirm the count, total and due date.</summary>
    public RaisePreview? Confirm { get; private set; }

    public async Task<IActionResult> OnPostRaiseAsync(int instalment, bool confirmed)
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        if (!confirmed)
        {
            await LoadAsync();
            try
            {
                Confirm = await invoices.PreviewInstalmentAsync(County.Id, Year, instalment, HttpContext.RequestAborted);
            }
            catch (DomainRuleException e)
            {
                Problem = e.Message;
            }

            return Page();
        }

        try
        {
            var result = await invoices.RaiseInstalmentAsync(County.Id, Year, instalment, HttpContext.RequestAborted);
            var message = result.Created.Count == 0
                ? $"Delbetalning {instalment} för {Year} var redan fakturerad för alla kommuner; inga nya fakturor skapades."
                : $"{SwedishText.Count(result.Created.Count, "faktura", "fakturor")} för delbetalning {instalment} skapades ({result.Created[0].Number}–{result.Created[^1].Number}), sammanlagt {SwedishText.Kronor(result.Created.Sum(i => i.Amount))}.";
            TempData["Message"] = message;
        return RedirectToPage("/Invoicing/Index", new { countyCode = County.Code, year = Year });
        }
        catch (DomainRuleException e)
        {
            await LoadAsync();
            Problem = e.Message;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCorrectAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        try
        {
            var result = await invoices.RaiseCorrectionsAsync(County.Id, Year, HttpContext.RequestAborted);
            var message = result.Created.Count == 0
                ? $"Fakturerat för {Year} stämmer redan med årsbeloppen; inga rättelser behövdes."
                : $"{SwedishText.Count(result.Created.Count, "rättelse", "rättelser")} (tilläggsfakturor eller kreditnotor) skapades för {Year}.";
            TempData["Message"] = message;
        return RedirectToPage("/Invoicing/Index", new { countyCode = County.Code, year = Year });
        }
        catch (DomainRuleException e)
        {
            await LoadAsync();
            Problem = e.Message;
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        if (Year == 0)
        {
            Year = Today.Year;
        }

        if (!await areas.HasCostSharingAsync(County.Code))
        {
            NoCostSharing = true;
            return;
        }

        try
        {
            Allocation = await costSharing.AllocateAsync(County.Id, Year, cancellationToken: HttpContext.RequestAborted);
            Change = await invoices.ChangeSinceInvoicingAsync(Allocation, HttpContext.RequestAborted);
        }
        catch (DomainRuleException e)
        {
            Problem = e.Message;
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
        }
    }
}
