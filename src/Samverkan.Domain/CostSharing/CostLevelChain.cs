using System.Globalization;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>How a year's cost level follows from the year before (seed 001 §5).</summary>
public enum YearRuleKind
{
    /// <summary>Raised by an index (LPIK) as of the agreement's reference day (1 March) of the year: the default.</summary>
    IndexUplift,

    /// <summary>Kept at last year's level, e.g. 2024 and 2025 in seed 001.</summary>
    NoUplift,

    /// <summary>Another uplift agreed by the agreement's deadline (31 August) of the year: a percentage.</summary>
    AgreedPercentage,

    /// <summary>Another uplift agreed by the agreement's deadline (31 August) of the year: a new level.</summary>
    AgreedLevel,

    /// <summary>A new level set at the start of a term of office (the reassessment seed 001 asks for).</summary>
    NewTermLevel,
}

/// <summary>A year's value of an index series, as the change in percent from the year before.</summary>
public sealed record IndexPoint(string Series, int Year, decimal ChangePercent, bool IsFinal, string Source);

/// <summary>The rule for one year of the cost level series.</summary>
public sealed record YearRule(int Year, YearRuleKind Kind, decimal? Value, string? IndexSeries, string? DecisionReference, DateOnly? DecidedOn)
{
    public const string DefaultIndex = "LPIK";

    /// <summary>An agreed uplift counts only when decided by the agreement's deadline (seed 001: 31 August) of the year it applies to.</summary>
    public void Validate(MonthDay agreedUpliftDeadline)
    {
        switch (Kind)
        {
            case YearRuleKind.AgreedPercentage or YearRuleKind.AgreedLevel:
                if (string.IsNullOrWhiteSpace(DecisionReference) || DecidedOn is null)
                {
                    throw new DomainRuleException("AgreedUpliftDecision", $"En överenskommen uppräkning för {Year} behöver beslutsdatum och beslutsreferens.");
                }

                if (DecidedOn > agreedUpliftDeadline.In(Year))
                {
                    throw new DomainRuleException("AgreedUpliftDeadline",
                        $"En annan uppräkning för {Year} måste vara överenskommen senast {SwedishText.Date(agreedUpliftDeadline.In(Year))}; beslutet är från {SwedishText.Date(DecidedOn.Value)}.");
                }

                break;
            case YearRuleKind.NewTermLevel when string.IsNullOrWhiteSpace(DecisionReference):
                throw new DomainRuleException("NewTermLevelDecision", $"En ny kostnadsnivå för {Year} behöver en beslutsreferens.");
        }

        if (Kind is YearRuleKind.AgreedLevel or YearRuleKind.NewTermLevel && Money.Sek(Value ?? 0m) is not { IsPositive: true, IsWholeKronor: true })
        {
            throw new DomainRuleException("CostLevelWhole", $"Kostnadsnivån för {Year} ska anges i hela kronor.");
        }

        if (Kind == YearRuleKind.AgreedPercentage && Value is null)
        {
            throw new DomainRuleException("AgreedPercentage", $"Ange den överenskomna uppräkningen i procent för {Year}.");
        }
    }
}

/// <summary>One link of the chain: the level of a year and why.</summary>
public sealed record CostLevelStep(int Year, decimal Level, YearRuleKind? Rule, decimal? ChangePercent, bool IsPreliminary, string Explanation);

/// <summary>The chain from the base year to the asked year; the last step is the year's level.</summary>
public sealed record CostLevelDerivation(IReadOnlyList<CostLevelStep> Steps)
{
    public int Year => Steps[^1].Year;

    public decimal Level => Steps[^1].Level;

    /// <summary>True when any index in the chain is still a forecast.</summary>
    public bool IsPreliminary => Steps.Any(s => s.IsPreliminary);
}

