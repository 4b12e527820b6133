using Samverkan.Domain.Common;
using Samverkan.Domain.Bodies;

namespace Samverkan.Domain.Meetings;

/// <summary>A mandatory topic of a body's term (<see cref="BodyRules.MandatoryTopics"/>) and the last day a held meeting prepared it.</summary>
public sealed record MandatoryItemStatus(string Topic, DateOnly? LastPrepared);

public static class MandatoryItems
{
    /// <summary>Only a body whose rules list mandatory topics has them.</summary>
    public static bool Apply(Body body) => body.Rules.MandatoryTopics.Count > 0;

    /// <summary>The topic as the body's rules spell it, or a refusal naming the topics it has.</summary>
    public static string? Resolve(BodyRules rules, string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return null;
        }

        return rules.MandatoryTopics.FirstOrDefault(t => string.Equals(t, topic.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("MandatoryTopic", rules.MandatoryTopics.Count == 0
                ? "Organet har inga obligatoriska uppgifter."
                : $"”{topic.Trim()}” är inte en av organets obligatoriska uppgifter ({string.Join(", ", rules.MandatoryTopics)}).");
    }

    /// <summary>Per topic of the body's rules, the last day in the term a meeting (not cancelled, already held) prepared it; none means missing.</summary>
    public static IReadOnlyList<MandatoryItemStatus> For(BodyRules rules, TermOfOffice term, IEnumerable<(Meeting Meeting, DateOnly Day)> meetings, DateOnly today)
    {
        var held = meetings.Where(m => m.Meeting.Status != MeetingStatus.Cancelled && m.Day <= today && term.Covers(m.Day)).ToList();
        return rules.MandatoryTopics
            .Select(t => new MandatoryItemStatus(t, held.Where(m => m.Meeting.Agenda.Any(a => string.Equals(a.Topic, t, StringComparison.OrdinalIgnoreCase)))
                .Select(m => (DateOnly?)m.Day).Max()))
            .ToList();
    }
}
