using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>
/// Extra financing of a specific project, decided jointly with its own split (seed 001 §5, last paragraph): the
/// region may carry a fixed percentage, and the rest is shared among the municipalities by the project's key.
/// </summary>
public sealed class Project : ICountyOwned
{
    private Project()
    {
        Name = string.Empty;
    }

    public Project(Guid countyId, string name, decimal total, decimal regionPercent, ScenarioKey key, decimal? equalPercent, int populationYear, string? decisionReference)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("ProjectName", "Ge projektet ett namn.");
        }

        if (Money.Sek(total) is not { IsPositive: true, IsWholeKronor: true })
        {
            throw new DomainRuleException("ProjectTotal", "Projektets totala belopp ska anges i hela kronor.");
        }

        if (regionPercent is < 0 or > 100)
        {
            throw new DomainRuleException("ProjectRegionPercent", "Regionens andel ska vara mellan 0 och 100 procent.");
        }

        ScenarioKeys.EnsureValid(key, equalPercent);

        Id = Guid.NewGuid();
        CountyId = countyId;
        Name = name.Trim();
        Total = total;
        RegionPercent = regionPercent;
        Key = key;
        EqualPercent = key == ScenarioKey.Mix ? equalPercent : null;
        PopulationYear = populationYear;
        DecisionReference = decisionReference;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public decimal Total { get; private set; }

    public decimal RegionPercent { get; private set; }

    public ScenarioKey Key { get; private set; }

    public decimal? EqualPercent { get; private set; }

    /// <summary>Population on 31 December of this year is the key's weight.</summary>
    public int PopulationYear { get; private set; }

    public string? DecisionReference { get; private set; }

    public AllocationKey AllocationKey => ScenarioKeys.ToAllocationKey(Key, EqualPercent);

    /// <summary>The region's part in whole kronor (rounded half up); the municipalities share the rest exactly.</summary>
    public decimal RegionAmount => Money.Sek(Total).Percent(RegionPercent).RoundToKronor().Value;

    public IReadOnlyList<AllocationLine> MunicipalShares(IReadOnlyList<KeyMunicipality> municipalities) =>
        Allocation.Allocate(Total - RegionAmount, AllocationKey.Weights(municipalities));
}
