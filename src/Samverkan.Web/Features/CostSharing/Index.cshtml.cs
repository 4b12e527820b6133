using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Common;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>
/// A year's cost level, its chain, the allocation per municipality, exports, and what has changed since the year was
/// invoiced. The invoice run's buttons post to the invoicing area, which owns raising (Invoicing/Raise).
/// </summary>
public sealed class IndexModel(CostSharingService costSharing, CountyAreas areas, Access access, TimeProvider time) : CountyPageModel(access, time)
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

    /// <summary>Why instalment 1 or 2 may not be raised (the domain's invoice plan), said instead of its button; null where it may.</summary>
    public IReadOnlyDictionary<int, string?> RaiseRefusals { get; private set; } = new Dictionary<int, string?>();

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
            var raised = await costSharing.InvoicedAsync(Allocation, HttpContext.RequestAborted);
            Change = ChangeSinceInvoicing.Find(raised, Allocation.Derivation, Allocation.AnnualAmounts);
            RaiseRefusals = new[] { 1, 2 }.ToDictionary(n => n, n => InvoicePlan.Make(InvoiceRun.OfInstalment(n), Allocation.ForInvoicing, raised, Today).Refusal);
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
