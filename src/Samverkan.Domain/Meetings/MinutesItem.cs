using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

/// <summary>A paragraph of the minutes: what was said in brief and the decision, of a kind.</summary>
public sealed class MinutesItem : ICountyOwned
{
    private readonly List<RecommendationPosition> positions = [];

    private MinutesItem()
    {
        Title = string.Empty;
        Decision = string.Empty;
    }

    internal MinutesItem(Minutes minutes, int paragraph, string title, string? discussion, string decision, DecisionKind kind)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(decision))
        {
            throw new DomainRuleException("MinutesItemText", "En paragraf behöver rubrik och beslut.");
        }

        Id = Guid.NewGuid();
        MinutesId = minutes.Id;
        CountyId = minutes.CountyId;
        Paragraph = paragraph;
        Title = title.Trim();
        Discussion = string.IsNullOrWhiteSpace(discussion) ? null : discussion.Trim();
        Decision = decision.Trim();
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid MinutesId { get; private set; }

    public Guid CountyId { get; private set; }

    public int Paragraph { get; private set; }

    internal void SetParagraph(int paragraph) => Paragraph = paragraph;

    public string Title { get; private set; }

    public string? Discussion { get; private set; }

    public string Decision { get; private set; }

    public DecisionKind Kind { get; private set; }

    /// <summary>The agenda item the paragraph minutes, when the minutes were started from the agenda.</summary>
    public Guid? AgendaItemId { get; internal init; }

    public IReadOnlyList<RecommendationPosition> Positions => positions;

    /// <summary>The committee strives for consensus: a recommendation has it when no party objects.</summary>
    public bool IsConsensus => Kind == DecisionKind.Recommendation && Consensus.NoObjection(positions.Select(p => p.Position));

    internal void SetAdvice(string advice, DecisionKind kind)
    {
        if (string.IsNullOrWhiteSpace(advice))
        {
            throw new DomainRuleException("AdviceText", "Skriv rådet eller ställningstagandet.");
        }

        Decision = advice.Trim();
        Kind = kind;
    }

    internal void RecordPosition(Guid partyId, PartyPosition position, string? note)
    {
        if (Kind != DecisionKind.Recommendation)
        {
            throw new DomainRuleException("PositionOnRecommendation", "Parternas ställningstaganden antecknas för rekommendationer.");
        }

        positions.RemoveAll(p => p.PartyId == partyId);
        positions.Add(new RecommendationPosition(this, partyId, position, note));
    }
}

/// <summary>A party's position on a recommendation, with any objection or reservation.</summary>
public sealed class RecommendationPosition : ICountyOwned
{
    private RecommendationPosition()
    {
    }

    internal RecommendationPosition(MinutesItem item, Guid partyId, PartyPosition position, string? note)
    {
        Id = Guid.NewGuid();
        MinutesItemId = item.Id;
        CountyId = item.CountyId;
        PartyId = partyId;
        Position = position;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid Id { get; private set; }

    public Guid MinutesItemId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public PartyPosition Position { get; private set; }

    public string? Note { get; private set; }
}
