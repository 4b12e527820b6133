using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

public enum ScenarioKey
{
    Population,
    Equal,
    Mix,
}

public static class ScenarioKeys
{
    public static AllocationKey ToAllocationKey(ScenarioKey key, decimal? equalPercent) => key switch
    {
        ScenarioKey.Equal => AllocationKey.EqualShares,
        ScenarioKey.Mix => new AllocationKey.MixKey(equalPercent ?? 0),
        _ => AllocationKey.ByPopulation,
    };

    public static void EnsureValid(ScenarioKey key, decimal? equalPercent)
    {
        if (key == ScenarioKey.Mix && equalPercent is not (>= 0 and <= 100))
        {
            throw new DomainRuleException("MixKeyPercent", "Ange hur många procent som fördelas i lika delar (0–100).");
        }
    }
}

/// <summary>
/// An alternative the secretariat wants the parties to compare before they agree (seed 000): another level for a
/// year, another uplift from the year before, or another key. Shared read-only with the county's party officials
/// when <see cref="SharedWithParties"/> is set.
/// </summary>
public sealed class Scenario : ICountyOwned
{
    private Scenario()
    {
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Scenario(Guid countyId, string name, int year, decimal? level, decimal? upliftPercent, ScenarioKey key, decimal? equalPercent, string createdBy)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("ScenarioName", "Ge scenariot ett namn.");
        }

        if (level is not null && upliftPercent is not null)
        {
            throw new DomainRuleException("ScenarioLevel", "Ange antingen en ny kostnadsnivå eller en annan uppräkning, inte båda.");
        }

        if (level is { } l && Money.Sek(l) is not { IsPositive: true, IsWholeKronor: true })
        {
            throw new DomainRuleException("CostLevelWhole", "Kostnadsnivån ska anges i hela kronor.");
        }

        if (upliftPercent is < -50m or > 100m)
        {
            throw new DomainRuleException("ScenarioUpliftRange", $"Uppräkningen ska ligga mellan -50 % och +100 %; {upliftPercent} % är utanför gränsen.");
        }

        if (level is > 10_000_000_000m)
        {
            throw new DomainRuleException("ScenarioLevelRange", "Kostnadsnivån får vara högst 10 000 000 000 kr.");
        }

        ScenarioKeys.EnsureValid(key, equalPercent);
        Id = Guid.NewGuid();
        CountyId = countyId;
        Name = name.Trim();
        Year = year;
        Level = level;
        UpliftPercent = upliftPercent;
        Key = key;
        EqualPercent = key == ScenarioKey.Mix ? equalPercent : null;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public int Year { get; private set; }

    /// <summary>Another level for the year, in whole kronor.</summary>
    public decimal? Level { get; private set; }

    /// <summary>Another uplift on the year before's level, in percent.</summary>
    public decimal? UpliftPercent { get; private set; }

    public ScenarioKey Key { get; private set; }

    public decimal? EqualPercent { get; private set; }

    public bool SharedWithParties { get; private set; }

    public string CreatedBy { get; private set; }

    public AllocationKey AllocationKey => ScenarioKeys.ToAllocationKey(Key, EqualPercent);

    /// <summary>The scenario's level given the current model's level for the year and for the year before.</summary>
    public decimal LevelFor(decimal currentLevel, decimal? previousLevel) =>
        Level ?? (UpliftPercent is { } p && previousLevel is { } before ? (Money.Sek(before) * (1 + p / 100m)).RoundToKronor().Value : currentLevel);

    public string Describe() =>
        (Level is { } l ? $"kostnadsnivå {SwedishText.Kronor(l)}" : UpliftPercent is { } p ? $"uppräkning {SwedishText.Percent(p)} från året innan" : "nuvarande kostnadsnivå")
        + ", " + AllocationKey.Label.ToLowerInvariant();

    public void Share(bool shared) => SharedWithParties = shared;
}
