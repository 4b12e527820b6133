using Samverkan.Domain.Cases;

namespace Samverkan.Web.Features.Cases;

// What the API takes and the case page builds from its forms: one input per use case of CaseDesk.

/// <summary>A case to register; <c>AgreementId</c> names the county's agreement a case of kind Agreement adopts (its council step is then the adoption).</summary>
public sealed record CaseRequest(string? Series, string? Title, CaseKind? Kind, Guid? ResponsibleBodyId = null, string? ResponsibleOfficer = null, Guid? RelatedCaseId = null,
    DateOnly? RegisteredOn = null, Guid? AgreementId = null);

public sealed record SeriesRequest(string? Code, string? Name, bool? ForReferrals);

public sealed record SeriesResponse(Guid Id, string Code, string Name, bool ForReferrals);

public sealed record StepRequest(Guid? BodyId, bool? EveryPartyCouncil, StepRole? Role, DateOnly? DueOn, int? Order = null, bool? MunicipalitiesOnly = null);

public sealed record OutcomeRequest(StepOutcome? Outcome, DateOnly? DecidedOn, string? Reference, Guid? PartyId);

public sealed record AgendaRequest(Guid? MeetingId, Guid? AgendaItemId);

public sealed record FlowRequest(Guid? TemplateId);

public sealed record DocumentRequest(DocumentDirection? Direction, string? Counterpart, DateOnly? Date, string? Title, bool? IsPublic, string? SecrecyReference);

public sealed record CloseCaseRequest(string? DecisionText, string? Reference, DateOnly? DecidedOn);

public sealed record WithdrawRequest(string? Reason);

public sealed record TemplateStepRequest(Guid? BodyId, bool? EveryPartyCouncil, StepRole? Role, int? DueAfterDays, bool? MunicipalitiesOnly = null);

public sealed record TemplateRequest(string? Name, IReadOnlyList<TemplateStepRequest>? Steps);

public sealed record ReferralRequest(string? Title, string? Issuer, string? IssuerReference, DateOnly? ReceivedOn, DateOnly? ReplyBy, Guid? DrafterPersonId,
    string? Series = null, Guid? ResponsibleBodyId = null);

public sealed record ReplyRequest(DateOnly? SentOn, string? Title, string? Receiver);
