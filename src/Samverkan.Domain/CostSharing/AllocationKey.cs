using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>A municipality as an allocation key sees it.</summary>
public sealed record KeyMunicipality(string Code, string Name, int Population);

/// <summary>How a cost is divided: by population (the agreement's key), equally, by fixed shares, or a mix of equal and population.</summary>
public abstract record AllocationKey
{
    public abstract string Label { get; }

    public abstract IReadOnlyList<AllocationWeight> Weights(IReadOnlyList<KeyMunicipality> municipalities);

    public static AllocationKey ByPopulation { get; } = new PopulationKey();

    public static AllocationKey EqualShares { get; } = new EqualKey();

    public sealed record PopulationKey : AllocationKey
    {
        public override string Label => "Folkmängd";

        public override IReadOnlyList<AllocationWeight> Weights(IReadOnlyList<KeyMunicipality> municipalities) =>
            municipalities.Select(m => new AllocationWeight(m.Code, m.Population)).ToList();
    }

    public sealed record EqualKey : AllocationKey
    {
        public override string Label => "Lika delar";

        public override IReadOnlyList<AllocationWeight> Weights(IReadOnlyList<KeyMunicipality> municipalities) =>
            municipalities.Select(m => new AllocationWeight(m.Code, 1m)).ToList();
    }

    /// <summary>Fixed shares per municipality code, e.g. agreed percentages; they need not add up to 100, they are normalised.</summary>
    public sealed record FixedKey(IReadOnlyDictionary<string, decimal> Shares) : AllocationKey
    {
        public override string Label => "Fasta andelar";

        public override IReadOnlyList<AllocationWeight> Weights(IReadOnlyList<KeyMunicipality> municipalities)
        {
            var missing = municipalities.Where(m => !Shares.ContainsKey(m.Code)).Select(m => m.Name).ToList();
            if (missing.Count > 0)
            {
                throw new DomainRuleException("FixedKeyMissing", $"Andel saknas för {string.Join(", ", missing)}.");
            }

            return municipalities.Select(m => new AllocationWeight(m.Code, Shares[m.Code])).ToList();
        }
    }

    /// <summary>E.g. 20 % in equal parts and 80 % by population.</summary>
    public sealed record MixKey(decimal EqualPercent) : AllocationKey
    {
        public override string Label => $"{EqualPercent:0.##} % lika delar, {100 - EqualPercent:0.##} % folkmängd";

        public override IReadOnlyList<AllocationWeight> Weights(IReadOnlyList<KeyMunicipality> municipalities)
        {
            if (EqualPercent is < 0 or > 100)
            {
                throw new DomainRuleException("MixKeyPercent", "Andelen lika delar måste vara mellan 0 och 100 procent.");
            }

            var population = municipalities.Sum(m => (decimal)m.Population);
            var equal = EqualPercent / 100m;
            return municipalities.Select(m => new AllocationWeight(m.Code, equal / municipalities.Count + (1 - equal) * m.Population / population)).ToList();
        }
    }
}
