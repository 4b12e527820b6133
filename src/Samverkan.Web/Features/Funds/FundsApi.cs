using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Caching;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// Shared funds (issue 10). Reading is for the county's users; proposing for a party's official (or the secretariat on
/// its behalf); preparing, recording the Council's stands and position, the region's decision, payments and closing for
/// the secretariat. A decision is retried from fresh data when another movement on the same fund won the race: the
/// fund's version is the concurrency token, so the second decision is checked against the balance the first left.
/// </summary>
public static class FundsApi
{
    public static RouteGroupBuilder MapFundsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/funds", ListAsync).WithSummary("The county's funds with their balances.");
        api.MapGet("/funds/{id:guid}", GetAsync).WithSummary("A fund: validity, sources and the balances derived from its ledger.");
        api.MapGet("/funds/{id:guid}/ledger", LedgerAsync).WithSummary("The fund's ledger, optionally for one year.");
        api.MapGet("/funds/{id:guid}/initiatives", InitiativesAsync).WithSummary("The fund's initiatives.");
        api.MapPost("/funds/{id:guid}/initiatives", ProposeAsync).WithSummary("A party proposes an initiative (a draft).");
        api.MapGet("/funds/{id:guid}/reports/{year:int}", ReportAsync).WithSummary("The fund's yearly report.");
        api.MapGet("/funds/{id:guid}/reports/{year:int}/pdf", ReportPdfAsync).WithSummary("The fund's yearly report as PDF.");
        api.MapGet("/funds/{id:guid}/reports/{year:int}/xlsx", ReportXlsxAsync).WithSummary("The fund's yearly report as XLSX.");
        api.MapGet("/initiatives/{id:guid}", GetInitiativeAsync).WithSummary("An initiative with its state, stands and money.");
        api.MapPost("/initiatives/{id:guid}/submit", SubmitAsync).WithSummary("Submits a draft.");
        api.MapPost("/initiatives/{id:guid}/preparation", PrepareAsync).WithSummary("VRAU's recommendation with the criteria answered.");
        api.MapPost("/initiatives/{id:guid}/stands", StandAsync).WithSummary("A party's stand at the Council (support or object).");
        api.MapPost("/initiatives/{id:guid}/position", PositionAsync).WithSummary("The Council's position: granted only when every party supports.");
        api.MapPost("/initiatives/{id:guid}/decision", DecideAsync).WithSummary("The region's decision: a commitment in the ledger.");
        api.MapPost("/initiatives/{id:guid}/disbursements", DisburseAsync).WithSummary("A payment against the commitment.");
        api.MapPost("/initiatives/{id:guid}/close", CloseAsync).WithSummary("Closes with a final report; unused money back to the fund.");
        api.MapPost("/initiatives/{id:guid}/council-item", LinkCouncilAsync)
            .WithSummary("Takes the prepared initiative up under a recommendation in the Council's minutes; its stands are then the paragraph's positions.");
        api.MapPost("/initiatives/{id:guid}/outcome-reports", ReportOutcomeAsync).WithSummary("VRAG's yearly outcome report, on the Council's behalf.");
        api.MapGet("/counties/{countyCode}/goals", GoalsAsync).WithSummary("The county's own goals an initiative may start from.");
        api.MapPost("/funds/{id:guid}/corrections", CorrectAsync).WithSummary("Reverses a ledger entry by a new one, dated in an open year.");
        api.MapPost("/funds/{id:guid}/years/{year:int}/close", CloseYearAsync).WithSummary("Closes a year: its report is fixed from then on.");
        return api;
    }

    private static async Task<Ok<List<FundSummaryResponse>>> ListAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var funds = await db.Funds.AsNoTracking().Where(f => f.CountyId == county.Id).ToListAsync(cancellationToken);
        var balances = await FundSums.BalancesAsync(db, funds.Select(f => f.Id).ToList(), cancellationToken);
        return TypedResults.Ok(funds.OrderBy(f => f.Name).Select(f =>
        {
            var b = balances[f.Id];
            return new FundSummaryResponse(f.Id, f.Name, b.Balance, b.Committed, b.Uncommitted);
        }).ToList());
    }

    private static async Task<Ok<FundResponse>> GetAsync(Guid id, Access access, AppDbContext db, SharedReads shared, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var context = await FundQueries.LoadReadableAsync(db, access, id, cancellationToken, withLedger: false);
        return TypedResults.Ok(FundResponse.From(context, time.TodayInSweden(), (await FundSums.SharedAsync(shared, db, id, cancellationToken)).Balances));
    }

    private static async Task<Ok<List<LedgerLineResponse>>> LedgerAsync(Guid id, int? year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var context = await FundQueries.LoadReadableAsync(db, access, id, cancellationToken);
        return TypedResults.Ok(context.Fund.Entries.Where(e => year is null || e.Date.Year == year).OrderBy(e => e.Sequence)
            .Select(LedgerLineResponse.From).ToList());
    }

    private static async Task<Ok<List<InitiativeSummaryResponse>>> InitiativesAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var context = await FundQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.FundId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(initiatives.OrderBy(i => i.Title).Select(i => InitiativeSummaryResponse.From(i, context.Fund.MoneyOf(i.Id))).ToList());
    }

    private static async Task<Created<InitiativeResponse>> ProposeAsync(Guid id, ProposeInitiativeRequest request, Access access, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var context = await FundQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var partyId = request.ProposingPartyId ?? access.PartyId
            ?? throw InputValidationException.For("proposingPartyId", "Ange vilken part som föreslår satsningen.");
        access.EnsureActFor(context.Fund.CountyId, partyId);
        if (!context.PartyIds.Contains(partyId))
        {
            throw InputValidationException.For("proposingPartyId", "Parten är inte part i samverkan.");
        }

        var initiative = new Initiative(context.Fund, request.Title ?? string.Empty, request.Purpose ?? string.Empty, request.Budget ?? 0m, partyId,
            request.StartsOn ?? throw InputValidationException.For("startsOn", "Ange startdatum (ÅÅÅÅ-MM-DD)."),
            request.EndsOn ?? throw InputValidationException.For("endsOn", "Ange slutdatum (ÅÅÅÅ-MM-DD)."));
        var goals = await FundQueries.GoalsAsync(db, context.Fund.CountyId, cancellationToken);
        var errors = Proposal.Check(request.GoalIds ?? [], goals, request.PlannedLeverage, request.RecipientName, request.RecipientOrganisationNumber,
            request.ContactEmail);
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        initiative.Describe(request.GoalIds ?? [], (request.PlannedLeverage ?? new LeverageInput(0, 0, 0, 0)).ToLeverage(), request.RecipientName,
            request.RecipientOrganisationNumber, request.ContactName, request.ContactEmail);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/initiatives/{initiative.Id}", InitiativeResponse.From(initiative, context, time.TodayInSweden()));
    }

    private static async Task<Ok<InitiativeResponse>> GetInitiativeAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var initiative = await FundQueries.LoadInitiativeAsync(db, access, id, cancellationToken);
        var context = await FundQueries.LoadReadableAsync(db, access, initiative.FundId, cancellationToken);
        return TypedResults.Ok(InitiativeResponse.From(initiative, context, time.TodayInSweden(), await CouncilItem.OfAsync(db, initiative, cancellationToken)));
    }

    private static Task<Ok<InitiativeResponse>> SubmitAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, _) =>
        {
            access.EnsureActFor(i.CountyId, i.ProposingPartyId);
            i.Submit();
        }, cancellationToken);

    private static Task<Ok<InitiativeResponse>> PrepareAsync(Guid id, PreparationRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, _) =>
        {
            access.EnsureManage(i.CountyId);
            var recommendation = request.Recommendation?.ToLowerInvariant() switch
            {
                "grant" => Recommendation.Grant,
                "reject" => Recommendation.Reject,
                _ => throw InputValidationException.For("recommendation", "Ange rekommendationen: grant eller reject."),
            };
            i.Prepare(recommendation, request.Assessment ?? string.Empty,
                (request.Criteria ?? []).Select(x => new CriterionAnswer(x.Criterion ?? string.Empty, x.Met, x.Comment)));
        }, cancellationToken);

    private static Task<Ok<InitiativeResponse>> StandAsync(Guid id, StandRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, council) =>
        {
            access.EnsureManage(i.CountyId);
            var position = request.Stand?.ToLowerInvariant() switch
            {
                "support" => PartyPosition.Agree,
                "object" => PartyPosition.Object,
                _ => throw InputValidationException.For("stand", "Ange ställningstagandet: support eller object."),
            };
            var party = request.PartyId ?? throw InputValidationException.For("partyId", "Ange parten.");
            if (council is null)
            {
                i.RecordStand(party, position, request.Note, c.PartyIds);
                return;
            }

            // Taken up in the Council's minutes: the stand is the paragraph's position, recorded in the minutes.
            if (!c.PartyIds.Contains(party))
            {
                throw new DomainRuleException("StandParty", "Den angivna parten är inte part i samverkan.");
            }

            if (i.Status != InitiativeStatus.Prepared)
            {
                throw new DomainRuleException("StandPrepared", "Parternas ställningstaganden antecknas när satsningen är beredd.", RuleSeverity.Conflict);
            }

            council.Minutes.RecordPosition(council.Item.Id, party, position, request.Note);
        }, cancellationToken);

    private static Task<Ok<InitiativeResponse>> PositionAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, council) =>
        {
            access.EnsureManage(i.CountyId);
            i.TakePosition(c.PartyIds, time.TodayInSweden(), council?.Positions);
        }, cancellationToken);

    private static Task<Ok<InitiativeResponse>> DecideAsync(Guid id, DecisionRequest request, Access access, AppDbContext db, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, _) =>
        {
            access.EnsureManage(i.CountyId);
            i.Decide(c.Fund, request.Amount ?? throw InputValidationException.For("amount", "Ange beloppet."), request.Reference ?? string.Empty,
                request.DecidedOn ?? time.TodayInSweden(), FundQueries.Who(http), c.ValidityOn(time.TodayInSweden()));
        }, cancellationToken);

    private static Task<Ok<InitiativeResponse>> DisburseAsync(Guid id, DisbursementRequest request, Access access, AppDbContext db, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, _) =>
        {
            access.EnsureManage(i.CountyId);
            i.Disburse(c.Fund, request.Amount ?? throw InputValidationException.For("amount", "Ange beloppet."), request.PaidOn ?? time.TodayInSweden(),
                string.IsNullOrWhiteSpace(request.Reference) ? "Utbetalning" : request.Reference, FundQueries.Who(http));
        }, cancellationToken);

    private static Task<Ok<InitiativeResponse>> CloseAsync(Guid id, CloseRequest request, Access access, AppDbContext db, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken) =>
        ChangeAsync(id, access, db, time, (i, c, _) =>
        {
            access.EnsureManage(i.CountyId);
            i.Close(c.Fund, request.ClosedOn ?? time.TodayInSweden(), request.FinalReport ?? string.Empty, request.Returned ?? 0m,
                string.IsNullOrWhiteSpace(request.Reference) ? "Avslut" : request.Reference, FundQueries.Who(http));
        }, cancellationToken);

    private static async Task<Ok<FundReportResponse>> ReportAsync(Guid id, int year, Access access, AppDbContext db, SharedReads shared,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await FundReport.ReadableAsync(db, shared, access, id, year, cancellationToken));

    private static async Task<FileContentHttpResult> ReportPdfAsync(Guid id, int year, Access access, AppDbContext db, SharedReads shared,
        CancellationToken cancellationToken)
    {
        var report = await FundReport.ReadableAsync(db, shared, access, id, year, cancellationToken);
        return TypedResults.File(FundReportDocuments.Pdf(report), "application/pdf", FundReportDocuments.FileName(report, "pdf"));
    }

    private static async Task<FileContentHttpResult> ReportXlsxAsync(Guid id, int year, Access access, AppDbContext db, SharedReads shared,
        CancellationToken cancellationToken)
    {
        var report = await FundReport.ReadableAsync(db, shared, access, id, year, cancellationToken);
        return TypedResults.File(FundReportDocuments.Xlsx(report), FundReportDocuments.XlsxType, FundReportDocuments.FileName(report, "xlsx"));
    }

    private static async Task<Created<OutcomeReportResponse>> ReportOutcomeAsync(Guid id, OutcomeReportRequest request, Access access, AppDbContext db,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var initiative = await FundQueries.LoadInitiativeAsync(db, access, id, cancellationToken, tracking: true);
        access.EnsureManage(initiative.CountyId);
        var year = request.Year ?? throw InputValidationException.For("year", "Ange vilket år återrapporten gäller.");
        var obtained = request.Obtained ?? new LeverageInput(0, 0, 0, 0);
        if (new[] { obtained.Business, obtained.State, obtained.Eu, obtained.Other }.Any(a => a is < 0))
        {
            throw InputValidationException.For("obtained", "Beloppen anges i kronor, noll eller mer.");
        }

        var report = initiative.ReportOutcome(year, request.Progress ?? string.Empty, request.Results ?? string.Empty, obtained.ToLeverage(),
            request.NextSteps ?? string.Empty, time.TodayInSweden(), FundQueries.Who(http));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/initiatives/{id}", OutcomeReportResponse.From(report));
    }

    private static async Task<Ok<List<GoalResponse>>> GoalsAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        return TypedResults.Ok((await FundQueries.GoalsAsync(db, county.Id, cancellationToken)).Select(g => new GoalResponse(g.Id, g.Document, g.Text)).ToList());
    }

    private static async Task<Ok<LedgerLineResponse>> CorrectAsync(Guid id, CorrectionRequest request, Access access, AppDbContext db, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken) =>
        await ConflictRetry.RunAsync(db, async () =>
        {
            var context = await FundQueries.LoadReadableAsync(db, access, id, cancellationToken, tracking: true);
            access.EnsureManage(context.Fund.CountyId);
            var entry = context.Fund.Correct(request.EntryId ?? throw InputValidationException.For("entryId", "Ange posten som ska rättas."),
                request.Date ?? time.TodayInSweden(), request.Reason ?? string.Empty, FundQueries.Who(http));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(LedgerLineResponse.From(entry));
        }, cancellationToken);

    private static async Task<Ok<FundReportResponse>> CloseYearAsync(Guid id, int year, Access access, AppDbContext db, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken) =>
        await ConflictRetry.RunAsync(db, async () =>
        {
            var context = await FundQueries.LoadReadableAsync(db, access, id, cancellationToken, tracking: true);
            access.EnsureManage(context.Fund.CountyId);
            context.Fund.CloseYear(year, time.TodayInSweden(), FundQueries.Who(http));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(await FundReport.ForAsync(db, context.Fund.Id, year, cancellationToken));
        }, cancellationToken);

    /// <summary>Loads the initiative and its fund tracked, applies the change and saves; a lost race on the fund is retried.</summary>
    private static async Task<Ok<InitiativeResponse>> ChangeAsync(Guid id, Access access, AppDbContext db, TimeProvider time,
        Action<Initiative, FundContext, CouncilItem?> change, CancellationToken cancellationToken) =>
        await ConflictRetry.RunAsync(db, async () =>
        {
            var initiative = await FundQueries.LoadInitiativeAsync(db, access, id, cancellationToken, tracking: true);
            var context = await FundQueries.LoadReadableAsync(db, access, initiative.FundId, cancellationToken, tracking: true);
            var council = await CouncilItem.OfAsync(db, initiative, cancellationToken, tracking: true);
            change(initiative, context, council);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(InitiativeResponse.From(initiative, context, time.TodayInSweden(), council));
        }, cancellationToken);

    private static async Task<Ok<InitiativeResponse>> LinkCouncilAsync(Guid id, CouncilItemRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var initiative = await FundQueries.LoadInitiativeAsync(db, access, id, cancellationToken, tracking: true);
        access.EnsureManage(initiative.CountyId);
        await CouncilItem.LinkAsync(db, access, initiative, request.MinutesItemId ?? throw InputValidationException.For("minutesItemId", "Ange paragrafen."),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var context = await FundQueries.LoadReadableAsync(db, access, initiative.FundId, cancellationToken);
        return TypedResults.Ok(InitiativeResponse.From(initiative, context, time.TodayInSweden(), await CouncilItem.OfAsync(db, initiative, cancellationToken)));
    }
}

