using Samverkan.Domain.Common;

namespace Samverkan.Domain.CostSharing;

/// <summary>
/// An agreement's cost model (seed 001 §5): a fixed level for a base year and a rule for each later year, the
/// population reference date, the due dates of the two instalments and how invoices are booked and taxed.
/// </summary>
public sealed class CostModel : ICountyOwned
{
    private readonly List<CostYearRule> rules = [];

    private CostModel()
    {
        BaseLabel = string.Empty;
        IndexSeries = string.Empty;
        InvoiceSection = string.Empty;
        VatCategory = "O";
    }

    /// <summary>A model on seed 001 §5's defaults (LPIK as of 1 March, due 1 February and 1 August, last year's population).</summary>
    public CostModel(Guid countyId, Guid agreementId, int baseYear, decimal baseLevel, string baseLabel)
        : this(countyId, agreementId, new CostModelTerms(baseYear, baseLevel, baseLabel, YearRule.DefaultIndex, CostModelTerms.DefaultIndexReferenceDay,
            CostModelTerms.DefaultAgreedUpliftDeadline, CostModelTerms.DefaultFirstDue, CostModelTerms.DefaultSecondDue, 1, CostModelTerms.DefaultInvoiceSection))
    {
    }

    public CostModel(Guid countyId, Guid agreementId, CostModelTerms terms)
    {
        Id = Guid.NewGuid();
        CountyId = countyId;
        AgreementId = agreementId;
        BaseLabel = string.Empty;
        IndexSeries = string.Empty;
        InvoiceSection = string.Empty;
        ReceivableAccount = "1510";
        RevenueAccount = "3990";
        VatCategory = "O";
        VatExemptionReason = DefaultVatExemptionReason;
        Apply(terms);
    }

    public const string DefaultVatExemptionReason = "Ej föremål för moms: kostnadsfördelning mellan offentliga parter enligt samverkansöverenskommelse";

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid AgreementId { get; private set; }

    public int BaseYear { get; private set; }

    public decimal BaseLevel { get; private set; }

    /// <summary>E.g. "Aktuell kostnadsnivå 2023".</summary>
    public string BaseLabel { get; private set; }

    /// <summary>Population on 31 December this many years before the invoiced year (1: the year before).</summary>
    public int PopulationYearOffset { get; private set; }

    /// <summary>The index series a year without a rule of its own is raised by, e.g. LPIK.</summary>
    public string IndexSeries { get; private set; }

    /// <summary>The day of the year the index is taken as of (seed 001: 1 March).</summary>
    public int IndexReferenceMonth { get; private set; }

    public int IndexReferenceDayOfMonth { get; private set; }

    /// <summary>By when in the year another uplift must be agreed (seed 001: 31 August).</summary>
    public int UpliftDeadlineMonth { get; private set; }

    public int UpliftDeadlineDay { get; private set; }

    /// <summary>The agreement's own section the invoices cite, e.g. "§ 5 Ekonomi".</summary>
    public string InvoiceSection { get; private set; }

    public MonthDay IndexReferenceDay => new(IndexReferenceMonth, IndexReferenceDayOfMonth);

    public MonthDay AgreedUpliftDeadline => new(UpliftDeadlineMonth, UpliftDeadlineDay);

    public MonthDay FirstDue => new(FirstDueMonth, FirstDueDay);

    public MonthDay SecondDue => new(SecondDueMonth, SecondDueDay);

    public CostModelTerms Terms => new(BaseYear, BaseLevel, BaseLabel, IndexSeries, IndexReferenceDay, AgreedUpliftDeadline, FirstDue, SecondDue,
        PopulationYearOffset, InvoiceSection);

    public int FirstDueMonth { get; private set; }

    public int FirstDueDay { get; private set; }

    public int SecondDueMonth { get; private set; }

    public int SecondDueDay { get; private set; }

    /// <summary>Account for receivables in the region's ledger (SIE export).</summary>
    public string ReceivableAccount { get; private set; } = string.Empty;

    /// <summary>Account for the income in the region's ledger (SIE export).</summary>
    public string RevenueAccount { get; private set; } = string.Empty;

    /// <summary>Bankgiro number the municipalities pay to, if any.</summary>
    public string? Bankgiro { get; private set; }

