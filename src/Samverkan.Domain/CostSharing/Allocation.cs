using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>One party's weight in an allocation, e.g. its population. <see cref="Key"/> orders ties: the municipality code.</summary>
public sealed record AllocationWeight(string Key, decimal Weight);

/// <summary>One party's part: its share of the whole, the exact amount and the whole-kronor amount after rounding.</summary>
public sealed record AllocationLine(string Key, decimal Weight, decimal Share, decimal Exact, decimal Amount)
{
    /// <summary>What rounding added (0 or 1 krona) above the exact amount rounded down.</summary>
    public decimal RoundingAdded => Amount - Money.Sek(Exact).RoundDownToKronor().Value;
}

/// <summary>
/// Shares a whole-kronor total by weight with the largest-remainder method: every part is first rounded down, then
/// the kronor left over go one each to the largest fractional parts, ties to the lowest key (municipality code).
/// The parts always add up exactly to the total (DOMAIN.md, Numbers).
/// </summary>
public static class Allocation
{
    public static IReadOnlyList<AllocationLine> Allocate(decimal total, IReadOnlyList<AllocationWeight> weights)
    {
        if (Money.Sek(total) is not { IsWholeKronor: true, IsNegative: false })
        {
            throw new DomainRuleException("AllocationTotal", $"Beloppet att fördela ({total}) måste vara hela kronor och inte negativt.");
        }

        if (weights.Count == 0)
        {
            throw new DomainRuleException("AllocationEmpty", "Det finns inga parter att fördela kostnaden på.");
        }

        if (weights.Any(w => w.Weight < 0) || weights.Sum(w => w.Weight) <= 0)
        {
            throw new DomainRuleException("AllocationWeights", "Fördelningsnyckeln måste ha positiva vikter.");
        }

        if (weights.Select(w => w.Key).Distinct(StringComparer.Ordinal).Count() != weights.Count)
        {
            throw new DomainRuleException("AllocationKeys", "Varje part får förekomma en gång i fördelningen.");
        }

        var sum = weights.Sum(w => w.Weight);
        var lines = weights.Select(w =>
        {
            var share = w.Weight / sum;
            var exact = total * w.Weight / sum;
            return (w, share, exact, floor: Money.Sek(exact).RoundDownToKronor().Value);
        }).ToList();
        var left = total - lines.Sum(l => l.floor);
        var bonus = lines
            .OrderByDescending(l => l.exact - l.floor)
            .ThenBy(l => l.w.Key, StringComparer.Ordinal)
            .Take((int)left)
            .Select(l => l.w.Key)
            .ToHashSet(StringComparer.Ordinal);
        return lines.Select(l => new AllocationLine(l.w.Key, l.w.Weight, l.share, l.exact, l.floor + (bonus.Contains(l.w.Key) ? 1 : 0))).ToList();
    }
}
