namespace Samverkan.Domain.Bodies;

/// <summary>So many of a body's members sit in another body of the county (a consultation forum: six of the regional development board).</summary>
public sealed record SeatSource(Guid BodyId, int Count);

/// <summary>
/// A body's own rules (reglemente, arbetsordning) as far as the system enforces them. Every rule is configuration of
/// the county's own body: the composition check, the notice rule, the meeting plan and "advisory never decides" read
/// them, and nothing in the code knows which county's rules they are. A new body starts from <see cref="Default"/> or
/// from a template (the seeds' bodies, shipped as data) and is changed there.
/// </summary>
public sealed record BodyRules(int? MinMembers, int? MaxMembers, bool AllowsSubstitutes, int MinMeetingsPerYear, int NoticeDaysBefore)
{
    /// <summary>Gives advice and takes positions, never decides: its minutes hold no decisions and a case step there never has the role Decide.</summary>
    public bool AdvisoryOnly { get; init; }

    /// <summary>Co-opted experts may attend and speak (never counted as members).</summary>
    public bool AllowsCoOptedExperts { get; init; } = true;

    /// <summary>How many members each municipality appoints; none: no rule.</summary>
    public int? SeatsPerMunicipality { get; init; }

    /// <summary>Each municipality's members include the chair of its executive board (kommunstyrelsens ordförande).</summary>
    public bool MunicipalExecutiveBoardChair { get; init; }

    /// <summary>Each municipality appoints at least one member from the opposition.</summary>
    public bool MunicipalOpposition { get; init; }

    /// <summary>The fewest members the region appoints; none: no rule.</summary>
    public int? RegionMinSeats { get; init; }

    /// <summary>The most members the region appoints; none: no rule.</summary>
    public int? RegionMaxSeats { get; init; }

    /// <summary>The region's members include its executive board's presidium (the chair and two vice chairs).</summary>
    public bool RegionalBoardPresidium { get; init; }

    /// <summary>The region's members mirror the political majority in the region (more than half from the majority).</summary>
    public bool RegionMirrorsMajority { get; init; }

    /// <summary>Every political party of the regional executive board has a member (read from the county's board seats).</summary>
    public bool EveryBoardPartyRepresented { get; init; }

    /// <summary>
    /// The presidium is shared: the chair is the regional board's chair, the municipalities appoint the first vice chair
    /// from their majority, and the region and the municipalities one vice chair each from their opposition.
    /// </summary>
    public bool SharedPresidium { get; init; }

    /// <summary>Every assignment ends with the term of office, and the term follows the electoral cycle unless decided otherwise.</summary>
    public bool MembershipsWithinTerm { get; init; }

    /// <summary>The body sets up and closes political collaboration groups, which report to it twice a year.</summary>
    public bool SetsUpCollaborationGroups { get; init; }

    /// <summary>The share of members, in per cent, who may call an extra meeting; none: no rule.</summary>
    public int? ExtraMeetingSharePercent { get; init; }

    /// <summary>The topics the body must prepare each term (the SRB's mandatory items), in the county's own words.</summary>
    public IReadOnlyList<string> MandatoryTopics { get; init; } = [];

    /// <summary>Members drawn from other bodies of the county, so many from each.</summary>
    public IReadOnlyList<SeatSource> MembersFrom { get; init; } = [];

    /// <summary>Whether any composition rule beyond the member count applies to the municipalities' and the region's seats.</summary>
    public bool HasPartySeatRules => SeatsPerMunicipality is not null || MunicipalExecutiveBoardChair || MunicipalOpposition || RegionMinSeats is not null
        || RegionMaxSeats is not null || RegionalBoardPresidium || RegionMirrorsMajority || EveryBoardPartyRepresented || SharedPresidium;

    public static BodyRules Default { get; } = new(null, null, true, 0, 7);
}
