using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

/// <summary>A source of the fund's money with its opening amount (seed 004: 55, 101 and 44 MSEK).</summary>
public sealed class FundSource : ICountyOwned
{
    private FundSource()
    {
        Name = string.Empty;
    }

    internal FundSource(Fund fund, string name, decimal amount)
    {
        Id = Guid.NewGuid();
        FundId = fund.Id;
        CountyId = fund.CountyId;
        Name = name.Trim();
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public Guid FundId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public decimal Amount { get; private set; }
}

/// <summary>A year the secretariat has closed: no entry may be dated in it any more, so its report never changes.</summary>
public sealed record FundYearClosing(int Year, DateOnly ClosedOn, string ClosedBy);

public enum FundValidityKind
{
    /// <summary>The supplement is not yet adopted by every council, or not yet in force.</summary>
    NotYetInForce,

    /// <summary>Until further notice (tills vidare).</summary>
    UntilFurtherNotice,

    /// <summary>As long as the collaboration agreement lasts, which has an end date.</summary>
    WhileAgreementLasts,

    /// <summary>The money is spent.</summary>
    Spent,

    /// <summary>The collaboration agreement (and so the supplement) has ended.</summary>
    AgreementEnded,

    /// <summary>Until the fund's own last day (<see cref="Fund.ValidUntil"/>), which comes before any end of the agreement.</summary>
    UntilDate,

    /// <summary>The fund's own last day has passed.</summary>
    Expired,
}

/// <summary>Which of seed 004's three validity conditions holds today, and whether new commitments may be made.</summary>
public sealed record FundValidity(FundValidityKind Kind, string Explanation)
{
    public bool OpenForCommitments => Kind is FundValidityKind.UntilFurtherNotice or FundValidityKind.WhileAgreementLasts or FundValidityKind.UntilDate;
}

/// <summary>
/// A shared fund created by a supplement to the county's agreement (seed 004). Its money is accounted separately in
/// an append-only ledger; every balance is derived from the ledger. Every movement raises <see cref="Version"/>, a
/// concurrency token, so that two decisions made at the same time on the same fund cannot both spend the same
/// uncommitted money: the second save conflicts and is retried against the new balance.
/// </summary>
public sealed partial class Fund : ICountyOwned
{
    private readonly List<FundSource> sources = [];
    private readonly List<LedgerEntry> entries = [];

    private Fund()
    {
        Name = string.Empty;
        YearClosings = [];
        Criteria = [];
    }

