using Samverkan.Domain.Agreements;

namespace Samverkan.Web.Features.Agreements;

// What the API takes and the agreement pages build from their forms: one input per use case of AgreementDesk. A form
// sends the version it was read at, so a change over somebody else's is refused; the API may.

public sealed record AdoptionRequest(Guid? PartyId, DateOnly? DecidedOn, string? Reference, Guid? AmendmentId = null, Guid? SupplementId = null, int? Version = null);

public sealed record AmendmentRequest(string? Title, string? Text, int? Version = null);

/// <summary>A supplement (tillägg) to the agreement, such as the one that sets up a shared fund; each council adopts it.</summary>
public sealed record SupplementRequest(string? Title, string? Description, DateOnly? ValidFrom, string? Reference = null, DateOnly? AdoptionDeadline = null, int? Version = null);

public sealed record WithdrawalRequest(Guid? PartyId, DateOnly? DecidedOn, DateOnly? EffectiveOn, string? Reference, int? Version = null);

public sealed record ReviewRequest(int? Year, DateOnly? HeldOn, string? Participants, string? WorkingForms, string? Results, string? Financing, string? Structure,
    string? Conclusion, int? Version = null);

public sealed record SignatureRequest(Guid? SignatoryId, ContractSide? Side, SignatoryCapacity? Capacity, DateOnly? SignedOn, string? Name, string? Role, int? Version = null);

public sealed record ContractTextsRequest(string? Meaning, string? Commitments, int? Version = null);

/// <summary>A draft agreement: title, text (its sections as "§ 4 Ekonomi" headings), period, case number and parties (none: every party of the county).</summary>
public sealed record AgreementDraftRequest(string? Title, string? Text, DateOnly? ValidFrom, DateOnly? ValidTo, string? CaseNumber,
    IReadOnlyList<Guid>? PartyIds = null, int? Version = null);

/// <summary>Why an adoption recorded in error is struck out.</summary>
public sealed record StrikeAdoptionRequest(string? Reason, int? Version = null);
