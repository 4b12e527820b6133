using Samverkan.Domain.Common;

namespace Samverkan.Domain.Invoicing;

public enum InvoiceKind
{
    /// <summary>An invoice (UBL InvoiceTypeCode 380).</summary>
    Invoice,

    /// <summary>A credit note (UBL CreditNoteTypeCode 381): money back to the municipality.</summary>
    CreditNote,
}

public enum InvoicePurpose
{
    /// <summary>The first or second instalment of the year.</summary>
    Instalment,

    /// <summary>A correction after the second instalment: an extra invoice or a credit note for the difference.</summary>
    Correction,
}

public enum InvoiceStatus
{
    Issued,
    Paid,
    Credited,
}

/// <summary>
/// An invoice from the region to a municipality. Never edited once issued: a change gives a correction invoice or a
/// credit note. The number is the next in the county's gap-free series for the year.
/// </summary>
public sealed class Invoice : ICountyOwned
{
    private Invoice()
    {
        Number = string.Empty;
        Derivation = string.Empty;
        Description = string.Empty;
    }

    public Invoice(Guid countyId, Guid agreementId, Guid partyId, int year, int sequence, InvoiceKind kind, InvoicePurpose purpose, int? instalment,
        decimal amount, bool isPreliminary, DateOnly issuedOn, DateOnly dueOn, string description, string derivation)
    {
        if (Money.Sek(amount) is not { IsPositive: true, IsWholeKronor: true })
        {
            throw new DomainRuleException("InvoiceAmount", $"Fakturabeloppet ska vara ett positivt belopp i hela kronor, inte {amount}.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        AgreementId = agreementId;
        PartyId = partyId;
        Year = year;
        Sequence = sequence;
        Number = FormatNumber(year, sequence);
        Kind = kind;
        Purpose = purpose;
        Instalment = instalment;
        Amount = amount;
        IsPreliminary = isPreliminary;
        IssuedOn = issuedOn;
        DueOn = dueOn;
        Description = description;
        Derivation = derivation;
        Status = InvoiceStatus.Issued;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid PartyId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The place in the county's series for the year: 1, 2, 3 ... without gaps.</summary>
    public int Sequence { get; private set; }

    /// <summary>E.g. "2026-0007".</summary>
    public string Number { get; private set; }

    public InvoiceKind Kind { get; private set; }

    public InvoicePurpose Purpose { get; private set; }

    /// <summary>1 or 2 for an instalment; none for a correction.</summary>
    public int? Instalment { get; private set; }

    /// <summary>Whole kronor, always positive; a credit note's amount is what is credited.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Signed effect on what the municipality owes: negative for a credit note.</summary>
    public decimal SignedAmount => Kind == InvoiceKind.CreditNote ? -Amount : Amount;

    /// <summary>Based on a preliminary (forecast) index; the second instalment trues it up.</summary>
    public bool IsPreliminary { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string Description { get; private set; }

    /// <summary>The whole derivation as JSON: level chain, index, population and date, share, rounding, instalment.</summary>
    public string Derivation { get; private set; }

    public InvoiceStatus Status { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public static string FormatNumber(int year, int sequence) => $"{year}-{sequence:0000}";

    public void MarkPaid(DateOnly on)
    {
        if (Status != InvoiceStatus.Issued)
        {
            throw new DomainRuleException("InvoicePaid", $"Faktura {Number} är redan {(Status == InvoiceStatus.Paid ? "betald" : "krediterad")}.", RuleSeverity.Conflict);
        }

        Status = InvoiceStatus.Paid;
        PaidOn = on;
    }
}

/// <summary>The last number used in a county's invoice series for a year. Taken in the same transaction as the invoice.</summary>
public sealed class InvoiceSeries : ICountyOwned
{
    private InvoiceSeries()
    {
    }

    public InvoiceSeries(Guid countyId, int year)
    {
        Id = Guid.NewGuid();
        CountyId = countyId;
        Year = year;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public int Year { get; private set; }

    public int LastNumber { get; private set; }

    public int Version { get; private set; }

    public int Take()
    {
        LastNumber++;
        Version++;
        return LastNumber;
    }
}
