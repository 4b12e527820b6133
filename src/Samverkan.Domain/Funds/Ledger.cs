using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

public enum LedgerEntryKind
{
    /// <summary>A source's opening amount.</summary>
    Opening,

    /// <summary>The region's decision binds money to an initiative.</summary>
    Commitment,

    /// <summary>Money paid out against a commitment.</summary>
    Disbursement,

    /// <summary>The unused part of a commitment given back to the fund.</summary>
    Release,

    /// <summary>Money paid out but not used, paid back by the recipient.</summary>
    Return,

    /// <summary>Reverses an earlier entry; entries are never edited or deleted.</summary>
    Correction,
}

/// <summary>
/// One movement of the segregated ledger (särredovisning). Immutable once written: a mistake is corrected by a
/// reversing <see cref="LedgerEntryKind.Correction"/> whose <see cref="Affects"/> is the kind it reverses.
/// </summary>
public sealed class LedgerEntry : ICountyOwned
{
    private LedgerEntry()
    {
        Reference = string.Empty;
        RecordedBy = string.Empty;
    }

    internal LedgerEntry(Fund fund, int sequence, DateOnly date, LedgerEntryKind kind, LedgerEntryKind affects, decimal amount,
        Guid? initiativeId, string reference, string recordedBy, Guid? reversesEntryId = null)
    {
        Id = Guid.NewGuid();
        FundId = fund.Id;
        CountyId = fund.CountyId;
        Sequence = sequence;
        Date = date;
        Kind = kind;
        Affects = affects;
        Amount = amount;
        InitiativeId = initiativeId;
        Reference = reference.Trim();
        RecordedBy = recordedBy;
        ReversesEntryId = reversesEntryId;
    }

    public Guid Id { get; private set; }

    public Guid FundId { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The order of recording within the fund (1, 2, 3, ...).</summary>
    public int Sequence { get; private set; }

    public DateOnly Date { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>The kind whose total this entry changes: itself, or for a correction the kind of the entry it reverses.</summary>
    public LedgerEntryKind Affects { get; private set; }

    /// <summary>SEK with öre. Positive, except a correction, which carries the reversed entry's amount negated.</summary>
    public decimal Amount { get; private set; }

    public Guid? InitiativeId { get; private set; }

    /// <summary>The decision or payment reference, e.g. "RS 2022/123".</summary>
    public string Reference { get; private set; }

    public string RecordedBy { get; private set; }

    public Guid? ReversesEntryId { get; private set; }

    public static string Label(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Opening => "Ingående belopp",
        LedgerEntryKind.Commitment => "Beslutat (åtagande)",
        LedgerEntryKind.Disbursement => "Utbetalning",
        LedgerEntryKind.Release => "Frigjort åtagande",
        LedgerEntryKind.Return => "Återbetalning",
        LedgerEntryKind.Correction => "Rättelse",
        _ => kind.ToString(),
    };
}

/// <summary>
/// The fund's balances, derived from the ledger and nothing else (issue 10): opening = the sources plus corrections;
/// disbursed = disbursements less money returned; committed = commitments not yet disbursed nor released;
/// balance = opening − disbursed; uncommitted = balance − committed.
/// </summary>
public sealed record FundBalances(decimal Opening, decimal Disbursed, decimal Committed, decimal Balance, decimal Uncommitted)
{
    public static FundBalances From(IEnumerable<LedgerEntry> entries) => FromSums(entries.Select(e => (e.Affects, e.Amount)));

    /// <summary>The same from sums per kind affected, as the database aggregates them when the ledger is too long to load.</summary>
    public static FundBalances FromSums(IEnumerable<(LedgerEntryKind Affects, decimal Amount)> sums)
    {
        decimal opening = 0, commitments = 0, disbursements = 0, releases = 0, returns = 0;
        foreach (var (affects, amount) in sums)
        {
            switch (affects)
            {
                case LedgerEntryKind.Opening: opening += amount; break;
                case LedgerEntryKind.Commitment: commitments += amount; break;
                case LedgerEntryKind.Disbursement: disbursements += amount; break;
                case LedgerEntryKind.Release: releases += amount; break;
                case LedgerEntryKind.Return: returns += amount; break;
            }
        }

        var disbursed = disbursements - returns;
        var committed = commitments - disbursements - releases;
        var balance = opening - disbursed;
        return new FundBalances(opening, disbursed, committed, balance, balance - committed);
    }
}

/// <summary>One initiative's money, from its ledger lines.</summary>
public sealed record InitiativeMoney(decimal Committed, decimal Disbursed, decimal Released, decimal Returned)
{
    /// <summary>What may still be paid out: the commitment less what was paid and what was released.</summary>
    public decimal Remaining => Committed - Disbursed - Released;

    /// <summary>Paid out and not paid back.</summary>
    public decimal NetDisbursed => Disbursed - Returned;

    public static InitiativeMoney From(IEnumerable<LedgerEntry> entries, Guid initiativeId) =>
        FromSums(entries.Where(e => e.InitiativeId == initiativeId).Select(e => (e.Affects, e.Amount)));

    /// <summary>The same from one initiative's sums per kind affected.</summary>
    public static InitiativeMoney FromSums(IEnumerable<(LedgerEntryKind Affects, decimal Amount)> sums)
    {
        decimal committed = 0, disbursed = 0, released = 0, returned = 0;
        foreach (var (affects, amount) in sums)
        {
            switch (affects)
            {
                case LedgerEntryKind.Commitment: committed += amount; break;
                case LedgerEntryKind.Disbursement: disbursed += amount; break;
                case LedgerEntryKind.Release: released += amount; break;
                case LedgerEntryKind.Return: returned += amount; break;
            }
        }

        return new InitiativeMoney(committed, disbursed, released, returned);
    }
}
