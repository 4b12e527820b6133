using Samverkan.Domain.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// A form (or a request) that carries the version it was read at: when the stored version has moved on since, somebody
/// else changed the data meanwhile and the change is refused as a conflict (409) with the reader's own message. Checked
/// against freshly loaded data, so <see cref="ConflictRetry"/> running the change again cannot turn a stale form into a
/// saved one; a change that slips in between the check and the save is caught by the version's concurrency token.
/// </summary>
public static class ExpectedVersion
{
    public static void Ensure(int stored, int? expected, string message)
    {
        if (expected is { } version && version != stored)
        {
            throw new DomainRuleException("StaleVersion", message, RuleSeverity.Conflict);
        }
    }
}
