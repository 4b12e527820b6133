using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;

namespace Samverkan.Web.Features.Agreements;

public sealed record AdoptionResponse(Guid Id, Guid PartyId, Guid? AmendmentId, DateOnly DecidedOn, string Reference, Guid? SupplementId = null)
{
    public static AdoptionResponse From(Adoption a) => new(a.Id, a.PartyId, a.AmendmentId, a.DecidedOn, a.Reference, a.SupplementId);
}

public sealed record AgreementSummaryResponse(Guid Id, string CountyCode, string Title, string? CaseNumber, AgreementStatus Status,
    string StatusLabel, string Explanation, int AdoptedCount, int PartyCount, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public static AgreementSummaryResponse From(Agreement a, County county, DateOnly today)
    {
        var state = a.StateOn(today);
        return new(a.Id, county.Code, a.Title, a.CaseNumber, state.Status, state.StatusLabel, state.Explanation,
            state.AdoptedCount, state.PartyCount, a.ValidFrom, a.ValidTo);
    }
}

public sealed record AgreementPartyResponse(Guid PartyId, string Name, PartyKind Kind, string Council, AdoptionResponse? Adoption, WithdrawalResponse? Withdrawal);

public sealed record AmendmentResponse(Guid Id, string Title, DateOnly ProposedOn, AmendmentStatus Status, int AdoptedCount);

public sealed record WithdrawalResponse(Guid PartyId, DateOnly DecidedOn, DateOnly EffectiveOn, string Reference);

public sealed record SupplementResponse(Guid Id, string Title, string Description, DateOnly ValidFrom, string? Reference,
    AgreementStatus Status = AgreementStatus.Draft, string Explanation = "", int AdoptedCount = 0, DateOnly? AdoptionDeadline = null);

public sealed record AgreementResponse(Guid Id, string CountyCode, string Title, string? CaseNumber, AgreementStatus Status, string StatusLabel,
    string Explanation, int AdoptedCount, int PartyCount, DateOnly ValidFrom, DateOnly? ValidTo, string ApplicableText, int Version,
    IReadOnlyList<AgreementPartyResponse> Parties, IReadOnlyList<AmendmentResponse> Amendments, IReadOnlyList<SupplementResponse> Supplements,
    bool EditableDraft = false, string Text = "", IReadOnlyList<StruckAdoptionResponse>? StruckAdoptions = null)
{
    public static AgreementResponse From(Agreement a, County county, DateOnly today)
    {
        var state = a.StateOn(today);
        return new(a.Id, county.Code, a.Title, a.CaseNumber, state.Status, state.StatusLabel, state.Explanation, state.AdoptedCount,
            state.PartyCount, a.ValidFrom, a.ValidTo, a.ApplicableText(today), a.Version,
            AgreementQueries.AdoptionMatrix(a).Select(r => new AgreementPartyResponse(r.Party.Id, r.Party.Name, r.Party.Kind, r.Council,
                r.Adoption is null ? null : AdoptionResponse.From(r.Adoption),
                r.Withdrawal is null ? null : new WithdrawalResponse(r.Withdrawal.PartyId, r.Withdrawal.DecidedOn, r.Withdrawal.EffectiveOn, r.Withdrawal.Reference))).ToList(),
            a.Amendments.OrderBy(m => m.ProposedOn).Select(m => new AmendmentResponse(m.Id, m.Title, m.ProposedOn, a.AmendmentStatusOf(m),
                a.Adoptions.Count(x => x.AmendmentId == m.Id))).ToList(),
            a.Supplements.OrderBy(s => s.ValidFrom).Select(s =>
            {
                var st = a.SupplementStateOn(s, today);
                return new SupplementResponse(s.Id, s.Title, s.Description, s.ValidFrom, s.Reference, st.Status, st.Explanation, st.AdoptedCount, s.AdoptionDeadline);
            }).ToList(),
            a.IsEditableDraft, a.Text,
            a.StruckAdoptions.OrderBy(s => s.StruckOn).Select(s => new StruckAdoptionResponse(s.PartyId, s.DecidedOn, s.Reference, s.Reason, s.StruckOn, s.StruckBy)).ToList());
    }
}

public sealed record StruckAdoptionResponse(Guid PartyId, DateOnly DecidedOn, string Reference, string Reason, DateOnly StruckOn, string StruckBy);

public sealed record ReviewResponse(Guid Id, int Year, DateOnly DueOn, ReviewStatus Status, string StatusLabel, DateOnly? HeldOn, string? Participants,
    string? WorkingForms, string? Results, string? Financing, string? Structure, string? Conclusion, DateOnly? ReminderSentOn)
{
    public static ReviewResponse From(RelevanceReview r, DateOnly today)
    {
        var status = r.StatusOn(today);
        return new(r.Id, r.Year, r.DueOn, status, ReviewLabels.Status(status), r.HeldOn, r.Participants, r.WorkingForms, r.Results, r.Financing,
            r.Structure, r.Conclusion, r.ReminderSentOn);
    }
}

public sealed record SignatureResponse(Guid SignatoryId, string Name, string Role, ContractSide Side, SignatoryCapacity Capacity, DateOnly? SignedOn);

public sealed record ContractResponse(Guid Id, Guid AgreementId, Guid PartyId, string PartyName, ContractStatus Status, string StatusLabel,
    IReadOnlyList<SignatureResponse> Signatures, int RequiredSignatures, IReadOnlyList<SignatureResponse> Signatories, string Meaning, string Commitments,
    string? DocumentFileName, int Version)
{
    public static ContractResponse From(PartyContract c, IReadOnlyCollection<Party> parties)
    {
        var all = c.Signatories.OrderBy(s => s.Side).ThenBy(s => s.Capacity)
            .Select(s => new SignatureResponse(s.Id, s.Name, s.Role, s.Side, s.Capacity, s.SignedOn)).ToList();
        return new(c.Id, c.AgreementId, c.PartyId, parties.FirstOrDefault(p => p.Id == c.PartyId)?.Name ?? string.Empty, c.Status,
            ContractLabels.Status(c.Status), all.Where(s => s.SignedOn is not null).ToList(), c.RequiredSignatures, all, c.Meaning, c.Commitments,
            c.DocumentFileName, c.Version);
    }
}
