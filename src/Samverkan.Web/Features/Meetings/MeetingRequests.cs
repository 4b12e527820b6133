using Samverkan.Domain.Meetings;

namespace Samverkan.Web.Features.Meetings;

// What the meeting page's forms and the API send to MeetingPlanner and MinutesDesk: every field may be missing, the
// use case says which are required (the same Swedish message for page and API).

public sealed record MeetingRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, bool IsExtra = false);

public sealed record RescheduleRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location);

public sealed record AgendaItemRequest(string? Title, string? CaseReference, string? Presenter, string? ProposedDecision, string? Topic = null);

public sealed record ExtraMeetingRequestBody(string? Reason, Guid? MembershipId);

public sealed record ShareRequest(Guid? ForumMeetingId);

public sealed record MinutesItemRequest(string? Title, string? Discussion, string? Decision, DecisionKind? Kind, Guid? AgendaItemId = null);

public sealed record AdviceRequest(string? Advice, DecisionKind? Kind, int? Version = null);

public sealed record PositionRequest(Guid? PartyId, PartyPosition? Position, string? Note);

public sealed record AttendanceRequest(Guid? MembershipId, bool Present);

/// <summary>The minutes page's roll call: who was present (everybody else absent) and, when chosen, the checker.</summary>
public sealed record RollCallRequest(IReadOnlyCollection<Guid> Present, Guid? CheckerId);

public sealed record CheckerRequest(Guid? MembershipId);

public sealed record CorrectionRequest(string? Text);

public sealed record PartyDecisionRequest(Guid? PartyId, PartyDecisionOutcome? Outcome, DateOnly? DecidedOn, string? Reference);
