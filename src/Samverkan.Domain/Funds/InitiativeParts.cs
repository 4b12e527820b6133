using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;

namespace Samverkan.Domain.Funds;

public enum InitiativeStatus
{
    Draft,
    Submitted,

    /// <summary>VRAU's recommendation, with VRAG's support, is written.</summary>
    Prepared,

    /// <summary>The Council took the position to grant, by consensus.</summary>
    Granted,

    /// <summary>The Council took no position to grant: an objection, an absent party, or a recommendation to reject.</summary>
    NotGranted,

    /// <summary>The region decided under its own delegation; the amount is committed in the ledger.</summary>
    Decided,

    /// <summary>Money is being paid out.</summary>
    Running,

    /// <summary>Final report in; unused money returned and the rest of the commitment released.</summary>
    Closed,
}

public enum Recommendation
{
    Grant,
    Reject,
}

/// <summary>One of the fund's criteria answered in the preparation, with the criterion's text as it read then.</summary>
public sealed record CriterionAnswer(string Criterion, bool Met, string? Comment);

/// <summary>A party's stand on an initiative at the Council's meeting: the minutes' own positions.</summary>
public sealed class InitiativeStand : ICountyOwned
{
    private InitiativeStand()
    {
    }

    internal InitiativeStand(Initiative initiative, Guid partyId, PartyPosition position, string? note)
    {
        Id = Guid.NewGuid();
        InitiativeId = initiative.Id;
        CountyId = initiative.CountyId;
        PartyId = partyId;
        Position = position;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid Id { get; private set; }

    public Guid InitiativeId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public PartyPosition Position { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>The Council's consensus on an initiative: who supported, who objected and who was absent.</summary>
public sealed record ConsensusOutcome(bool Granted, IReadOnlyList<Guid> Objecting, IReadOnlyList<Guid> Absent);
