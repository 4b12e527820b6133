using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>
/// What an agreement's section on economy says about its costs (seed 001 §5): the level of a base year, the index it
/// is raised by and as of which day, by when another uplift must be agreed, when the two instalments fall due, which
/// year's population shares it, and the section the invoices cite.
/// </summary>
public sealed record CostModelTerms(
    int BaseYear,
    decimal BaseLevel,
    string BaseLabel,
    string IndexSeries,
    MonthDay IndexReferenceDay,
    MonthDay AgreedUpliftDeadline,
    MonthDay FirstDue,
    MonthDay SecondDue,
    int PopulationYearOffset,
    string InvoiceSection)
{
    public const int LatestPopulationYearOffset = 3;

    /// <summary>Seed 001 §5 as the product reads it, for what an agreement does not say otherwise.</summary>
    public static readonly MonthDay DefaultIndexReferenceDay = new(3, 1);

    public static readonly MonthDay DefaultAgreedUpliftDeadline = new(8, 31);

    public static readonly MonthDay DefaultFirstDue = new(2, 1);

    public static readonly MonthDay DefaultSecondDue = new(8, 1);

    public const string DefaultInvoiceSection = "§ 5 Ekonomi";

    /// <summary>Refuses terms that no agreement could mean; the forms check each field first, with their own messages.</summary>
    public void Validate()
    {
        if (Money.Sek(BaseLevel) is not { IsPositive: true, IsWholeKronor: true })
        {
            throw new DomainRuleException("CostLevelWhole", "Kostnadsnivån ska anges i hela kronor.");
        }

        if (string.IsNullOrWhiteSpace(BaseLabel) || string.IsNullOrWhiteSpace(IndexSeries) || string.IsNullOrWhiteSpace(InvoiceSection))
        {
            throw new DomainRuleException("CostModelText", "Kostnadsmodellen behöver en benämning av basnivån, en indexserie och det avsnitt fakturorna hänvisar till.");
        }

        if (!IndexReferenceDay.IsValid || !AgreedUpliftDeadline.IsValid || !FirstDue.IsValid || !SecondDue.IsValid)
        {
            throw new DomainRuleException("CostModelDay", "Varje dag i kostnadsmodellen ska vara en dag som finns varje år.");
        }

        if (FirstDue.In(2023) >= SecondDue.In(2023))
        {
            throw new DomainRuleException("InstalmentOrder", "Delbetalning 1 ska förfalla före delbetalning 2 samma år.");
        }

        if (PopulationYearOffset is < 1 or > LatestPopulationYearOffset)
        {
            throw new DomainRuleException("PopulationYearOffset",
                $"Folkmängden räknas per 31 december 1–{LatestPopulationYearOffset} år före det fakturerade året.");
        }
    }
}
