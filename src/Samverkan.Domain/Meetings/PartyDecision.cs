using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

public enum PartyDecisionOutcome
{
    Adopted,
    Rejected,
    Partly,
}

/// <summary>A party's own decision on a recommendation of the committee (seed 001 §2.3: each party decides itself).</summary>
public sealed class PartyDecision : ICountyOwned
{
    private PartyDecision()
    {
        Reference = string.Empty;
        RecordedBy = string.Empty;
    }

    public PartyDecision(Minutes minutes, MinutesItem item, Guid partyId, PartyDecisionOutcome outcome, DateOnly decidedOn, string reference, string recordedBy, DateOnly today)
    {
        if (item.Kind != DecisionKind.Recommendation)
        {
            throw new DomainRuleException("DecisionOnRecommendation", "Parternas egna beslut följs upp för rekommendationer.");
        }

        if (minutes.Status is not (MinutesStatus.Checked or MinutesStatus.Dispatched))
        {
            throw new DomainRuleException("DecisionAfterCheck", "Rekommendationen gäller först när protokollet är justerat.", RuleSeverity.Conflict);
        }

        if (decidedOn > today)
        {
            throw new DomainRuleException("DecisionDate", "Beslutsdatumet kan inte ligga i framtiden.");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("DecisionReference", "Ange beslutets referens, till exempel \"KS 2026-10-05 § 112\".");
        }

        Id = Guid.NewGuid();
        CountyId = minutes.CountyId;
        MinutesItemId = item.Id;
        PartyId = partyId;
        Outcome = outcome;
        DecidedOn = decidedOn;
        Reference = reference.Trim();
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid MinutesItemId { get; private set; }

    public Guid PartyId { get; private set; }

    public PartyDecisionOutcome Outcome { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Reference { get; private set; }

    public string RecordedBy { get; private set; }

    public static string Label(PartyDecisionOutcome outcome) => outcome switch
    {
        PartyDecisionOutcome.Adopted => "Antagen",
        PartyDecisionOutcome.Rejected => "Avslagen",
        PartyDecisionOutcome.Partly => "Delvis antagen",
        _ => outcome.ToString(),
    };
}
