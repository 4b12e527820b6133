namespace Samverkan.Domain.Common;

/// <summary>
/// An amount in Swedish kronor: a decimal, immutable, and the one place where money is rounded. Amounts may be exact
/// (a share of a level, a percentage) until a rule rounds them; the rules that round are named here, so that every
/// invoice, allocation and instalment rounds the same way (DOMAIN.md, Numbers).
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal value) => Value = value;

    public static Money Zero { get; } = new(0m);

    /// <summary>The amount in kronor, öre as decimals.</summary>
    public decimal Value { get; }

    /// <summary>An amount in kronor as given, exact: nothing is rounded or refused.</summary>
    public static Money Sek(decimal kronor) => new(kronor);

    /// <summary>Whole kronor, or the rule's own refusal (each rule says in its own words what must be whole).</summary>
    public static Money Kronor(decimal kronor, string rule, string refusal) =>
        Sek(kronor).IsWholeKronor ? Sek(kronor) : throw new DomainRuleException(rule, refusal);

    /// <summary>Kronor with at most two decimals (öre), or the rule's own refusal.</summary>
    public static Money Ore(decimal kronor, string rule, string refusal) =>
        Sek(kronor).HasAtMostOre ? Sek(kronor) : throw new DomainRuleException(rule, refusal);

    public bool IsWholeKronor => Value == decimal.Truncate(Value);

    /// <summary>No finer than öre: at most two decimals.</summary>
    public bool HasAtMostOre => Value == decimal.Round(Value, 2);

    public bool IsPositive => Value > 0;

    public bool IsNegative => Value < 0;

    public bool IsZero => Value == 0;

    /// <summary>The one rounding to kronor for amounts people agree on and invoice: half an öre or more away from zero.</summary>
    public Money RoundToKronor() => new(decimal.Round(Value, 0, MidpointRounding.AwayFromZero));

    /// <summary>Whole kronor below: the largest-remainder method and the first instalment start from it.</summary>
    public Money RoundDownToKronor() => new(decimal.Floor(Value));

    /// <summary>To öre, half away from zero, as PEPPOL BIS and the Swedish tax agency round VAT.</summary>
    public Money RoundToOre() => new(decimal.Round(Value, 2, MidpointRounding.AwayFromZero));

    /// <summary>The exact part that <paramref name="percent"/> percent is, not rounded.</summary>
    public Money Percent(decimal percent) => new(Value * percent / 100m);

    /// <summary>VAT at <paramref name="ratePercent"/> on this net amount, rounded to öre: the one VAT computation of every document.</summary>
    public Money Vat(decimal ratePercent) => Percent(ratePercent).RoundToOre();

    /// <summary>This amount for <paramref name="part"/> of <paramref name="whole"/> (days of a year, say), exact.</summary>
    public Money ProRata(int part, int whole) => new(Value * part / whole);

    public Money Abs() => new(Math.Abs(Value));

    public static Money Sum(IEnumerable<Money> amounts) => new(amounts.Sum(a => a.Value));

    public static Money operator +(Money left, Money right) => new(left.Value + right.Value);

    public static Money operator -(Money left, Money right) => new(left.Value - right.Value);

    public static Money operator -(Money amount) => new(-amount.Value);

    public static Money operator *(Money amount, decimal factor) => new(amount.Value * factor);

    public static Money operator /(Money amount, decimal divisor) => new(amount.Value / divisor);

    public static bool operator <(Money left, Money right) => left.Value < right.Value;

    public static bool operator >(Money left, Money right) => left.Value > right.Value;

    public static bool operator <=(Money left, Money right) => left.Value <= right.Value;

    public static bool operator >=(Money left, Money right) => left.Value >= right.Value;

    public int CompareTo(Money other) => Value.CompareTo(other.Value);

    /// <summary>"1 234 567 kr", or with öre when there are any: "1 250 000,50 kr".</summary>
    public override string ToString() => SwedishText.Money(Value);
}
