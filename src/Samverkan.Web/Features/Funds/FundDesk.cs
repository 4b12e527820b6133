using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>An initiative as a change left it: with its fund and the Council's paragraph it is taken up under, if any.</summary>
public sealed record InitiativeState(Initiative Initiative, FundContext Context, CouncilItem? Council);

/// <summary>
/// Every change of a fund and its initiatives, for the pages and the API alike: each use case loads what it changes
/// tracked, checks access through <see cref="Access"/>, checks the input (the same Swedish messages on both), calls the
/// domain and saves. A change is retried from fresh data when another movement on the same fund won the race
/// (<see cref="ConflictRetry"/>): the fund's version is the concurrency token, so a second decision is checked against
/// the balance the first left.
/// </summary>
public sealed partial class FundDesk(AppDbContext db, Access access, TimeProvider time)
{
    private DateOnly Today => time.TodayInSweden();

    /// <summary>A party proposes an initiative (a draft): a party's official for their own party, or the secretariat on its behalf.</summary>
    public async Task<(Initiative Initiative, FundContext Context)> ProposeAsync(Guid fundId, ProposeInitiativeRequest request, CancellationToken cancellationToken,
        Guid? countyId = null)
    {
        var context = await LoadFundAsync(fundId, countyId, tracking: false, withLedger: false, cancellationToken);
        var partyId = request.ProposingPartyId ?? access.PartyId;
        if (partyId is { } acting)
        {
            access.EnsureActFor(context.Fund.CountyId, acting);
        }

        var input = new InputCheck();
        if (partyId is null)
        {
            input.Add("proposingPartyId", "Ange vilken part som föreslår satsningen.");
        }
        else if (!context.PartyIds.Contains(partyId.Value))
        {
            input.Add("proposingPartyId", "Parten är inte part i samverkan.");
        }

        var startsOn = input.Required(request.StartsOn, "startsOn", "Ange startdatum (ÅÅÅÅ-MM-DD).");
        var endsOn = input.Required(request.EndsOn, "endsOn", "Ange slutdatum (ÅÅÅÅ-MM-DD).");
        var goals = await FundQueries.GoalsAsync(db, context.Fund.CountyId, cancellationToken, context.Fund.Id);
        foreach (var (field, messages) in Proposal.Check(request.GoalIds ?? [], goals, request.PlannedLeverage, request.RecipientName,
            request.RecipientOrganisationNumber, request.ContactEmail))
        {
            Array.ForEach(messages, m => input.Add(field, m));
        }

        input.ThrowIfAny();
        var initiative = new Initiative(context.Fund, request.Title ?? string.Empty, request.Purpose ?? string.Empty, request.Budget ?? 0m, partyId!.Value,
            startsOn!.Value, endsOn!.Value);
        initiative.Describe(request.GoalIds ?? [], (request.PlannedLeverage ?? new LeverageInput(0, 0, 0, 0)).ToLeverage(), request.RecipientName,
            request.RecipientOrganisationNumber, request.ContactName, request.ContactEmail);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(cancellationToken);
        return (initiative, context);
    }

    /// <summary>Submits a draft: the proposing party's official, or the secretariat.</summary>
    public Task<InitiativeState> SubmitAsync(Guid initiativeId, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: false, s =>
        {
            access.EnsureActFor(s.Initiative.CountyId, s.Initiative.ProposingPartyId);
            s.Initiative.Submit();
        }, cancellationToken);

    /// <summary>VRAU's recommendation, with VRAG's support, and the fund's own criteria answered one by one, in the fund's order.</summary>
    public Task<InitiativeState> PrepareAsync(Guid initiativeId, PreparationRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s =>
        {
            var recommendation = request.Recommendation?.ToLowerInvariant() switch
            {
                "grant" => Recommendation.Grant,
                "reject" => Recommendation.Reject,
                _ => throw InputValidationException.For("recommendation", "Ange rekommendationen: grant eller reject."),
            };
            s.Initiative.Prepare(s.Context.Fund, recommendation, request.Assessment ?? string.Empty,
                (request.Criteria ?? []).Select(x => new CriterionAnswer(x.Criterion ?? string.Empty, x.Met, x.Comment)));
        }, cancellationToken);

