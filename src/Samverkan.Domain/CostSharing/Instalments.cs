using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>A party's amount for the year, in whole kronor, as the allocation gives it.</summary>
public sealed record AnnualAmount(Guid PartyId, string Party, Money Amount);

/// <summary>
/// The annual amount is paid in two instalments (seed 001 §5): the first is half rounded down to whole kronor,
/// the second the rest, so the two always add up to the annual amount. When the first was based on a preliminary
/// level, the second trues the year up to the final amount.
/// </summary>
public static class Instalments
{
    public static decimal First(decimal annual) => First(Money.Sek(annual)).Value;

    /// <summary>The second instalment: the final annual amount less what the first one invoiced.</summary>
    public static decimal Second(decimal finalAnnual, decimal firstInvoiced) => Second(Money.Sek(finalAnnual), Money.Sek(firstInvoiced)).Value;

    public static Money First(Money annual) => (Whole(annual) / 2).RoundDownToKronor();

    public static Money Second(Money finalAnnual, Money firstInvoiced) => Whole(finalAnnual) - firstInvoiced;

    private static Money Whole(Money annual) => Money.Kronor(annual.Value, "WholeKronor", $"Årsbeloppet {annual.Value} är inte i hela kronor.");
}

/// <summary>A proposal for settling a withdrawing party's costs for the year (seed 001 §7).</summary>
public sealed record Settlement(decimal AnnualAmount, DateOnly EndsOn, int DaysCovered, int DaysInYear, decimal DueForPeriod, decimal Paid, decimal Balance)
{
    /// <summary>Positive: the party owes this; negative: it is refunded.</summary>
    public static Settlement Propose(decimal annualAmount, DateOnly endsOn, decimal paid)
    {
        var daysInYear = DateTime.IsLeapYear(endsOn.Year) ? 366 : 365;
        var days = endsOn.DayOfYear;
        var due = Money.Sek(annualAmount).ProRata(days, daysInYear).RoundToKronor().Value;
        return new Settlement(annualAmount, endsOn, days, daysInYear, due, paid, due - paid);
    }
}
