using Samverkan.Domain.Bodies;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// The rules as a form: the same fields as <see cref="BodyRulesRequest"/>, the mandatory topics one per line and up to
/// three bodies members are drawn from. Unchecked boxes are "off", empty numbers "no rule".
/// </summary>
public sealed class BodyRulesForm
{
    public const int SourceRows = 3;

    public int? MinMembers { get; set; }

    public int? MaxMembers { get; set; }

    public bool AllowsSubstitutes { get; set; }

    public bool AllowsCoOptedExperts { get; set; }

    public int? MinMeetingsPerYear { get; set; }

    public int? NoticeDays { get; set; }

    public int? ExtraMeetingSharePercent { get; set; }

    public bool AdvisoryOnly { get; set; }

    public int? SeatsPerMunicipality { get; set; }

    public bool MunicipalExecutiveBoardChair { get; set; }

    public bool MunicipalOpposition { get; set; }

    public int? RegionMinSeats { get; set; }

    public int? RegionMaxSeats { get; set; }

    public bool RegionalBoardPresidium { get; set; }

    public bool RegionMirrorsMajority { get; set; }

    public bool EveryBoardPartyRepresented { get; set; }

    public bool SharedPresidium { get; set; }

    public bool MembershipsWithinTerm { get; set; }

    public bool SetsUpCollaborationGroups { get; set; }

    public string? MandatoryTopics { get; set; }

    public List<Guid?> SourceBodyIds { get; set; } = [];

    public List<int?> SourceCounts { get; set; } = [];

    public BodyRulesRequest ToRequest() => new(MinMembers, MaxMembers, AllowsSubstitutes, MinMeetingsPerYear, NoticeDays, AdvisoryOnly, AllowsCoOptedExperts,
        SeatsPerMunicipality, MunicipalExecutiveBoardChair, MunicipalOpposition, RegionMinSeats, RegionMaxSeats, RegionalBoardPresidium, RegionMirrorsMajority,
        EveryBoardPartyRepresented, SharedPresidium, MembershipsWithinTerm, SetsUpCollaborationGroups, ExtraMeetingSharePercent,
        (MandatoryTopics ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        Enumerable.Range(0, Math.Max(SourceBodyIds.Count, SourceCounts.Count))
            .Select(i => (Body: i < SourceBodyIds.Count ? SourceBodyIds[i] : null, Count: i < SourceCounts.Count ? SourceCounts[i] : null))
            .Where(s => s.Body is not null || s.Count is not null)
            .Select(s => new SeatSourceRequest(s.Body, s.Count)).ToList());

    public static BodyRulesForm From(BodyRulesRequest r) => new()
    {
        MinMembers = r.MinMembers,
        MaxMembers = r.MaxMembers,
        AllowsSubstitutes = r.AllowsSubstitutes ?? false,
        AllowsCoOptedExperts = r.AllowsCoOptedExperts ?? false,
        MinMeetingsPerYear = r.MinMeetingsPerYear,
        NoticeDays = r.NoticeDays,
        ExtraMeetingSharePercent = r.ExtraMeetingSharePercent,
        AdvisoryOnly = r.AdvisoryOnly ?? false,
        SeatsPerMunicipality = r.SeatsPerMunicipality,
        MunicipalExecutiveBoardChair = r.MunicipalExecutiveBoardChair ?? false,
        MunicipalOpposition = r.MunicipalOpposition ?? false,
        RegionMinSeats = r.RegionMinSeats,
        RegionMaxSeats = r.RegionMaxSeats,
        RegionalBoardPresidium = r.RegionalBoardPresidium ?? false,
        RegionMirrorsMajority = r.RegionMirrorsMajority ?? false,
        EveryBoardPartyRepresented = r.EveryBoardPartyRepresented ?? false,
        SharedPresidium = r.SharedPresidium ?? false,
        MembershipsWithinTerm = r.MembershipsWithinTerm ?? false,
        SetsUpCollaborationGroups = r.SetsUpCollaborationGroups ?? false,
        MandatoryTopics = string.Join("\n", r.MandatoryTopics ?? []),
        SourceBodyIds = (r.MembersFrom ?? []).Select(s => s.BodyId).ToList(),
        SourceCounts = (r.MembersFrom ?? []).Select(s => s.Count).ToList(),
    };

    public static BodyRulesForm From(BodyRules r) => From(BodyRulesRequest.From(r));
}
