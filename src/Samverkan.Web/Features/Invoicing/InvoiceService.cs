using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Invoicing;

public sealed record RaiseResult(IReadOnlyList<Invoice> Created, int AlreadyRaised);

/// <summary>The confirmation before an instalment is raised.</summary>
public sealed record RaisePreview(int Instalment, int Count, decimal Total, DateOnly AgreedDueDate, DateOnly DueDate, IReadOnlyList<string> MissingFirstInstalment)
{
    public bool IsLate => DueDate != AgreedDueDate;
}

/// <summary>An index value the year's invoices were built on that has since been revised.</summary>
public sealed record RevisedIndexStep(int Year, decimal InvoicedPercent, decimal? NowPercent);

/// <summary>A municipality's correction if it were raised now: positive is a supplementary invoice, negative a credit note.</summary>
public sealed record PendingCorrection(string Party, decimal Invoiced, decimal Due, decimal Difference);

/// <summary>What changed in the cost level since the year was invoiced, and what a correction would amount to.</summary>
public sealed record ChangeSinceInvoicing(IReadOnlyList<RevisedIndexStep> RevisedSteps, decimal InvoicedLevel, decimal LevelNow,
    IReadOnlyList<PendingCorrection> Corrections)
{
    public decimal Total => Corrections.Sum(c => c.Difference);
}

/// <summary>
/// Raises the year's instalments and corrections. Numbers come from the county's series for the year in the same
/// transaction as the invoices; a concurrent raise loses on the series' version or the unique indexes, is rolled
/// back and retried, and then finds the invoices already there.
/// </summary>
public sealed class InvoiceService(AppDbContext db, CostSharingService costSharing, TimeProvider time, ILogger<InvoiceService> logger)
{
    private const int Attempts = 4;

    public Task<RaiseResult> RaiseInstalmentAsync(Guid countyId, int year, int instalment, CancellationToken cancellationToken = default)
    {
        if (instalment is not (1 or 2))
        {
            throw new DomainRuleException("Instalment", "Delbetalningen är 1 (februari) eller 2 (augusti).");
        }

        return WithRetryAsync("instalment", countyId, year, () => RaiseOnceAsync(countyId, year, instalment, cancellationToken), cancellationToken);
    }

    public Task<RaiseResult> RaiseCorrectionsAsync(Guid countyId, int year, CancellationToken cancellationToken = default) =>
        WithRetryAsync("correction", countyId, year, () => CorrectOnceAsync(countyId, year, cancellationToken), cancellationToken);

    private async Task<RaiseResult> WithRetryAsync(string purpose, Guid countyId, int year, Func<Task<RaiseResult>> raise, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("invoices.raise");
        activity?.SetTag("samverkan.invoices.purpose", purpose).SetTag("samverkan.county_id", countyId).SetTag("samverkan.invoices.year", year);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await raise();
                Telemetry.InvoicesRaised.Add(result.Created.Count, new KeyValuePair<string, object?>("samverkan.invoices.purpose", purpose));
                activity?.SetTag("samverkan.invoices.created", result.Created.Count).SetTag("samverkan.invoices.attempts", attempt);
                return result;
            }
            catch (DbUpdateException e) when (attempt < Attempts)
            {
                // Another raise committed first; start again from what is now stored.
                logger.LogInformation(e, "Invoice raise collided with another, attempt {Attempt}", attempt);
                activity?.AddEvent(new System.Diagnostics.ActivityEvent("collision"));
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
    }

