using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Why a change was refused, said once for the page and the API alike: the status (400 bad input, 422 a broken rule,
/// 409 a conflict), a title, and the Swedish messages per field ("" when the refusal is about the whole change). The
/// API writes it as ProblemDetails; a page shows the messages beside its form and answers with the same status.
/// </summary>
public sealed record ChangeFailure(int Status, string Title, IReadOnlyDictionary<string, string[]> Errors, string? Rule)
{
    public const string General = "";

    public IEnumerable<string> Messages => Errors.SelectMany(e => e.Value);

    public string Detail => string.Join(" ", Messages);

    /// <summary>The failure an exception stands for, or null when it is not a refusal but a fault (a 500).</summary>
    public static ChangeFailure? From(Exception exception) => exception switch
    {
        InputValidationException e => new(StatusCodes.Status400BadRequest, "Felaktiga uppgifter", e.Errors, null),
        DomainRuleException e => new(e.Severity == RuleSeverity.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            "Regeln tillåter inte ändringen", Whole(e.Message), e.Rule),
        StaleVersionException e => new(StatusCodes.Status409Conflict, "Samtidig ändring", Whole(e.Message), null),
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, "Samtidig ändring",
            Whole("Någon annan har ändrat uppgifterna under tiden. Läs in dem på nytt och gör ändringen igen."), null),
        _ when DatabaseFailures.IsUniqueViolation(exception) => new(StatusCodes.Status409Conflict, "Samtidig ändring",
            Whole("Någon annan gjorde en ändring samtidigt, så din sparades inte. Försök igen."), null),
        _ => null,
    };

    private static Dictionary<string, string[]> Whole(string message) => new() { [General] = [message] };
}
