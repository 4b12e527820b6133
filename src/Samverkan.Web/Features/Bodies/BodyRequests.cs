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
