namespace Samverkan.Domain.Meetings;

public enum DecisionKind
{
    Recommendation,
    Information,
    Position,

    /// <summary>A decision of a deciding body (beslut).</summary>
    Decision,

    /// <summary>Advice (råd) of an advisory body such as the consultation forum.</summary>
    Advice,
}

public static class DecisionKinds
{
    /// <summary>What an advisory body may never record: a decision, or a recommendation (a decision to recommend).</summary>
    public static bool IsDecision(DecisionKind kind) => kind is DecisionKind.Decision or DecisionKind.Recommendation;
}

public enum PartyPosition
{
    Agree,
    Object,
    Abstain,
}

/// <summary>The one consensus rule of the collaboration: the SRB's recommendations and the Council's stand on a fund initiative.</summary>
public static class Consensus
{
    /// <summary>One objection is enough to break consensus; an abstention does not.</summary>
    public static bool NoObjection(IEnumerable<PartyPosition> positions) => positions.All(p => p != PartyPosition.Object);
}