    /// <summary>EN 16931 VAT category: O (not subject to VAT) by default, or S (standard rate).</summary>
    public string VatCategory { get; private set; }

    public decimal VatRate { get; private set; }

    public string? VatExemptionReason { get; private set; }

    /// <summary>The VAT on an invoice's net amount: none outside category S, else the one VAT computation (<see cref="Money.Vat"/>).</summary>
    public Money VatOn(Money net) => VatCategory == "S" ? net.Vat(VatRate) : Money.Zero;

    public int Version { get; private set; }

    public IReadOnlyList<CostYearRule> Rules => rules;

    public DateOnly PopulationReferenceDate(int year) => new(year - PopulationYearOffset, 12, 31);

    /// <summary>Days to pay an instalment that is raised after its agreed due date.</summary>
    public const int LateDueDays = 30;

    /// <summary>
    /// The due date of an instalment raised on <paramref name="invoiceDate"/>: the agreed date (1 February, 1 August),
    /// or, when that date has already passed, <see cref="LateDueDays"/> days after the invoice date.
    /// </summary>
    public DateOnly EffectiveDueDate(int year, int instalment, DateOnly invoiceDate)
    {
        var agreed = DueDate(year, instalment);
        return agreed < invoiceDate ? invoiceDate.AddDays(LateDueDays) : agreed;
    }

    public DateOnly DueDate(int year, int instalment) => (instalment == 1 ? FirstDue : SecondDue).In(year);

    public CostLevelDerivation Derive(int year, IReadOnlyCollection<IndexPoint> index) =>
        CostLevelChain.Derive(BaseYear, BaseLevel, BaseLabel, rules.Select(r => r.ToRule()).ToList(), index, year, IndexSeries, IndexReferenceDay);

    /// <summary>The chain up to the latest year (at most <paramref name="untilYear"/>) that can be derived, and why later years cannot.</summary>
    public (CostLevelDerivation? Derivation, string? Problem) DeriveLatest(int untilYear, IReadOnlyCollection<IndexPoint> index)
    {
        string? problem = null;
        for (var year = untilYear; year >= BaseYear; year--)
        {
            try
            {
                return (Derive(year, index), problem);
            }
            catch (DomainRuleException e)
            {
                problem ??= e.Message;
            }
        }

        return (null, problem);
    }

    /// <summary>Sets the rule of a year, replacing an earlier one for the same year.</summary>
    public CostYearRule SetRule(YearRule rule)
    {
        if (rule.Year <= BaseYear)
        {
            throw new DomainRuleException("CostRuleYear", $"Regler gäller åren efter basåret {BaseYear}.");
        }

        rule.Validate(AgreedUpliftDeadline);
        rules.RemoveAll(r => r.Year == rule.Year);
        var entity = new CostYearRule(this, rule);
        rules.Add(entity);
        Version++;
        return entity;
    }

    /// <summary>Changes what the agreement says about its costs; the years' rules stay and must still follow the base year.</summary>
    public void Change(CostModelTerms terms)
    {
        if (rules.Where(r => r.Year <= terms.BaseYear).Select(r => r.Year).Order().ToList() is { Count: > 0 } before)
        {
            throw new DomainRuleException("CostRuleYear",
                $"Basåret kan inte bli {terms.BaseYear}: det finns regler för {string.Join(", ", before)}, och regler gäller åren efter basåret.");
        }

        Apply(terms);
        Version++;
    }

    private void Apply(CostModelTerms terms)
    {
        terms.Validate();
        BaseYear = terms.BaseYear;
        BaseLevel = terms.BaseLevel;
        BaseLabel = terms.BaseLabel.Trim();
        IndexSeries = terms.IndexSeries.Trim();
        (IndexReferenceMonth, IndexReferenceDayOfMonth) = (terms.IndexReferenceDay.Month, terms.IndexReferenceDay.Day);
        (UpliftDeadlineMonth, UpliftDeadlineDay) = (terms.AgreedUpliftDeadline.Month, terms.AgreedUpliftDeadline.Day);
        (FirstDueMonth, FirstDueDay) = (terms.FirstDue.Month, terms.FirstDue.Day);
        (SecondDueMonth, SecondDueDay) = (terms.SecondDue.Month, terms.SecondDue.Day);
        PopulationYearOffset = terms.PopulationYearOffset;
        InvoiceSection = terms.InvoiceSection.Trim();
    }

