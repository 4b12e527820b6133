namespace Samverkan.Domain.Bodies;

/// <summary>A body's own rules (reglemente, arbetsordning) as far as the system enforces them.</summary>
public sealed record BodyRules(
    int? MinMembers,
    int? MaxMembers,
    bool AllowsSubstitutes,
    int MinMeetingsPerYear,
    int NoticeDaysBefore,
    CompositionRuleSet CompositionRules)
{
    /// <summary>Seed 001 §2.2–2.3: 25–30 members, no substitutes, six meetings a year, notice 14 days before.</summary>
    public static BodyRules StrategicRegionalCommittee { get; } = new(25, 30, false, 6, 14, CompositionRuleSet.StrategicRegionalCommittee);

    /// <summary>Seed 003: 6 members of RUN and 7 of PKD AU, 13 in all; meets after RUN AU's meetings.</summary>
    public static BodyRules ConsultationForum { get; } = new(13, 13, false, 0, 7, CompositionRuleSet.ConsultationForum);

    public static BodyRules Default { get; } = new(null, null, true, 0, 7, CompositionRuleSet.None);
}