    /// <param name="criteria">The fund's own criteria, in the order a preparation answers them (see <see cref="Criteria"/>).</param>
    public Fund(Guid countyId, Agreement agreement, Supplement supplement, string name, DateOnly openedOn,
        IEnumerable<(string Name, decimal Amount)> sources, string recordedBy, Guid? decidingPartyId = null, DateOnly? validUntil = null,
        IEnumerable<string>? criteria = null)
    {
        if (agreement.CountyId != countyId || supplement.AgreementId != agreement.Id)
        {
            throw new DomainRuleException("FundSupplement", "Fonden måste höra till ett tillägg till länets överenskommelse.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        AgreementId = agreement.Id;
        SupplementId = supplement.Id;
        Name = string.Empty;
        YearClosings = [];
        Criteria = [];
        Define(name, decidingPartyId, validUntil, criteria ?? []);
        Open(openedOn, sources, recordedBy);
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid SupplementId { get; private set; }

    public string Name { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    /// <summary>Raised by every ledger movement; the concurrency token that serialises decisions on the fund.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<FundSource> Sources => sources;

    /// <summary>The closed years, oldest first; always an unbroken run from the fund's first year.</summary>
    public List<FundYearClosing> YearClosings { get; private set; }

    public int? ClosedThroughYear => YearClosings.Count == 0 ? null : YearClosings.Max(c => c.Year);

    public bool IsYearClosed(int year) => ClosedThroughYear is { } closed && year <= closed;

    /// <summary>
    /// Closes a year's books once it has ended: from then on no entry may be dated in it, so the year's report is fixed
    /// and a later correction is dated, and reported, in an open year. Years close in order.
    /// </summary>
    public void CloseYear(int year, DateOnly today, string closedBy)
    {
        var next = (ClosedThroughYear ?? OpenedOn.Year - 1) + 1;
        if (year != next)
        {
            throw new DomainRuleException("FundYearOrder", $"Åren stängs i tur och ordning; nästa år att stänga är {next}.", RuleSeverity.Conflict);
        }

        if (year >= today.Year)
        {
            throw new DomainRuleException("FundYearNotEnded", $"År {year} kan stängas först när det är slut.");
        }

        YearClosings = [.. YearClosings, new FundYearClosing(year, today, closedBy)];
        Version++;
    }

    public IReadOnlyList<LedgerEntry> Entries => entries;

    public FundBalances Balances => FundBalances.From(entries);

    public InitiativeMoney MoneyOf(Guid initiativeId) => InitiativeMoney.From(entries, initiativeId);

    /// <summary>Seed 004: until further notice, or as long as the agreement lasts, or until the money is spent.</summary>
    /// <param name="balances">The balances when summed elsewhere (in the database); otherwise from the loaded ledger.</param>
    public FundValidity ValidityOn(Agreement agreement, Supplement supplement, DateOnly today, FundBalances? balances = null)
    {
        var state = agreement.SupplementStateOn(supplement, today);
        if (state.Status == AgreementStatus.Ended)
        {
            return new FundValidity(FundValidityKind.AgreementEnded,
                "Samverkansavtalet har upphört; fonden tar inte emot nya beslut. " + state.Explanation);
        }

        if (state.Status != AgreementStatus.InForce || today < OpenedOn)
        {
            return new FundValidity(FundValidityKind.NotYetInForce,
                $"Fonden öppnar för beslut när tillägget gäller och tidigast {SwedishText.Date(OpenedOn)}. {state.Explanation}");
        }

        if (ValidUntil is { } until && today > until)
        {
            return new FundValidity(FundValidityKind.Expired, $"Fonden gällde till och med {SwedishText.Date(until)}; den tar inte emot nya beslut.");
        }

        balances ??= Balances;
        if (balances.Uncommitted <= 0 && balances.Committed <= 0)
        {
            return new FundValidity(FundValidityKind.Spent, "Pengarna är förbrukade; fonden tar inte emot nya beslut.");
        }

        if (ValidUntil is { } last && (agreement.ValidTo is not { } agreementEnd || last < agreementEnd))
        {
            return new FundValidity(FundValidityKind.UntilDate,
                $"Fonden gäller till och med {SwedishText.Date(last)}, så länge samverkansavtalet gäller eller tills pengarna är förbrukade.");
        }

        return agreement.ValidTo is { } end
            ? new FundValidity(FundValidityKind.WhileAgreementLasts,
                $"Fonden gäller så länge samverkansavtalet gäller, till och med {SwedishText.Date(end)}, eller tills pengarna är förbrukade.")
            : new FundValidity(FundValidityKind.UntilFurtherNotice,
                "Fonden gäller tills vidare, så länge samverkansavtalet gäller eller tills pengarna är förbrukade.");
    }

    /// <summary>The region's decision binds money to an initiative; never more than the uncommitted balance.</summary>
    public LedgerEntry Commit(Guid initiativeId, decimal amount, DateOnly date, string reference, string recordedBy, FundValidity validity)
    {
        EnsureAmount(amount);
        EnsureReference(reference);
        if (!validity.OpenForCommitments)
        {
            throw new DomainRuleException("FundNotOpen", "Fonden tar inte emot nya beslut: " + validity.Explanation);
        }

        var uncommitted = Balances.Uncommitted;
        if (amount > uncommitted)
        {
            throw new DomainRuleException("CommitmentAboveUncommitted",
                $"Beslutet på {SwedishText.Kronor(amount)} är större än fondens obundna medel, {SwedishText.Kronor(uncommitted)}.");
        }

        return Append(date, LedgerEntryKind.Commitment, LedgerEntryKind.Commitment, amount, initiativeId, reference, recordedBy);
    }

    /// <summary>A payment against the initiative's commitment; never more than what remains of it.</summary>
    public LedgerEntry Disburse(Guid initiativeId, decimal amount, DateOnly date, string reference, string recordedBy)
    {
        EnsureAmount(amount);
        var remaining = MoneyOf(initiativeId).Remaining;
        if (amount > remaining)
        {
            throw new DomainRuleException("DisbursementAboveCommitment",
                $"Utbetalningen på {SwedishText.Kronor(amount)} är större än vad som återstår av beslutet, {SwedishText.Kronor(remaining)}.");
        }

        return Append(date, LedgerEntryKind.Disbursement, LedgerEntryKind.Disbursement, amount, initiativeId, reference, recordedBy);
    }

    /// <summary>Gives what remains of the initiative's commitment back to the fund's uncommitted money.</summary>
    public LedgerEntry? ReleaseRemaining(Guid initiativeId, DateOnly date, string reference, string recordedBy)
    {
        var remaining = MoneyOf(initiativeId).Remaining;
        return remaining <= 0
            ? null
            : Append(date, LedgerEntryKind.Release, LedgerEntryKind.Release, remaining, initiativeId, reference, recordedBy);
    }

    /// <summary>Money paid out but not used, paid back by the recipient; never more than was paid out net.</summary>
    public LedgerEntry Return(Guid initiativeId, decimal amount, DateOnly date, string reference, string recordedBy)
    {
        EnsureAmount(amount);
        var paid = MoneyOf(initiativeId).NetDisbursed;
        if (amount > paid)
        {
            throw new DomainRuleException("ReturnAboveDisbursed",
                $"Återbetalningen på {SwedishText.Kronor(amount)} är större än vad som betalats ut, {SwedishText.Kronor(paid)}.");
        }

        return Append(date, LedgerEntryKind.Return, LedgerEntryKind.Return, amount, initiativeId, reference, recordedBy);
    }

    /// <summary>Reverses an entry by a new one; refused if that would leave any balance negative.</summary>
    public LedgerEntry Correct(Guid entryId, DateOnly date, string reason, string recordedBy)
    {
        EnsureReference(reason);
        var original = entries.FirstOrDefault(e => e.Id == entryId)
            ?? throw new DomainRuleException("CorrectionEntry", "Posten finns inte i fondens huvudbok.");
        if (original.Kind == LedgerEntryKind.Correction || entries.Any(e => e.ReversesEntryId == entryId))
        {
            throw new DomainRuleException("CorrectionTwice", "Posten är redan rättad eller är själv en rättelse.", RuleSeverity.Conflict);
        }

        var after = FundBalances.From(entries.Append(new LedgerEntry(this, 0, date, LedgerEntryKind.Correction, original.Affects,
            -original.Amount, original.InitiativeId, reason, recordedBy)));
        var money = original.InitiativeId is { } i
            ? InitiativeMoney.From(entries.Append(new LedgerEntry(this, 0, date, LedgerEntryKind.Correction, original.Affects,
                -original.Amount, i, reason, recordedBy)), i)
            : null;
        if (after.Uncommitted < 0 || after.Committed < 0 || after.Disbursed < 0 || money is { Remaining: < 0 } || money is { NetDisbursed: < 0 })
        {
            throw new DomainRuleException("CorrectionUnbalances", "Rättelsen skulle ge ett negativt saldo; rätta de senare posterna först.");
        }

        return Append(date, LedgerEntryKind.Correction, original.Affects, -original.Amount, original.InitiativeId, reason, recordedBy, entryId);
    }

    private LedgerEntry Append(DateOnly date, LedgerEntryKind kind, LedgerEntryKind affects, decimal amount, Guid? initiativeId,
        string reference, string recordedBy, Guid? reverses = null)
    {
        if (IsYearClosed(date.Year))
        {
            throw new DomainRuleException("LedgerYearClosed",
                $"År {date.Year} är stängt och dess årsrapport fastställd; datera posten i ett öppet år, så syns den i det årets rapport.");
        }

        var entry = new LedgerEntry(this, entries.Count + 1, date, kind, affects, amount, initiativeId, reference, recordedBy, reverses);
        entries.Add(entry);
        Version++;
        return entry;
    }

    private static void EnsureAmount(decimal amount)
    {
        if (amount <= 0)
        {
            throw new DomainRuleException("LedgerAmount", "Beloppet måste vara större än noll.");
        }

        Money.Ore(amount, "LedgerAmountOre", "Beloppet anges i kronor med högst två decimaler (öre).");
    }

    private static void EnsureReference(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("LedgerReference", "Ange beslutets eller betalningens referens.");
        }
    }
}
