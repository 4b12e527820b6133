using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Invoicing;

public sealed record RaiseResult(IReadOnlyList<Invoice> Created, int AlreadyRaised);

/// <summary>
/// Raises the year's instalments and corrections as the domain's <see cref="InvoicePlan"/> chooses them: the preview
/// shows the plan, the raise issues the same plan. Numbers come from the county's series for the year in the same
/// transaction as the invoices; a concurrent raise loses on the series' version or the unique indexes, is rolled
/// back and run again by <see cref="ConflictRetry"/>, and then finds the invoices already there.
/// </summary>
public sealed class InvoiceService(AppDbContext db, CostSharingService costSharing, TimeProvider time, ILogger<InvoiceService> logger)
{
    public Task<RaiseResult> RaiseInstalmentAsync(Guid countyId, int year, int instalment, CancellationToken cancellationToken = default) =>
        RaiseAsync(countyId, year, InvoiceRun.OfInstalment(instalment), cancellationToken);

    public Task<RaiseResult> RaiseCorrectionsAsync(Guid countyId, int year, CancellationToken cancellationToken = default) =>
        RaiseAsync(countyId, year, InvoiceRun.Corrections, cancellationToken);

    /// <summary>
    /// What raising now would create: per party the invoice, and the count, total and due date for the confirmation.
    /// Refused (422) as the raise would be when nothing of it may be raised (<see cref="InvoicePlan.Refusals"/>).
    /// </summary>
    public async Task<InvoicePlan> PreviewAsync(Guid countyId, int year, InvoiceRun run, CancellationToken cancellationToken = default) =>
        (await PlanAsync(countyId, year, run, cancellationToken)).Plan.EnsureAllowed();

    /// <summary>The plan of each run of the year (instalment 1, 2, the corrections), for the page to say before each button what stops it.</summary>
    public async Task<IReadOnlyList<InvoicePlan>> PlansAsync(Guid countyId, int year, CancellationToken cancellationToken = default)
    {
        var allocation = await costSharing.AllocateAsync(countyId, year, cancellationToken: cancellationToken);
        var raised = await costSharing.InvoicedAsync(allocation, cancellationToken);
        return new[] { InvoiceRun.OfInstalment(1), InvoiceRun.OfInstalment(2), InvoiceRun.Corrections }
            .Select(run => InvoicePlan.Make(run, allocation.ForInvoicing, raised, time.TodayInSweden())).ToList();
    }

    public async Task<RaiseResult> RaiseAsync(Guid countyId, int year, InvoiceRun run, CancellationToken cancellationToken = default)
    {
        var purpose = run.IsCorrection ? "correction" : "instalment";
        using var activity = Telemetry.Source.StartActivity("invoices.raise");
        activity?.SetTag("samverkan.invoices.purpose", purpose).SetTag("samverkan.county_id", countyId).SetTag("samverkan.invoices.year", year);
        var attempt = 0;
        var result = await ConflictRetry.RunAsync(db, () =>
        {
            if (++attempt > 1)
            {
                // Another raise committed first; this attempt starts again from what is now stored.
                logger.LogInformation("Invoice raise collided with another, attempt {Attempt}", attempt);
                activity?.AddEvent(new System.Diagnostics.ActivityEvent("collision"));
            }

            return RaiseOnceAsync(countyId, year, run, cancellationToken);
        }, cancellationToken);
        Telemetry.InvoicesRaised.Add(result.Created.Count, new KeyValuePair<string, object?>("samverkan.invoices.purpose", purpose));
        activity?.SetTag("samverkan.invoices.created", result.Created.Count).SetTag("samverkan.invoices.attempts", attempt);
        return result;
    }

    private async Task<RaiseResult> RaiseOnceAsync(Guid countyId, int year, InvoiceRun run, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (allocation, plan) = await PlanAsync(countyId, year, run, cancellationToken);
        plan.EnsureRaisable();
        InvoiceSeries? series = null;
        var created = new List<Invoice>();
        foreach (var planned in plan.Invoices)
        {
            series ??= await SeriesAsync(countyId, year, cancellationToken);
            var invoice = plan.Issue(planned, countyId, allocation.Agreement.Id, series.Take(), Derivation(allocation, planned).ToJson());
            db.Invoices.Add(invoice);
            created.Add(invoice);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RaiseResult(created, plan.UpToDate);
    }

    private async Task<(YearAllocation Allocation, InvoicePlan Plan)> PlanAsync(Guid countyId, int year, InvoiceRun run, CancellationToken cancellationToken)
    {
        var allocation = await costSharing.AllocateAsync(countyId, year, cancellationToken: cancellationToken);
        var raised = await costSharing.InvoicedAsync(allocation, cancellationToken);
        return (allocation, InvoicePlan.Make(run, allocation.ForInvoicing, raised, time.TodayInSweden()));
    }

    /// <summary>Everything that explains the planned invoice's amount, stored with the invoice as it is now.</summary>
    public static InvoiceDerivation Derivation(YearAllocation allocation, PlannedInvoice planned)
    {
        var row = allocation.For(planned.Party.PartyId);
        return new InvoiceDerivation(
            allocation.Agreement.Title,
            allocation.Agreement.CaseNumber,
            allocation.Year,
            allocation.Derivation.Steps.Select(s => new DerivationStep(s.Year, s.Level, s.Rule?.ToString(), s.ChangePercent, s.IsPreliminary, s.Explanation)).ToList(),
            allocation.Derivation.Level,
            allocation.Derivation.IsPreliminary,
            allocation.PopulationReferenceDate,
            row.Population,
            allocation.TotalPopulation,
            decimal.Round(row.Share, 10),
            decimal.Round(row.Exact, 4),
            row.Amount,
            row.RoundingAdded,
            planned.InvoicedBefore.Value,
            planned.Calculation);
    }

    private async Task<InvoiceSeries> SeriesAsync(Guid countyId, int year, CancellationToken cancellationToken)
    {
        var series = await db.InvoiceSeries.FirstOrDefaultAsync(s => s.CountyId == countyId && s.Year == year, cancellationToken);
        if (series is null)
        {
            series = new InvoiceSeries(countyId, year);
            db.InvoiceSeries.Add(series);
        }

        return series;
    }
}