    /// <summary>One party's stand at the Council (support or object).</summary>
    public Task<InitiativeState> RecordStandAsync(Guid initiativeId, StandRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s =>
        {
            var input = new InputCheck();
            var position = input.Required(Stand(request.Stand), "stand", "Ange ställningstagandet: support eller object.");
            var party = input.Required(request.PartyId, "partyId", "Ange parten.");
            input.ThrowIfAny();
            RecordStand(s, party!.Value, position!.Value, request.Note);
        }, cancellationToken);

    /// <summary>
    /// Every party's stand at once, as read from the Council's minutes (support, object, or nothing for absent), and
    /// the Council's position when <paramref name="takePosition"/>: the initiative page's one form.
    /// </summary>
    public Task<InitiativeState> RecordStandsAsync(Guid initiativeId, IReadOnlyDictionary<Guid, string> stands, bool takePosition, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s =>
        {
            foreach (var (party, value) in stands)
            {
                if (Stand(value) is { } position)
                {
                    RecordStand(s, party, position, null);
                }
            }

            if (takePosition)
            {
                s.Initiative.TakePosition(s.Context.PartyIds, Today, s.Council?.Positions);
            }
        }, cancellationToken);

    /// <summary>The Council's position: granted only when every party supports.</summary>
    public Task<InitiativeState> TakePositionAsync(Guid initiativeId, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s => s.Initiative.TakePosition(s.Context.PartyIds, Today, s.Council?.Positions), cancellationToken);

    /// <summary>Takes the prepared initiative up under a recommendation in the Council's minutes; its stands are then the paragraph's positions.</summary>
    public async Task<InitiativeState> LinkCouncilAsync(Guid initiativeId, CouncilItemRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var state = await ChangeAsync(initiativeId, countyId, manage: true, async s =>
        {
            var itemId = request.MinutesItemId ?? throw InputValidationException.For("minutesItemId", "Ange paragrafen.");
            await CouncilItem.LinkAsync(db, access, s.Initiative, itemId, cancellationToken);
        }, cancellationToken);
        return state with { Council = await CouncilItem.OfAsync(db, state.Initiative, cancellationToken) };
    }

    /// <summary>The region's decision: a commitment in the ledger.</summary>
    public Task<InitiativeState> DecideAsync(Guid initiativeId, DecisionRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s =>
        {
            var amount = request.Amount ?? throw InputValidationException.For("amount", "Ange beloppet.");
            s.Initiative.Decide(s.Context.Fund, amount, request.Reference ?? string.Empty, request.DecidedOn ?? Today, access.DisplayName, s.Context.ValidityOn(Today));
        }, cancellationToken);

    /// <summary>A payment against the commitment.</summary>
    public Task<InitiativeState> DisburseAsync(Guid initiativeId, DisbursementRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s =>
        {
            var amount = request.Amount ?? throw InputValidationException.For("amount", "Ange beloppet.");
            s.Initiative.Disburse(s.Context.Fund, amount, request.PaidOn ?? Today, string.IsNullOrWhiteSpace(request.Reference) ? "Utbetalning" : request.Reference,
                access.DisplayName);
        }, cancellationToken);

    /// <summary>Closes with a final report; what the recipient paid back and what remains of the commitment go back to the fund.</summary>
    public Task<InitiativeState> CloseAsync(Guid initiativeId, CloseRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(initiativeId, countyId, manage: true, s =>
            s.Initiative.Close(s.Context.Fund, request.ClosedOn ?? Today, request.FinalReport ?? string.Empty, request.Returned ?? 0m,
                string.IsNullOrWhiteSpace(request.Reference) ? "Avslut" : request.Reference, access.DisplayName), cancellationToken);

    /// <summary>VRAG's yearly outcome report, on the Council's behalf.</summary>
    public async Task<OutcomeReport> ReportOutcomeAsync(Guid initiativeId, OutcomeReportRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        OutcomeReport? report = null;
        await ChangeAsync(initiativeId, countyId, manage: true, s =>
        {
            var input = new InputCheck();
            var year = input.Required(request.Year, "year", "Ange vilket år återrapporten gäller.");
            var obtained = request.Obtained ?? new LeverageInput(0, 0, 0, 0);
            if (new[] { obtained.Business, obtained.State, obtained.Eu, obtained.Other }.Any(a => a is < 0))
            {
                input.Add("obtained", "Beloppen anges i kronor, noll eller mer.");
            }

            input.ThrowIfAny();
            report = s.Initiative.ReportOutcome(year!.Value, request.Progress ?? string.Empty, request.Results ?? string.Empty, obtained.ToLeverage(),
                request.NextSteps ?? string.Empty, Today, access.DisplayName);
        }, cancellationToken);
        return report!;
    }

    /// <summary>Reverses a ledger entry by a new one, dated in an open year.</summary>
    public Task<LedgerEntry> CorrectAsync(Guid fundId, CorrectionRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var context = await LoadFundAsync(fundId, countyId, tracking: true, withLedger: true, cancellationToken);
            access.EnsureManage(context.Fund.CountyId);
            var entryId = request.EntryId ?? throw InputValidationException.For("entryId", "Ange posten som ska rättas.");
            var entry = context.Fund.Correct(entryId, request.Date ?? Today, request.Reason ?? string.Empty, access.DisplayName);
            await db.SaveChangesAsync(cancellationToken);
            return entry;
        }, cancellationToken);

