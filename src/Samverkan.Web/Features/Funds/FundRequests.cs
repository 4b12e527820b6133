namespace Samverkan.Web.Features.Funds;

// What the API takes and the fund pages build from their forms: one input per use case of FundDesk, every field
// optional so that a missing one is answered with its own Swedish message.

public sealed record ProposeInitiativeRequest(string? Title, string? Purpose, decimal? Budget, Guid? ProposingPartyId, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<Guid>? GoalIds = null, LeverageInput? PlannedLeverage = null, string? RecipientName = null, string? RecipientOrganisationNumber = null,
    string? ContactName = null, string? ContactEmail = null);

public sealed record OutcomeReportRequest(int? Year, string? Progress, string? Results, LeverageInput? Obtained, string? NextSteps);

public sealed record CouncilItemRequest(Guid? MinutesItemId);

public sealed record CorrectionRequest(Guid? EntryId, DateOnly? Date, string? Reason);

public sealed record CriterionRequest(string? Criterion, bool Met, string? Comment);

public sealed record PreparationRequest(string? Recommendation, string? Assessment, IReadOnlyList<CriterionRequest>? Criteria);

public sealed record StandRequest(Guid? PartyId, string? Stand, string? Note = null);

public sealed record DecisionRequest(decimal? Amount, string? Reference, DateOnly? DecidedOn);

public sealed record DisbursementRequest(decimal? Amount, DateOnly? PaidOn, string? Reference = null);

public sealed record CloseRequest(string? FinalReport, decimal? Returned, DateOnly? ClosedOn, string? Reference = null);

public sealed record FundSourceInput(string? Name, decimal? Amount);

public sealed record FundGoalInput(string? Document, string? Text);

/// <summary>
/// A fund's definition, to create it or to change it. <see cref="Version"/> is the fund's version as the form or client
/// read it (a change made from an older reading is refused); none means the latest. The supplement cannot be changed.
/// </summary>
public sealed record FundRequest(Guid? SupplementId, string? Name, DateOnly? OpenedOn, IReadOnlyList<FundSourceInput>? Sources, Guid? DecidingPartyId,
    DateOnly? ValidUntil, IReadOnlyList<string>? Criteria, IReadOnlyList<FundGoalInput>? Goals = null, int? Version = null);