    private async Task<RaiseResult> RaiseOnceAsync(Guid countyId, int year, int instalment, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var allocation = await costSharing.AllocateAsync(countyId, year, cancellationToken: cancellationToken);
        var invoices = await YearInvoicesAsync(allocation, year, cancellationToken);
        var series = await SeriesAsync(countyId, year, cancellationToken);
        var today = time.TodayInSweden();
        var due = allocation.Model.EffectiveDueDate(year, instalment, today);

        var created = new List<Invoice>();
        var already = 0;
        foreach (var row in allocation.Rows)
        {
            var own = invoices.Where(i => i.PartyId == row.Party.Id).ToList();
            if (own.Any(i => i.Purpose == InvoicePurpose.Instalment && i.Instalment == instalment))
            {
                already++;
                continue;
            }

            decimal amount;
            string calculation;
            var invoicedBefore = own.Sum(i => i.SignedAmount);
            if (instalment == 1)
            {
                amount = Instalments.First(row.Amount);
                calculation = $"Delbetalning 1 = hälften av årsbeloppet {SwedishText.Kronor(row.Amount)} avrundat nedåt till hela kronor = {SwedishText.Kronor(amount)}, att betala senast {SwedishText.Date(due)}.";
            }
            else
            {
                var first = own.FirstOrDefault(i => i.Purpose == InvoicePurpose.Instalment && i.Instalment == 1)
                    ?? throw new DomainRuleException("FirstInstalmentFirst", $"Delbetalning 1 för {year} måste faktureras före delbetalning 2 ({row.Party.Name} saknar den).");
                amount = Instalments.Second(row.Amount, first.Amount);
                calculation = $"Delbetalning 2 = årsbeloppet {SwedishText.Kronor(row.Amount)} − delbetalning 1 ({first.Number}) {SwedishText.Kronor(first.Amount)} = {SwedishText.Kronor(amount)}"
                    + (first.IsPreliminary ? "; delbetalning 1 byggde på preliminärt index, så denna faktura stämmer av året mot den slutliga nivån." : ".");
            }

            if (amount <= 0)
            {
                continue;
            }

            var invoice = new Invoice(countyId, allocation.Agreement.Id, row.Party.Id, year, series.Take(), InvoiceKind.Invoice, InvoicePurpose.Instalment, instalment,
                amount, allocation.Derivation.IsPreliminary, today, due,
                $"Regional samverkan {year}, delbetalning {instalment} av 2{(allocation.Derivation.IsPreliminary ? " (preliminär)" : string.Empty)}",
                InvoiceDerivation.From(allocation, row, invoicedBefore, calculation).ToJson());
            db.Invoices.Add(invoice);
            created.Add(invoice);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RaiseResult(created, already);
    }

    /// <summary>What raising an instalment now would create: the count, the total and the due date, for the confirmation.</summary>
    public async Task<RaisePreview> PreviewInstalmentAsync(Guid countyId, int year, int instalment, CancellationToken cancellationToken = default)
    {
        var allocation = await costSharing.AllocateAsync(countyId, year, cancellationToken: cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.AgreementId == allocation.Agreement.Id && i.Year == year).ToListAsync(cancellationToken);
        var count = 0;
        var total = 0m;
        var missingFirst = new List<string>();
        foreach (var row in allocation.Rows)
        {
            var own = invoices.Where(i => i.PartyId == row.Party.Id).ToList();
            if (own.Any(i => i.Purpose == InvoicePurpose.Instalment && i.Instalment == instalment))
            {
                continue;
            }

            decimal amount;
            if (instalment == 1)
            {
                amount = Instalments.First(row.Amount);
            }
            else if (own.FirstOrDefault(i => i.Purpose == InvoicePurpose.Instalment && i.Instalment == 1) is { } first)
            {
                amount = Instalments.Second(row.Amount, first.Amount);
            }
            else
            {
                missingFirst.Add(row.Party.Name);
                continue;
            }

            if (amount > 0)
            {
                count++;
                total += amount;
            }
        }

        var today = time.TodayInSweden();
        return new RaisePreview(instalment, count, total, allocation.Model.DueDate(year, instalment), allocation.Model.EffectiveDueDate(year, instalment, today), missingFirst);
    }

    /// <summary>After the second instalment: a correction invoice or credit note for any difference to the year's amount now.</summary>
    private async Task<RaiseResult> CorrectOnceAsync(Guid countyId, int year, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var allocation = await costSharing.AllocateAsync(countyId, year, cancellationToken: cancellationToken);
        var invoices = await YearInvoicesAsync(allocation, year, cancellationToken);
        var today = time.TodayInSweden();
        InvoiceSeries? series = null;
        var created = new List<Invoice>();
        var unchanged = 0;
        foreach (var row in allocation.Rows)
        {
            var own = invoices.Where(i => i.PartyId == row.Party.Id).ToList();
            if (!own.Any(i => i.Purpose == InvoicePurpose.Instalment && i.Instalment == 2))
            {
                throw new DomainRuleException("CorrectionBeforeSecond", $"Rättelser görs efter delbetalning 2; {row.Party.Name} har ingen delbetalning 2 för {year}. Fakturera delbetalning 2 i stället.");
            }

            var invoiced = own.Sum(i => i.SignedAmount);
            var difference = row.Amount - invoiced;
            if (difference == 0)
            {
                unchanged++;
                continue;
            }

            series ??= await SeriesAsync(countyId, year, cancellationToken);
            var kind = difference > 0 ? InvoiceKind.Invoice : InvoiceKind.CreditNote;
            var calculation = $"Årsbeloppet är nu {SwedishText.Kronor(row.Amount)}; fakturerat hittills {SwedishText.Kronor(invoiced)}; "
                + (kind == InvoiceKind.Invoice ? $"tilläggsfaktura på {SwedishText.Kronor(difference)}." : $"kreditnota på {SwedishText.Kronor(-difference)}.");
            var invoice = new Invoice(countyId, allocation.Agreement.Id, row.Party.Id, year, series.Take(), kind, InvoicePurpose.Correction, null,
                Math.Abs(difference), allocation.Derivation.IsPreliminary, today, today.AddDays(30),
                $"Regional samverkan {year}, {(kind == InvoiceKind.Invoice ? "tilläggsfaktura" : "kreditnota")} efter ändrad kostnadsnivå",
                InvoiceDerivation.From(allocation, row, invoiced, calculation).ToJson());
            db.Invoices.Add(invoice);
            created.Add(invoice);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RaiseResult(created, unchanged);
    }

    /// <summary>
    /// Null when the year is not invoiced or nothing has changed since; otherwise the revised index values and, per
    /// municipality, what is invoiced, what the instalments raised so far would amount to now, and the difference.
    /// </summary>
    public async Task<ChangeSinceInvoicing?> ChangeSinceInvoicingAsync(YearAllocation allocation, CancellationToken cancellationToken = default)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.AgreementId == allocation.Agreement.Id && i.Year == allocation.Year)
            .OrderBy(i => i.Number).ToListAsync(cancellationToken);
        if (invoices.Count == 0)
        {
            return null;
        }

        var latest = InvoiceDerivation.Parse(invoices[^1]);
        var now = allocation.Derivation.Steps.ToDictionary(s => s.Year);
        var revised = latest.CostLevelChain
            .Where(s => s.ChangePercent is not null && (!now.TryGetValue(s.Year, out var step) || step.ChangePercent != s.ChangePercent))
            .Select(s => new RevisedIndexStep(s.Year, s.ChangePercent!.Value, now.TryGetValue(s.Year, out var step) ? step.ChangePercent : null))
            .ToList();
        var corrections = new List<PendingCorrection>();
        foreach (var row in allocation.Rows)
        {
            var own = invoices.Where(i => i.PartyId == row.Party.Id).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var invoiced = own.Sum(i => i.SignedAmount);
            var secondRaised = own.Any(i => i.Purpose == InvoicePurpose.Instalment && i.Instalment == 2);
            var due = secondRaised ? row.Amount : Instalments.First(row.Amount);
            if (due != invoiced)
            {
                corrections.Add(new PendingCorrection(row.Party.Name, invoiced, due, due - invoiced));
            }
        }

        return revised.Count == 0 && corrections.Count == 0 && latest.CostLevel == allocation.Derivation.Level
            ? null
            : new ChangeSinceInvoicing(revised, latest.CostLevel, allocation.Derivation.Level, corrections);
    }

    private Task<List<Invoice>> YearInvoicesAsync(YearAllocation allocation, int year, CancellationToken cancellationToken) =>
        db.Invoices.Where(i => i.AgreementId == allocation.Agreement.Id && i.Year == year).ToListAsync(cancellationToken);

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
