using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Invoicing;

/// <summary>
/// What stops a year's invoices before any amount matters. An instalment is owed only under an agreement in force on
/// its due date (seed 001 §1: in force once every party's council has adopted it, from its start, until it ends), so
/// the plan names the parties that had not adopted it by then. And an invoice needs its buyer's organisation number,
/// which a county enters after setting up its parties.
/// </summary>
public static class InvoiceRefusals
{
    public static IReadOnlyList<InvoiceRefusal> Of(InvoicePlan plan)
    {
        var refusals = new List<InvoiceRefusal>();
        if (plan.Run.Instalment is { } instalment && NotInForce(plan.For, instalment) is { } notInForce)
        {
            refusals.Add(notInForce);
        }

        var withoutNumber = plan.Invoices.Select(i => PartyOf(plan.For.Agreement, i.Party.PartyId)).Where(p => !p.HasOrganisationNumber).Select(p => p.Name).ToList();
        if (withoutNumber.Count > 0)
        {
            refusals.Add(new InvoiceRefusal("OrganisationNumberMissing",
                $"Organisationsnummer saknas för {Names(withoutNumber)}. Ange {(withoutNumber.Count == 1 ? "det" : "dem")} under Parter innan fakturorna skapas."));
        }

        return refusals;
    }

    /// <summary>Why the agreement is not in force on the instalment's agreed due date, or null when it is.</summary>
    private static InvoiceRefusal? NotInForce(InvoicingYear year, int instalment)
    {
        var agreement = year.Agreement;
        var due = year.Model.DueDate(year.Year, instalment);
        var when = $"Överenskommelsen gäller inte den {SwedishText.Date(due)}, förfallodagen för delbetalning {instalment} för {year.Year}";
        var state = agreement.StateOn(due);
        if (state.Status == AgreementStatus.Ended)
        {
            return new InvoiceRefusal("AgreementNotInForce", $"{when}: {state.Explanation} Ingen delbetalning faktureras för tiden efter att den upphört.");
        }

        var parties = agreement.Parties.Select(p => PartyOf(agreement, p.PartyId)).ToList();
        var missing = parties.Where(p => agreement.AdoptionBy(p.Id) is null).Select(p => p.Name).ToList();
        var late = parties.Select(p => (p.Name, Adoption: agreement.AdoptionBy(p.Id))).Where(p => p.Adoption is { } a && a.DecidedOn > due)
            .Select(p => $"{p.Name} ({SwedishText.Date(p.Adoption!.DecidedOn)})").ToList();
        var reasons = new List<string>();
        if (missing.Count > 0)
        {
            reasons.Add($"{Names(missing)} har inte antagit den");
        }

        if (late.Count > 0)
        {
            reasons.Add($"{Names(late)} antog den först efter förfallodagen");
        }

        if (reasons.Count > 0)
        {
            return new InvoiceRefusal("AgreementNotInForce",
                $"{when}: {string.Join(", och ", reasons)}. Den gäller först när alla parters fullmäktige har antagit den, och ingen faktura skapas innan dess.");
        }

        return due < agreement.ValidFrom
            ? new InvoiceRefusal("AgreementNotInForce", $"{when}: den gäller från {SwedishText.Date(agreement.ValidFrom)}.")
            : null;
    }

    private static Counties.Party PartyOf(Agreement agreement, Guid partyId) =>
        agreement.Parties.FirstOrDefault(p => p.PartyId == partyId)?.Party
        ?? throw new InvalidOperationException($"The agreement's party {partyId} is not loaded; invoicing needs the agreement with its parties.");

    /// <summary>"Arboga, Sala och Västerås".</summary>
    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} och {names[^1]}";
}