public sealed record FundSummaryResponse(Guid Id, string Name, decimal Balance, decimal Committed, decimal Uncommitted);

public sealed record FundSourceResponse(string Name, decimal Amount);

public sealed record FundValidityResponse(FundValidityKind Kind, string Explanation, bool OpenForCommitments);

public sealed record FundResponse(Guid Id, string Name, DateOnly OpenedOn, Guid SupplementId, FundValidityResponse Validity, IReadOnlyList<FundSourceResponse> Sources,
    decimal Opening, decimal Balance, decimal Committed, decimal Disbursed, decimal Uncommitted)
{
    public static FundResponse From(FundContext c, DateOnly today, FundBalances b)
    {
        var v = c.ValidityOn(today, b);
        return new(c.Fund.Id, c.Fund.Name, c.Fund.OpenedOn, c.Fund.SupplementId, new FundValidityResponse(v.Kind, v.Explanation, v.OpenForCommitments),
            c.Fund.Sources.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new FundSourceResponse(s.Name, s.Amount)).ToList(), b.Opening, b.Balance, b.Committed, b.Disbursed, b.Uncommitted);
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

public sealed record ProposeInitiativeRequest(string? Title, string? Purpose, decimal? Budget, Guid? ProposingPartyId, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<Guid>? GoalIds = null, LeverageInput? PlannedLeverage = null, string? RecipientName = null, string? RecipientOrganisationNumber = null,
    string? ContactName = null, string? ContactEmail = null);

public sealed record OutcomeReportRequest(int? Year, string? Progress, string? Results, LeverageInput? Obtained, string? NextSteps);

public sealed record CouncilItemRequest(Guid? MinutesItemId);

public sealed record CouncilItemResponse(Guid MeetingId, Guid MinutesItemId, int Paragraph, string Label);

public sealed record CorrectionRequest(Guid? EntryId, DateOnly? Date, string? Reason);

public sealed record GoalResponse(Guid Id, string Document, string Text);

public sealed record OutcomeReportResponse(Guid Id, int Year, DateOnly DueOn, DateOnly SubmittedOn, string SubmittedBy, string Progress, string Results,
    LeverageInput Obtained, decimal ObtainedTotal, string NextSteps)
{
    public static OutcomeReportResponse From(OutcomeReport r) =>
        new(r.Id, r.Year, r.DueOn, r.SubmittedOn, r.SubmittedBy, r.Progress, r.Results, LeverageInput.From(r.Obtained), r.Obtained.Total, r.NextSteps);
}

public sealed record RecipientResponse(string Name, string OrganisationNumber);

public sealed record ContactResponse(string? Name, string? Email);

public sealed record CriterionRequest(string? Criterion, bool Met, string? Comment);

public sealed record PreparationRequest(string? Recommendation, string? Assessment, IReadOnlyList<CriterionRequest>? Criteria);

public sealed record StandRequest(Guid? PartyId, string? Stand, string? Note = null);

public sealed record DecisionRequest(decimal? Amount, string? Reference, DateOnly? DecidedOn);

public sealed record DisbursementRequest(decimal? Amount, DateOnly? PaidOn, string? Reference = null);

public sealed record CloseRequest(string? FinalReport, decimal? Returned, DateOnly? ClosedOn, string? Reference = null);
