using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;

namespace Samverkan.Web.Features.Funds;

public sealed record FundSummaryResponse(Guid Id, string Name, decimal Balance, decimal Committed, decimal Uncommitted);

public sealed record FundSourceResponse(string Name, decimal Amount);

public sealed record FundValidityResponse(FundValidityKind Kind, string Explanation, bool OpenForCommitments);

/// <param name="Criteria">The fund's own criteria, in the order a preparation answers them.</param>
/// <param name="Goals">The goals the fund's definition sets out, in order (a proposal may also start from the county's shared goals).</param>
/// <param name="Version">The fund's version, to send back with a change of its definition.</param>
public sealed record FundResponse(Guid Id, string Name, DateOnly OpenedOn, Guid SupplementId, FundValidityResponse Validity, IReadOnlyList<FundSourceResponse> Sources,
    decimal Opening, decimal Balance, decimal Committed, decimal Disbursed, decimal Uncommitted, Guid AgreementId, Guid? DecidingPartyId, DateOnly? ValidUntil,
    IReadOnlyList<string> Criteria, IReadOnlyList<GoalResponse> Goals, int Version)
{
    public static FundResponse From(FundContext c, DateOnly today, FundBalances b, IReadOnlyList<CountyGoal> goals)
    {
        var v = c.ValidityOn(today, b);
        var f = c.Fund;
        return new(f.Id, f.Name, f.OpenedOn, f.SupplementId, new FundValidityResponse(v.Kind, v.Explanation, v.OpenForCommitments),
            f.Sources.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new FundSourceResponse(s.Name, s.Amount)).ToList(), b.Opening, b.Balance, b.Committed,
            b.Disbursed, b.Uncommitted, f.AgreementId, f.DecidingPartyId, f.ValidUntil, f.Criteria, goals.Select(GoalResponse.From).ToList(), f.Version);
    }
}

public sealed record LedgerLineResponse(Guid Id, int Sequence, DateOnly Date, LedgerEntryKind Kind, LedgerEntryKind Affects, decimal Amount, Guid? InitiativeId,
    string Reference, string RecordedBy, Guid? ReversesEntryId)
{
    public static LedgerLineResponse From(LedgerEntry e) =>
        new(e.Id, e.Sequence, e.Date, e.Kind, e.Affects, e.Amount, e.InitiativeId, e.Reference, e.RecordedBy, e.ReversesEntryId);
}

public sealed record InitiativeMoneyResponse(decimal Budget, decimal Committed, decimal Disbursed, decimal Returned, decimal Released, decimal Remaining);

public sealed record InitiativeSummaryResponse(Guid Id, string Title, InitiativeStatus Status, string StatusLabel, decimal Budget, decimal Committed, decimal Remaining)
{
    public static InitiativeSummaryResponse From(Initiative i, InitiativeMoney m) =>
        new(i.Id, i.Title, i.Status, Initiative.Label(i.Status), i.Budget, m.Committed, m.Remaining);
}

public sealed record StandResponse(Guid PartyId, string PartyName, string Stand, string? Note);

public sealed record ConsensusResponse(bool Granted, IReadOnlyList<string> Objecting, IReadOnlyList<string> Absent);