    public void SetBooking(string receivableAccount, string revenueAccount, string? bankgiro)
    {
        if (!IsAccount(receivableAccount) || !IsAccount(revenueAccount))
        {
            throw new DomainRuleException("BookingAccount", "Konton anges med fyra siffror enligt BAS-kontoplanen.");
        }

        ReceivableAccount = receivableAccount;
        RevenueAccount = revenueAccount;
        Bankgiro = string.IsNullOrWhiteSpace(bankgiro) ? null : bankgiro.Trim();
        Version++;
    }

    public void SetVat(string category, decimal rate, string? exemptionReason)
    {
        if (category is not ("O" or "S" or "E"))
        {
            throw new DomainRuleException("VatCategory", "Momskategori ska vara O (ej föremål för moms), E (undantagen) eller S (normalsats).");
        }

        if (category is "O" or "E" && string.IsNullOrWhiteSpace(exemptionReason))
        {
            throw new DomainRuleException("VatExemptionReason", "Ange skälet till att fakturan är utan moms.");
        }

        VatCategory = category;
        VatRate = category == "S" ? rate : 0;
        VatExemptionReason = category == "S" ? null : exemptionReason;
        Version++;
    }

    private static bool IsAccount(string account) => account.Length == 4 && account.All(char.IsAsciiDigit);
}

/// <summary>The stored rule of one year.</summary>
public sealed class CostYearRule : ICountyOwned
{
    private CostYearRule()
    {
    }

    internal CostYearRule(CostModel model, YearRule rule)
    {
        Id = Guid.NewGuid();
        CostModelId = model.Id;
        CountyId = model.CountyId;
        Year = rule.Year;
        Kind = rule.Kind;
        Value = rule.Value;
        IndexSeries = rule.Kind == YearRuleKind.IndexUplift ? rule.IndexSeries ?? model.IndexSeries : null;
        DecisionReference = rule.DecisionReference;
        DecidedOn = rule.DecidedOn;
    }

    public Guid Id { get; private set; }

    public Guid CostModelId { get; private set; }

    public Guid CountyId { get; private set; }

    public int Year { get; private set; }

    public YearRuleKind Kind { get; private set; }

    public decimal? Value { get; private set; }

    public string? IndexSeries { get; private set; }

    public string? DecisionReference { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public YearRule ToRule() => new(Year, Kind, Value, IndexSeries, DecisionReference, DecidedOn);
}

/// <summary>A published value of an index series (LPIK, LPI ...): the change in percent for a year, forecast or outcome.</summary>
public sealed class IndexValue : IAudited
{
    private IndexValue()
    {
        Series = string.Empty;
        Source = string.Empty;
    }

    public IndexValue(string series, int year, decimal changePercent, bool isFinal, string source, DateOnly? publishedOn)
    {
        Id = Guid.NewGuid();
        Series = series;
        Year = year;
        ChangePercent = changePercent;
        IsFinal = isFinal;
        Source = source;
        PublishedOn = publishedOn;
    }

    public Guid Id { get; private set; }

    public string Series { get; private set; }

    public int Year { get; private set; }

    public decimal ChangePercent { get; private set; }

    public bool IsFinal { get; private set; }

    /// <summary>Where the value comes from, e.g. "SKR cirkulär 26:12" or "Demovärde".</summary>
    public string Source { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public IndexPoint ToPoint() => new(Series, Year, ChangePercent, IsFinal, Source);

    public void Revise(decimal changePercent, bool isFinal, string source, DateOnly? publishedOn)
    {
        ChangePercent = changePercent;
        IsFinal = isFinal;
        Source = source;
        PublishedOn = publishedOn;
    }
}

/// <summary>What a municipality paid before the current agreement, e.g. its member fee to the former VKL (seed 000).</summary>
public sealed class FormerFee : ICountyOwned
{
    private FormerFee()
    {
        Description = string.Empty;
    }

    public FormerFee(Guid countyId, Guid partyId, int year, decimal amount, string description)
    {
        Id = Guid.NewGuid();
        CountyId = countyId;
        PartyId = partyId;
        Year = year;
        Amount = amount;
        Description = description;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public int Year { get; private set; }

    public decimal Amount { get; private set; }

    public string Description { get; private set; }
}