/// <summary>
/// Derives a year's cost level from a fixed base level and the rule of each later year. Each step is rounded to
/// whole kronor (half away from zero), because each year's level is a figure the parties see and agree on.
/// </summary>
public static class CostLevelChain
{
    /// <param name="series">The index a year without a rule of its own is raised by.</param>
    /// <param name="referenceDay">The day of the year the index is taken as of.</param>
    public static CostLevelDerivation Derive(int baseYear, decimal baseLevel, string baseLabel, IReadOnlyCollection<YearRule> rules,
        IReadOnlyCollection<IndexPoint> index, int year, string series, MonthDay referenceDay)
    {
        if (year < baseYear)
        {
            throw new DomainRuleException("CostLevelYear", $"Kostnadsnivån börjar {baseYear}; det finns ingen nivå för {year}.");
        }

        var steps = new List<CostLevelStep> { new(baseYear, baseLevel, null, null, false, $"{baseLabel}: {Kronor(baseLevel)}.") };
        var level = baseLevel;
        for (var y = baseYear + 1; y <= year; y++)
        {
            var rule = rules.FirstOrDefault(r => r.Year == y) ?? new YearRule(y, YearRuleKind.IndexUplift, null, series, null, null);
            var step = Next(level, rule, index, series, referenceDay);
            steps.Add(step);
            level = step.Level;
        }

        return new CostLevelDerivation(steps);
    }

    private static CostLevelStep Next(decimal previous, YearRule rule, IReadOnlyCollection<IndexPoint> index, string defaultSeries, MonthDay referenceDay)
    {
        var y = rule.Year;
        switch (rule.Kind)
        {
            case YearRuleKind.NoUplift:
                return new(y, previous, rule.Kind, 0m, false, $"Ingen uppräkning{Because(rule)}: {Kronor(previous)}.");
            case YearRuleKind.AgreedPercentage:
                {
                    var level = Round(previous * (1 + rule.Value!.Value / 100m));
                    return new(y, level, rule.Kind, rule.Value, false,
                        $"Överenskommen uppräkning {Percent(rule.Value.Value)}{Because(rule)}: {Kronor(previous)} × {Factor(rule.Value.Value)} = {Kronor(level)}.");
                }

            case YearRuleKind.AgreedLevel:
                return new(y, rule.Value!.Value, rule.Kind, Change(previous, rule.Value.Value), false, $"Överenskommen ny nivå{Because(rule)}: {Kronor(rule.Value.Value)}.");
            case YearRuleKind.NewTermLevel:
                return new(y, rule.Value!.Value, rule.Kind, Change(previous, rule.Value.Value), false, $"Ny kostnadsnivå inför mandatperioden{Because(rule)}: {Kronor(rule.Value.Value)}.");
            default:
                {
                    var series = rule.IndexSeries ?? defaultSeries;
                    var point = index.FirstOrDefault(p => p.Series == series && p.Year == y)
                        ?? throw new DomainRuleException("IndexMissing", $"{series} för {y} saknas; kostnadsnivån för {y} kan inte räknas fram.");
                    var level = Round(previous * (1 + point.ChangePercent / 100m));
                    var status = point.IsFinal ? "utfall" : "prognos";
                    return new(y, level, rule.Kind, point.ChangePercent, !point.IsFinal,
                        $"Uppräkning med {series} per {referenceDay.Swedish} {y}, {Percent(point.ChangePercent)} ({status}, {point.Source}): {Kronor(previous)} × {Factor(point.ChangePercent)} = {Kronor(level)}.");
                }
        }
    }

    private static string Factor(decimal percent) => (1 + percent / 100m).ToString("0.####", SwedishText.Culture);

    private static string Because(YearRule rule) => rule.DecisionReference is null ? string.Empty : $" enligt {rule.DecisionReference}";

    private static decimal Change(decimal previous, decimal next) => previous == 0 ? 0 : decimal.Round((next / previous - 1) * 100m, 4);

    private static decimal Round(decimal amount) => Money.Sek(amount).RoundToKronor().Value;

    private static string Kronor(decimal amount) => SwedishText.Kronor(amount);

    private static string Percent(decimal percent) => SwedishText.Percent(percent);

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