    /// <summary>Closes a year: its report is fixed from then on.</summary>
    public Task<Fund> CloseYearAsync(Guid fundId, int year, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var context = await LoadFundAsync(fundId, countyId, tracking: true, withLedger: false, cancellationToken);
            access.EnsureManage(context.Fund.CountyId);
            context.Fund.CloseYear(year, Today, access.DisplayName);
            await db.SaveChangesAsync(cancellationToken);
            return context.Fund;
        }, cancellationToken);

    private static PartyPosition? Stand(string? value) => value?.ToLowerInvariant() switch
    {
        "support" => PartyPosition.Agree,
        "object" => PartyPosition.Object,
        _ => null,
    };

    /// <summary>A stand on the initiative itself, or, once it is taken up in the Council's minutes, the paragraph's position there.</summary>
    private static void RecordStand(InitiativeState s, Guid party, PartyPosition position, string? note)
    {
        if (s.Council is not { } council)
        {
            s.Initiative.RecordStand(party, position, note, s.Context.PartyIds);
            return;
        }

        if (!s.Context.PartyIds.Contains(party))
        {
            throw new DomainRuleException("StandParty", "Den angivna parten är inte part i samverkan.");
        }

        if (s.Initiative.Status != InitiativeStatus.Prepared)
        {
            throw new DomainRuleException("StandPrepared", "Parternas ställningstaganden antecknas när satsningen är beredd.", RuleSeverity.Conflict);
        }

        council.Minutes.RecordPosition(council.Item.Id, party, position, note);
    }

    private async Task<FundContext> LoadFundAsync(Guid fundId, Guid? countyId, bool tracking, bool withLedger, CancellationToken cancellationToken)
    {
        var context = await FundQueries.LoadReadableAsync(db, access, fundId, cancellationToken, tracking, withLedger);
        if (countyId is { } county && context.Fund.CountyId != county)
        {
            throw new NotFoundException("Fonden finns inte i länet.");
        }

        return context;
    }

    private Task<InitiativeState> ChangeAsync(Guid initiativeId, Guid? countyId, bool manage, Action<InitiativeState> change, CancellationToken cancellationToken) =>
        ChangeAsync(initiativeId, countyId, manage, s =>
        {
            change(s);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Loads the initiative, its fund with the ledger and its Council paragraph tracked, applies the change and saves; a lost race is retried.</summary>
    private Task<InitiativeState> ChangeAsync(Guid initiativeId, Guid? countyId, bool manage, Func<InitiativeState, Task> change, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var initiative = await FundQueries.LoadInitiativeAsync(db, access, initiativeId, cancellationToken, tracking: true);
            if (countyId is { } county && initiative.CountyId != county)
            {
                throw new NotFoundException("Satsningen finns inte i länet.");
            }

            if (manage)
            {
                access.EnsureManage(initiative.CountyId);
            }

            var context = await FundQueries.LoadReadableAsync(db, access, initiative.FundId, cancellationToken, tracking: true);
            var state = new InitiativeState(initiative, context, await CouncilItem.OfAsync(db, initiative, cancellationToken, tracking: true));
            await change(state);
            await db.SaveChangesAsync(cancellationToken);
            return state;
        }, cancellationToken);
}
