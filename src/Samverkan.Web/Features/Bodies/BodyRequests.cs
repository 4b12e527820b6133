using Samverkan.Domain.Bodies;

namespace Samverkan.Web.Features.Bodies;

// What the body pages' forms and the API send to BodyDesk: every field may be missing, the use case says which are
// required (the same Swedish message for page and API).

public sealed record MembershipRequest(Guid? PersonId, Guid? AppointingPartyId, MembershipRole? Role, string? PoliticalParty, PoliticalSide? Side,
    QualifyingOffice? Office, string? OfficeTitle, DateOnly? From, DateOnly? To);

public sealed record EndMembershipRequest(DateOnly? On);

public sealed record GroupRequest(string? Name, string? ShortName, string? Remit, string? WorkingForms, string? Decision, Guid? DecisionItemId, DateOnly? EstablishedOn);

public sealed record CloseRequest(string? Decision, DateOnly? ClosedOn);

public sealed record ReceiveRequest(DateOnly? ReceivedOn, string? Summary);

/// <summary>Members drawn from another body of the county: so many from the body with this id.</summary>
public sealed record SeatSourceRequest(Guid? BodyId, int? Count, BodyKind? Kind = null);

/// <summary>A body's rules as the form and the API send them; missing numbers are "no rule", missing switches are off.</summary>
public sealed record BodyRulesRequest(int? MinMembers = null, int? MaxMembers = null, bool? AllowsSubstitutes = null, int? MinMeetingsPerYear = null,
    int? NoticeDays = null, bool? AdvisoryOnly = null, bool? AllowsCoOptedExperts = null, int? SeatsPerMunicipality = null,
    bool? MunicipalExecutiveBoardChair = null, bool? MunicipalOpposition = null, int? RegionMinSeats = null, int? RegionMaxSeats = null,
    bool? RegionalBoardPresidium = null, bool? RegionMirrorsMajority = null, bool? EveryBoardPartyRepresented = null, bool? SharedPresidium = null,
    bool? MembershipsWithinTerm = null, bool? SetsUpCollaborationGroups = null, int? ExtraMeetingSharePercent = null,
    IReadOnlyList<string>? MandatoryTopics = null, IReadOnlyList<SeatSourceRequest>? MembersFrom = null)
{
    /// <summary>What a new body starts from without a template: <see cref="BodyRules.Default"/> as a request (substitutes and co-opted experts allowed, notice 7 days before).</summary>
    public static BodyRulesRequest Defaults { get; } = new(AllowsSubstitutes: BodyRules.Default.AllowsSubstitutes, NoticeDays: BodyRules.Default.NoticeDaysBefore,
        AllowsCoOptedExperts: BodyRules.Default.AllowsCoOptedExperts);

    /// <summary>A body's stored rules as a request, for its form and for a county's configuration file.</summary>
    public static BodyRulesRequest From(BodyRules r) => new(r.MinMembers, r.MaxMembers, r.AllowsSubstitutes, r.MinMeetingsPerYear,
        r.NoticeDaysBefore, r.AdvisoryOnly, r.AllowsCoOptedExperts, r.SeatsPerMunicipality, r.MunicipalExecutiveBoardChair, r.MunicipalOpposition,
        r.RegionMinSeats, r.RegionMaxSeats, r.RegionalBoardPresidium, r.RegionMirrorsMajority, r.EveryBoardPartyRepresented, r.SharedPresidium,
        r.MembershipsWithinTerm, r.SetsUpCollaborationGroups, r.ExtraMeetingSharePercent, r.MandatoryTopics,
        r.MembersFrom.Select(s => new SeatSourceRequest(s.BodyId, s.Count)).ToList());

    /// <summary>The rules as the domain holds them, once <see cref="BodySetup"/> has checked the request: blank topics and empty source rows left out.</summary>
    public BodyRules ToRules() => new(MinMembers, MaxMembers, AllowsSubstitutes ?? false, MinMeetingsPerYear ?? 0, NoticeDays ?? 7)
    {
        AdvisoryOnly = AdvisoryOnly ?? false,
        AllowsCoOptedExperts = AllowsCoOptedExperts ?? false,
        SeatsPerMunicipality = SeatsPerMunicipality,
        MunicipalExecutiveBoardChair = MunicipalExecutiveBoardChair ?? false,
        MunicipalOpposition = MunicipalOpposition ?? false,
        RegionMinSeats = RegionMinSeats,
        RegionMaxSeats = RegionMaxSeats,
        RegionalBoardPresidium = RegionalBoardPresidium ?? false,
        RegionMirrorsMajority = RegionMirrorsMajority ?? false,
        EveryBoardPartyRepresented = EveryBoardPartyRepresented ?? false,
        SharedPresidium = SharedPresidium ?? false,
        MembershipsWithinTerm = MembershipsWithinTerm ?? false,
        SetsUpCollaborationGroups = SetsUpCollaborationGroups ?? false,
        ExtraMeetingSharePercent = ExtraMeetingSharePercent,
        MandatoryTopics = (MandatoryTopics ?? []).Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).ToList(),
        MembersFrom = (MembersFrom ?? []).Where(s => s.BodyId is not null && s.Count is not null).Select(s => new SeatSource(s.BodyId!.Value, s.Count!.Value)).ToList(),
    };
}

/// <summary>
/// A new body of the county: its name, kind, the agreement it serves, the party it belongs to and the body it reports
/// to, its first term of office, and its rules (from a template's, changed as the county decides).
/// </summary>
public sealed record CreateBodyRequest(string? Name, string? ShortName, BodyKind? Kind, Guid? AgreementId = null, Guid? OwnerPartyId = null,
    Guid? ParentBodyId = null, DateOnly? TermStartsOn = null, DateOnly? TermEndsOn = null, BodyRulesRequest? Rules = null, string? Template = null);
