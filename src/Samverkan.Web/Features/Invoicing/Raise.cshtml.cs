using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>
/// Raising a year's instalment or corrections. An instalment is first shown as the domain's plan (count, total, due
/// date) and raised only when confirmed; what is raised is the same plan, made again from what is stored then.
/// </summary>
public sealed class RaiseModel(InvoiceService invoices, CostSharingService costSharing, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    /// <summary>The cost model's due dates, for the rule the page states; null when the county shares no costs.</summary>
    public CostModel? CostModel { get; private set; }

    /// <summary>Set when the secretariat has asked to raise an instalment and must confirm the count, total and due date.</summary>
    public InvoicePlan? Confirm { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Why each run may not be raised (instalment 1, 2, the corrections), said before its button; null where it may.</summary>
    public IReadOnlyDictionary<int, string?> Refusals { get; private set; } = new Dictionary<int, string?>();

    /// <summary>The key of the corrections in <see cref="Refusals"/>.</summary>
    public const int Corrections = 0;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(int instalment, bool confirmed)
    {
        await LoadAsync();
        try
        {
            if (!confirmed)
            {
                Confirm = await invoices.PreviewAsync(County.Id, Year, InvoiceRun.OfInstalment(instalment), HttpContext.RequestAborted);
                return Page();
            }

            var result = await invoices.RaiseInstalmentAsync(County.Id, Year, instalment, HttpContext.RequestAborted);
            TempData["Message"] = result.Created.Count == 0
                ? $"Delbetalning {instalment} för {Year} var redan fakturerad för alla kommuner; inga nya fakturor skapades."
                : $"{SwedishText.Count(result.Created.Count, "faktura", "fakturor")} för delbetalning {instalment} skapades ({result.Created[0].Number}–{result.Created[^1].Number}), sammanlagt {SwedishText.Kronor(result.Created.Sum(i => i.Amount))}.";
            return RedirectToPage("/Invoicing/Index", new { countyCode = County.Code, year = Year });
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    public async Task<IActionResult> OnPostCorrectAsync()
    {
        await LoadAsync();
        try
        {
            var result = await invoices.RaiseCorrectionsAsync(County.Id, Year, HttpContext.RequestAborted);
            TempData["Message"] = result.Created.Count == 0
                ? $"Fakturerat för {Year} stämmer redan med årsbeloppen; inga rättelser behövdes."
                : $"{SwedishText.Count(result.Created.Count, "rättelse", "rättelser")} (tilläggsfakturor eller kreditnotor) skapades för {Year}.";
            return RedirectToPage("/Invoicing/Index", new { countyCode = County.Code, year = Year });
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    /// <summary>The refusal as the API gives it: its message where the buttons are, and its status (422, or 409 for a conflict).</summary>
    private IActionResult Refused(DomainRuleException e)
    {
        // Said once: where the refused run's button would be, when that is where the page already says it.
        Problem = Refusals.Values.Contains(e.Message) ? null : e.Message;
        Response.StatusCode = ChangeFailure.From(e)!.Status;
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        if (Year == 0)
        {
            Year = Today.Year;
        }

        try
        {
            CostModel = await costSharing.ModelAsync(County.Id, HttpContext.RequestAborted);
            var plans = await invoices.PlansAsync(County.Id, Year, HttpContext.RequestAborted);
            Refusals = plans.ToDictionary(p => p.Run.Instalment ?? Corrections, p => p.Refusal);
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
        }
        catch (DomainRuleException e)
        {
            // The year cannot be shared yet (no index, no population): the page says why instead of offering the runs.
            Problem = e.Message;
            CostModel = null;
        }
    }
}
