using Samverkan.Domain.Bodies;

namespace Samverkan.Domain.Meetings;

/// <summary>The SRB's mandatory items (seed 001 §2.1): what it must prepare each term.</summary>
public enum MandatoryTopic
{
    RegionalDevelopmentStrategy,
    TransportInfrastructurePlan,
    CulturePlan,
    PublicTransportProgramme,
    LocalCare,
    EuQuestions,
}

public sealed record MandatoryItemStatus(MandatoryTopic Topic, DateOnly? LastPrepared);

public static class MandatoryItems
{
    public static string Label(MandatoryTopic topic) => topic switch
    {
        MandatoryTopic.RegionalDevelopmentStrategy => "Regional utvecklingsstrategi",
        MandatoryTopic.TransportInfrastructurePlan => "Regional transportinfrastrukturplan",
        MandatoryTopic.CulturePlan => "Regional kulturplan",
        MandatoryTopic.PublicTransportProgramme => "Trafikförsörjningsprogram",
        MandatoryTopic.LocalCare => "Nära vård",
        MandatoryTopic.EuQuestions => "Gemensamma EU-frågor",
        _ => topic.ToString(),
    };

    /// <summary>Only the SRB has mandatory items.</summary>
    public static bool Apply(Body body) => body.Rules.CompositionRules == CompositionRuleSet.StrategicRegionalCommittee;

    /// <summary>Per topic, the last day in the term a meeting (not cancelled, already held) prepared it; none means missing.</summary>
    public static IReadOnlyList<MandatoryItemStatus> For(TermOfOffice term, IEnumerable<(Meeting Meeting, DateOnly Day)> meetings, DateOnly today)
    {
        var held = meetings.Where(m => m.Meeting.Status != MeetingStatus.Cancelled && m.Day <= today && term.Covers(m.Day)).ToList();
        return Enum.GetValues<MandatoryTopic>()
            .Select(t => new MandatoryItemStatus(t, held.Where(m => m.Meeting.Agenda.Any(a => a.Topic == t)).Select(m => (DateOnly?)m.Day).Max()))
            .ToList();
    }
}