public sealed record InitiativeResponse(Guid Id, Guid FundId, string Title, string Purpose, decimal Budget, Guid ProposingPartyId, DateOnly StartsOn, DateOnly EndsOn,
    InitiativeStatus Status, string StatusLabel, Recommendation? Recommendation, string? Assessment, IReadOnlyList<CriterionAnswer> Criteria,
    IReadOnlyList<StandResponse> Stands, ConsensusResponse Consensus, DateOnly? PositionTakenOn, decimal? DecidedAmount, DateOnly? DecidedOn,
    string? DecisionReference, DateOnly? ClosedOn, string? FinalReport, InitiativeMoneyResponse Money, IReadOnlyList<LedgerLineResponse> Ledger,
    IReadOnlyList<Guid> GoalIds, LeverageInput PlannedLeverage, RecipientResponse? Recipient, ContactResponse Contact,
    IReadOnlyList<OutcomeReportResponse> OutcomeReports, IReadOnlyList<int> OverdueReportYears, CouncilItemResponse? Council)
{
    public static InitiativeResponse From(Initiative i, FundContext c, DateOnly today, CouncilItem? council = null)
    {
        var names = c.Agreement.Parties.ToDictionary(p => p.PartyId, p => p.Party?.Name ?? p.PartyId.ToString());
        var consensus = i.ConsensusAmong(c.PartyIds, council?.Positions);
        var stands = council is null
            ? i.Stands.Select(s => (s.PartyId, s.Position, s.Note)).ToList()
            : council.Item.Positions.Select(p => (p.PartyId, p.Position, p.Note)).ToList();
        var m = c.Fund.MoneyOf(i.Id);
        return new(i.Id, i.FundId, i.Title, i.Purpose, i.Budget, i.ProposingPartyId, i.StartsOn, i.EndsOn, i.Status, Initiative.Label(i.Status),
            i.Recommendation, i.Assessment, i.Criteria,
            stands.Select(s => new StandResponse(s.PartyId, names.GetValueOrDefault(s.PartyId, "?"), s.Position == PartyPosition.Object ? "object" : s.Position == PartyPosition.Agree ? "support" : "abstain", s.Note))
                .OrderBy(s => s.PartyName, StringComparer.Create(Domain.Common.SwedishText.Culture, false)).ToList(),
            new ConsensusResponse(consensus.Granted, consensus.Objecting.Select(p => names.GetValueOrDefault(p, "?")).ToList(),
                consensus.Absent.Select(p => names.GetValueOrDefault(p, "?")).ToList()),
            i.PositionTakenOn, i.DecidedAmount, i.DecidedOn, i.DecisionReference, i.ClosedOn, i.FinalReport,
            new InitiativeMoneyResponse(i.Budget, m.Committed, m.NetDisbursed, m.Returned, m.Released, m.Remaining),
            c.Fund.Entries.Where(e => e.InitiativeId == i.Id).OrderBy(e => e.Sequence).Select(LedgerLineResponse.From).ToList(),
            i.GoalIds, LeverageInput.From(i.PlannedLeverage),
            i.RecipientOrganisationNumber is null ? null : new RecipientResponse(i.RecipientName!, i.RecipientOrganisationNumber),
            new ContactResponse(i.ContactName, i.ContactEmail),
            i.OutcomeReports.OrderBy(r => r.Year).Select(OutcomeReportResponse.From).ToList(), i.OverdueReportYears(today),
            council is null ? null : new CouncilItemResponse(council.Meeting.Id, council.Item.Id, council.Item.Paragraph, council.Label));
    }
}

public sealed record CouncilItemResponse(Guid MeetingId, Guid MinutesItemId, int Paragraph, string Label);

/// <param name="FundId">The fund whose definition sets the goal out; null for a goal of the whole county.</param>
public sealed record GoalResponse(Guid Id, string Document, string Text, Guid? FundId = null)
{
    public static GoalResponse From(CountyGoal g) => new(g.Id, g.Document, g.Text, g.FundId);
}

public sealed record OutcomeReportResponse(Guid Id, int Year, DateOnly DueOn, DateOnly SubmittedOn, string SubmittedBy, string Progress, string Results,
    LeverageInput Obtained, decimal ObtainedTotal, string NextSteps)
{
    public static OutcomeReportResponse From(OutcomeReport r) =>
        new(r.Id, r.Year, r.DueOn, r.SubmittedOn, r.SubmittedBy, r.Progress, r.Results, LeverageInput.From(r.Obtained), r.Obtained.Total, r.NextSteps);
}

public sealed record RecipientResponse(string Name, string OrganisationNumber);

public sealed record ContactResponse(string? Name, string? Email);
