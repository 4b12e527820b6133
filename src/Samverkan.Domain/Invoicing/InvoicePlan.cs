using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;

namespace Samverkan.Domain.Invoicing;

/// <summary>What a raise is for: the first or the second instalment of the year, or the corrections after the second.</summary>
public sealed record InvoiceRun
{
    private InvoiceRun(int? instalment) => Instalment = instalment;

    public static InvoiceRun Corrections { get; } = new((int?)null);

    /// <summary>1 or 2 for an instalment; none for the corrections.</summary>
    public int? Instalment { get; }

    public bool IsCorrection => Instalment is null;

    public static InvoiceRun OfInstalment(int instalment) => instalment is 1 or 2
        ? new InvoiceRun(instalment)
        : throw new DomainRuleException("Instalment", "Delbetalningen är 1 (februari) eller 2 (augusti).");
}

/// <summary>
/// What a year's invoices rest on: the cost model (due dates), whether the level is a forecast, each party's amount,
/// and the agreement with its parties and adoptions (whether it is in force, whom an invoice can be addressed to).
/// </summary>
public sealed record InvoicingYear(int Year, CostModel Model, bool IsPreliminary, IReadOnlyList<AnnualAmount> Amounts, Agreement Agreement);

/// <summary>Why nothing of a plan may be raised, said once for the page (before its button) and the API (a 422).</summary>
public sealed record InvoiceRefusal(string Rule, string Message);

/// <summary>One invoice or credit note the plan would raise, with the sentence that explains its amount.</summary>
public sealed record PlannedInvoice(AnnualAmount Party, InvoiceKind Kind, InvoicePurpose Purpose, int? Instalment, Money Amount, Money InvoicedBefore,
    DateOnly DueOn, string Description, string Calculation);

