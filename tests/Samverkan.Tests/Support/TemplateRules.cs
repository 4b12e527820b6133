using Samverkan.Domain.Bodies;
using Samverkan.Web.Features.Bodies;

namespace Samverkan.Tests.Support;

/// <summary>
/// The seeds' bodies' rules as the product ships them (SeedData/body-templates.json): the domain tests judge the SRB,
/// the forum and the rest by exactly the rules a county gets from the template, so a template that drifts from the
/// seed fails them.
/// </summary>
internal static class TemplateRules
{
    public static BodyRules Srb { get; } = Of("strategisk-regional-beredning");

    /// <summary>The consultation forum's rules, its members drawn from <paramref name="board"/> and <paramref name="workingCommittee"/>.</summary>
    public static BodyRules Forum(Guid board, Guid workingCommittee) => Of("samradsforum",
        kind => kind == BodyKind.RegionalDevelopmentBoard ? board : kind == BodyKind.WorkingCommittee ? workingCommittee : null);

    public static BodyRules Of(string key, Func<BodyKind, Guid?>? bodies = null) =>
        BodyTemplates.AsRequest(BodyTemplates.Find(key) ?? throw new InvalidOperationException(key), bodies ?? (_ => null)).ToRules();
}
