using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;

namespace Samverkan.Domain.Invoicing;

/// <summary>An index value the year's invoices were built on that has since been revised.</summary>
public sealed record RevisedIndexStep(int Year, decimal InvoicedPercent, decimal? NowPercent);

/// <summary>A municipality's correction if it were raised now: positive is a supplementary invoice, negative a credit note.</summary>
public sealed record PendingCorrection(string Party, Money Invoiced, Money Due, Money Difference);

/// <summary>What changed in the cost level since the year was invoiced, and what a correction would amount to.</summary>
public sealed record ChangeSinceInvoicing(IReadOnlyList<RevisedIndexStep> RevisedSteps, decimal InvoicedLevel, decimal LevelNow,
    IReadOnlyList<PendingCorrection> Corrections)
{
    public Money Total => Money.Sum(Corrections.Select(c => c.Difference));

    /// <summary>
    /// Null when the year is not invoiced or nothing has changed since; otherwise the revised index values and, per
    /// municipality, what is invoiced, what the instalments raised so far would amount to now, and the difference.
    /// </summary>
    /// <param name="invoices">The year's invoices in the order of their numbers; the latest tells what the invoicing was built on.</param>
    public static ChangeSinceInvoicing? Find(IReadOnlyList<Invoice> invoices, CostLevelDerivation now, IReadOnlyList<AnnualAmount> amounts)
    {
        if (invoices.Count == 0)
        {
            return null;
        }

        var latest = InvoiceDerivation.Parse(invoices[^1]);
        var steps = now.Steps.ToDictionary(s => s.Year);
        var revised = latest.CostLevelChain
            .Where(s => s.ChangePercent is not null && (!steps.TryGetValue(s.Year, out var step) || step.ChangePercent != s.ChangePercent))
            .Select(s => new RevisedIndexStep(s.Year, s.ChangePercent!.Value, steps.TryGetValue(s.Year, out var step) ? step.ChangePercent : null))
            .ToList();
        var byParty = invoices.ToLookup(i => i.PartyId);
        var corrections = new List<PendingCorrection>();
        foreach (var party in amounts)
        {
            var own = byParty[party.PartyId].ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var invoiced = InvoicePlan.Invoiced(own);
            var due = own.Any(i => InvoicePlan.IsInstalment(i, 2)) ? party.Amount : Instalments.First(party.Amount);
            if (due != invoiced)
            {
                corrections.Add(new PendingCorrection(party.Party, invoiced, due, due - invoiced));
            }
        }

        return revised.Count == 0 && corrections.Count == 0 && latest.CostLevel == now.Level
            ? null
            : new ChangeSinceInvoicing(revised, latest.CostLevel, now.Level, corrections);
    }
}