/// <summary>
/// The choice of what to invoice, made once for the preview and the raise alike. Per party, from the year's amount and
/// the invoices already raised: an instalment not yet raised (the first is half the year rounded down, the second the
/// rest), or after the second instalment a supplementary invoice or a credit note for any difference. Nothing already
/// raised is raised again, and an invoice is never changed: a difference is a new invoice.
/// </summary>
public sealed record InvoicePlan(InvoiceRun Run, InvoicingYear For, DateOnly IssuedOn, DateOnly AgreedDueOn, DateOnly DueOn,
    IReadOnlyList<PlannedInvoice> Invoices, int UpToDate, IReadOnlyList<string> MissingEarlierInstalment)
{
    /// <summary>Why the plan may not be raised at all (<see cref="InvoiceRefusals"/>); empty when it may.</summary>
    public IReadOnlyList<InvoiceRefusal> Refusals { get; private init; } = [];

    /// <summary>Days to pay a supplementary invoice.</summary>
    public const int CorrectionDueDays = 30;

    public Money Total => Money.Sum(Invoices.Select(i => i.Amount));

    /// <summary>The agreed due date has passed, so the instalment is due some days after the invoice date instead.</summary>
    public bool IsLate => DueOn != AgreedDueOn;

    public static InvoicePlan Make(InvoiceRun run, InvoicingYear year, IReadOnlyCollection<Invoice> raised, DateOnly today)
    {
        var byParty = raised.ToLookup(i => i.PartyId);
        var plan = run.Instalment is { } instalment
            ? ForInstalment(run, instalment, year, byParty, today)
            : ForCorrections(run, year, byParty, today);
        return plan with { Refusals = InvoiceRefusals.Of(plan) };
    }

    /// <summary>
    /// Refuses a plan that cannot be raised as it is: the agreement is not in force on the instalment's due date, a party
    /// to invoice has no organisation number, or a party still lacks the instalment that must come first.
    /// </summary>
    public InvoicePlan EnsureRaisable()
    {
        EnsureAllowed();
        if (MissingEarlierInstalment.Count == 0)
        {
            return this;
        }

        var party = MissingEarlierInstalment[0];
        throw Run.IsCorrection
            ? new DomainRuleException("CorrectionBeforeSecond",
                $"Rättelser görs efter delbetalning 2; {party} har ingen delbetalning 2 för {For.Year}. Fakturera delbetalning 2 i stället.")
            : new DomainRuleException("FirstInstalmentFirst", $"Delbetalning 1 för {For.Year} måste faktureras före delbetalning 2 ({party} saknar den).");
    }

    /// <summary>Every refusal in one sentence after the other, as the page and the API say it; null when there is none.</summary>
    public string? Refusal => Refusals.Count == 0 ? null : string.Join(" ", Refusals.Select(r => r.Message));

    /// <summary>Refuses a plan nothing of which may be raised (<see cref="Refusals"/>), the preview as the raise.</summary>
    public InvoicePlan EnsureAllowed() => Refusals.Count == 0 ? this : throw new DomainRuleException(Refusals[0].Rule, Refusal!);

    /// <summary>The planned invoice as issued, with the next number of the county's series.</summary>
    public Invoice Issue(PlannedInvoice planned, Guid countyId, Guid agreementId, int sequence, string derivation) =>
        new(countyId, agreementId, planned.Party.PartyId, For.Year, sequence, planned.Kind, planned.Purpose, planned.Instalment, planned.Amount.Value,
            For.IsPreliminary, IssuedOn, planned.DueOn, planned.Description, derivation);

    private static InvoicePlan ForInstalment(InvoiceRun run, int instalment, InvoicingYear year, ILookup<Guid, Invoice> raised, DateOnly today)
    {
        var due = year.Model.EffectiveDueDate(year.Year, instalment, today);
        var description = $"Regional samverkan {year.Year}, delbetalning {instalment} av 2{(year.IsPreliminary ? " (preliminär)" : string.Empty)}";
        var planned = new List<PlannedInvoice>();
        var already = 0;
        var missingFirst = new List<string>();
        foreach (var party in year.Amounts)
        {
            var own = raised[party.PartyId].ToList();
            if (own.Any(i => IsInstalment(i, instalment)))
            {
                already++;
                continue;
            }

            Money amount;
            string calculation;
            if (instalment == 1)
            {
                amount = Instalments.First(party.Amount);
                calculation = $"Delbetalning 1 = hälften av årsbeloppet {SwedishText.Kronor(party.Amount)} avrundat nedåt till hela kronor = {SwedishText.Kronor(amount)}, att betala senast {SwedishText.Date(due)}.";
            }
            else if (own.FirstOrDefault(i => IsInstalment(i, 1)) is { } first)
            {
                amount = Instalments.Second(party.Amount, Money.Sek(first.Amount));
                calculation = $"Delbetalning 2 = årsbeloppet {SwedishText.Kronor(party.Amount)} − delbetalning 1 ({first.Number}) {SwedishText.Kronor(first.Amount)} = {SwedishText.Kronor(amount)}"
                    + (first.IsPreliminary ? "; delbetalning 1 byggde på preliminärt index, så denna faktura stämmer av året mot den slutliga nivån." : ".");
            }
            else
            {
                missingFirst.Add(party.Party);
                continue;
            }

            // A first instalment of 0 kr, or a second that a larger preliminary first has already covered, is not an invoice.
            if (amount.IsPositive)
            {
                planned.Add(new PlannedInvoice(party, InvoiceKind.Invoice, InvoicePurpose.Instalment, instalment, amount, Invoiced(own), due, description, calculation));
            }
        }

        return new InvoicePlan(run, year, today, year.Model.DueDate(year.Year, instalment), due, planned, already, missingFirst);
    }

    private static InvoicePlan ForCorrections(InvoiceRun run, InvoicingYear year, ILookup<Guid, Invoice> raised, DateOnly today)
    {
        var due = today.AddDays(CorrectionDueDays);
        var planned = new List<PlannedInvoice>();
        var unchanged = 0;
        var missingSecond = new List<string>();
        foreach (var party in year.Amounts)
        {
            var own = raised[party.PartyId].ToList();
            if (!own.Any(i => IsInstalment(i, 2)))
            {
                missingSecond.Add(party.Party);
                continue;
            }

            var invoiced = Invoiced(own);
            var difference = party.Amount - invoiced;
            if (difference.IsZero)
            {
                unchanged++;
                continue;
            }

            var kind = difference.IsPositive ? InvoiceKind.Invoice : InvoiceKind.CreditNote;
            var calculation = $"Årsbeloppet är nu {SwedishText.Kronor(party.Amount)}; fakturerat hittills {SwedishText.Kronor(invoiced)}; "
                + (kind == InvoiceKind.Invoice ? $"tilläggsfaktura på {SwedishText.Kronor(difference)}." : $"kreditnota på {SwedishText.Kronor(-difference)}.");
            var description = $"Regional samverkan {year.Year}, {(kind == InvoiceKind.Invoice ? "tilläggsfaktura" : "kreditnota")} efter ändrad kostnadsnivå";
            planned.Add(new PlannedInvoice(party, kind, InvoicePurpose.Correction, null, difference.Abs(), invoiced, due, description, calculation));
        }

        return new InvoicePlan(run, year, today, due, due, planned, unchanged, missingSecond);
    }

    /// <summary>What the party owes for the year by the invoices raised so far: credit notes count against it.</summary>
    internal static Money Invoiced(IEnumerable<Invoice> own) => Money.Sum(own.Select(i => Money.Sek(i.SignedAmount)));

    internal static bool IsInstalment(Invoice invoice, int instalment) => invoice.Purpose == InvoicePurpose.Instalment && invoice.Instalment == instalment;
}
