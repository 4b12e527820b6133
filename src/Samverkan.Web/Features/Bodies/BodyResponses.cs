using Samverkan.Domain.Bodies;

namespace Samverkan.Web.Features.Bodies;

public sealed record BodySummaryResponse(Guid Id, string CountyCode, BodyKind Kind, string KindLabel, string Name, string? ShortName, int MemberCount);

public sealed record TermResponse(DateOnly StartsOn, DateOnly EndsOn, string? DeviationReference);

public sealed record MemberResponse(Guid MembershipId, Guid PersonId, string Name, MembershipRole Role, string RoleLabel, Guid AppointingPartyId,
    string? AppointingParty, string? PoliticalParty, PoliticalSide? Side, QualifyingOffice Office, string? OfficeTitle, DateOnly From, DateOnly? To)
{
    public static MemberResponse Of(Membership m) => new(m.Id, m.PersonId, m.Person?.FullName ?? string.Empty, m.Role, BodyLabels.Role(m.Role),
        m.AppointingPartyId, m.AppointingParty?.Name, m.PoliticalParty?.Abbreviation, m.Side, m.Office, m.OfficeTitle, m.From, m.To);
}

public sealed record BodyResponse(Guid Id, BodyKind Kind, string KindLabel, string Name, string? ShortName, BodyRules Rules, TermResponse? Term,
    int Version, IReadOnlyList<MemberResponse> Members, Guid? AgreementId = null, Guid? OwnerPartyId = null, Guid? ParentBodyId = null)
{
    public static BodyResponse From(Body body, DateOnly today)
    {
        var term = body.TermOn(today);
        return new(body.Id, body.Kind, BodyLabels.Kind(body.Kind), body.Name, body.ShortName, body.Rules,
            term is null ? null : new TermResponse(term.StartsOn, term.EndsOn, term.DeviationReference), body.Version,
            BodyQueries.Roster(body, today).Select(MemberResponse.Of).ToList(), body.AgreementId, body.OwnerPartyId, body.ParentBodyId);
    }
}

public sealed record ViolationResponse(string Rule, string Message);

public sealed record CompositionCheckResponse(bool Valid, DateOnly AsOf, IReadOnlyList<ViolationResponse> Violations);

public sealed record ReportResponse(Guid Id, DateOnly DueOn, DateOnly? ReceivedOn, string? Summary, bool Overdue)
{
    public static ReportResponse From(GroupReport r, DateOnly today) => new(r.Id, r.DueOn, r.ReceivedOn, r.Summary, r.IsOverdue(today));
}

public sealed record GroupResponse(Guid Id, string Name, string? Remit, string? WorkingForms, string? EstablishedBy, DateOnly? EstablishedOn, string? ClosedBy, DateOnly? ClosedOn,
    IReadOnlyList<ReportResponse> Reports)
{
    public static GroupResponse From(GroupView g, DateOnly today) => new(g.Group.Id, g.Group.Name, g.Charter?.Remit, g.Charter?.WorkingForms,
        g.Charter?.EstablishedBy, g.Charter?.EstablishedOn, g.Charter?.ClosedBy, g.Charter?.ClosedOn, g.Reports.Select(r => ReportResponse.From(r, today)).ToList());
}
