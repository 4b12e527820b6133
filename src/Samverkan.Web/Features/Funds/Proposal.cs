using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;

namespace Samverkan.Web.Features.Funds;

/// <summary>Amounts per source, as the API and the forms send them.</summary>
public sealed record LeverageInput(decimal? Business, decimal? State, decimal? Eu, decimal? Other)
{
    public Leverage ToLeverage() => new(Business ?? 0m, State ?? 0m, Eu ?? 0m, Other ?? 0m);

    public static LeverageInput From(Leverage l) => new(l.Business, l.State, l.Eu, l.Other);
}

/// <summary>
/// The proposal's details checked as input (400 with the field), the same for the API and the fund page: goals from the
/// county's own list, amounts in kronor with öre, an organisation number with a valid check digit, an e-mail address.
/// </summary>
public static class Proposal
{
    public static Dictionary<string, string[]> Check(IReadOnlyCollection<Guid> goalIds, IReadOnlyCollection<CountyGoal> countyGoals, LeverageInput? leverage,
        string? recipientName, string? recipientOrganisationNumber, string? contactEmail, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (goalIds.Any(g => countyGoals.All(c => c.Id != g)))
        {
            errors[prefix + "goalIds"] = ["Välj mål ur länets egen lista."];
        }

        if (leverage is not null && new[] { leverage.Business, leverage.State, leverage.Eu, leverage.Other }.Any(a => a is { } v && Money.Sek(v) is { IsNegative: true } or { HasAtMostOre: false }))
        {
            errors[prefix + "plannedLeverage"] = ["Medfinansiering anges i kronor, noll eller mer, med högst två decimaler."];
        }

        var hasNumber = !string.IsNullOrWhiteSpace(recipientOrganisationNumber);
        if (hasNumber && !OrganisationNumber.IsValid(recipientOrganisationNumber))
        {
            errors[prefix + "recipientOrganisationNumber"] = ["Organisationsnumret är inte giltigt (NNNNNN-NNNN, med rätt kontrollsiffra)."];
        }
        else if (hasNumber != !string.IsNullOrWhiteSpace(recipientName))
        {
            errors[prefix + (hasNumber ? "recipientName" : "recipientOrganisationNumber")] = ["Ange mottagande organisation med både namn och organisationsnummer."];
        }

        if (!string.IsNullOrWhiteSpace(contactEmail) && !System.Net.Mail.MailAddress.TryCreate(contactEmail.Trim(), out _))
        {
            errors[prefix + "contactEmail"] = ["Ange en giltig e-postadress."];
        }

        return errors;
    }
}
