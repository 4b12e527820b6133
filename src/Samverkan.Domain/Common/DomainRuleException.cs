namespace Samverkan.Domain.Common;

/// <summary>
/// A rule of the collaboration was broken. The message is Swedish because it is shown to users as is.
/// </summary>
public class DomainRuleException(string rule, string message, RuleSeverity severity = RuleSeverity.Unprocessable)
    : Exception(message)
{
    public string Rule { get; } = rule;

    public RuleSeverity Severity { get; } = severity;
}

public enum RuleSeverity
{
    /// <summary>The request is well formed but breaks a rule (HTTP 422).</summary>
    Unprocessable,

    /// <summary>The request conflicts with the current state, e.g. something already recorded (HTTP 409).</summary>
    Conflict,
}
