using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Caching;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// Shared funds (issue 10). Reading is for the county's users; proposing for a party's official (or the secretariat on
/// its behalf); preparing, recording the Council's stands and position, the region's decision, payments and closing for
/// the secretariat. Every change goes through <see cref="FundDesk"/>, the same use cases the fund pages call.
/// </summary>
public static class FundsApi
{
    public static RouteGroupBuilder MapFundsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/funds", ListAsync).WithSummary("The county's funds with their balances.");
        api.MapGet("/funds/{id:guid}", GetAsync).WithSummary("A fund: validity, sources, its own criteria and goals, and the balances derived from its ledger.");
        api.MapPost("/counties/{countyCode}/funds", CreateAsync).WithSummary("The secretariat sets up a fund under a supplement to the county's agreement.");
        api.MapPut("/funds/{id:guid}", UpdateAsync)
            .WithSummary("The secretariat changes the fund's definition; the opening only while nothing else is booked, a goal in use never removed.");
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
        return TypedResults.Ok(FundResponse.From(context, time.TodayInSweden(), (await FundSums.SharedAsync(shared, db, id, cancellationToken)).Balances,
            await FundQueries.FundGoalsAsync(db, id, cancellationToken)));
    }

    private static async Task<Created<FundResponse>> CreateAsync(string countyCode, FundRequest request, FundDesk desk, AppDbContext db, Access access,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var created = await desk.CreateFundAsync(countyCode, request, cancellationToken);
        return TypedResults.Created($"/api/v1/funds/{created.Fund.Id}", await DefinedAsync(created, db, access, time, cancellationToken));
    }

    private static async Task<Ok<FundResponse>> UpdateAsync(Guid id, FundRequest request, FundDesk desk, AppDbContext db, Access access, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await DefinedAsync(await desk.UpdateFundAsync(id, request, cancellationToken), db, access, time, cancellationToken));

    private static async Task<FundResponse> DefinedAsync(FundDefinition defined, AppDbContext db, Access access, TimeProvider time, CancellationToken cancellationToken)
    {
        var context = await FundQueries.LoadReadableAsync(db, access, defined.Fund.Id, cancellationToken, withLedger: false);
        return FundResponse.From(context, time.TodayInSweden(), (await FundSums.OfAsync(db, defined.Fund.Id, cancellationToken)).Balances, defined.Goals);
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

    private static async Task<Created<InitiativeResponse>> ProposeAsync(Guid id, ProposeInitiativeRequest request, FundDesk desk, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (initiative, context) = await desk.ProposeAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/initiatives/{initiative.Id}", InitiativeResponse.From(initiative, context, time.TodayInSweden()));
    }

    private static async Task<Ok<InitiativeResponse>> GetInitiativeAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var initiative = await FundQueries.LoadInitiativeAsync(db, access, id, cancellationToken);
        var context = await FundQueries.LoadReadableAsync(db, access, initiative.FundId, cancellationToken);
        return TypedResults.Ok(InitiativeResponse.From(initiative, context, time.TodayInSweden(), await CouncilItem.OfAsync(db, initiative, cancellationToken)));
    }

    private static Task<Ok<InitiativeResponse>> SubmitAsync(Guid id, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.SubmitAsync(id, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> PrepareAsync(Guid id, PreparationRequest request, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.PrepareAsync(id, request, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> StandAsync(Guid id, StandRequest request, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.RecordStandAsync(id, request, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> PositionAsync(Guid id, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.TakePositionAsync(id, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> DecideAsync(Guid id, DecisionRequest request, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.DecideAsync(id, request, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> DisburseAsync(Guid id, DisbursementRequest request, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.DisburseAsync(id, request, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> CloseAsync(Guid id, CloseRequest request, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.CloseAsync(id, request, cancellationToken), time);

    private static Task<Ok<InitiativeResponse>> LinkCouncilAsync(Guid id, CouncilItemRequest request, FundDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        OkAsync(desk.LinkCouncilAsync(id, request, cancellationToken), time);

    private static async Task<Ok<InitiativeResponse>> OkAsync(Task<InitiativeState> change, TimeProvider time)
    {
        var s = await change;
        return TypedResults.Ok(InitiativeResponse.From(s.Initiative, s.Context, time.TodayInSweden(), s.Council));
    }

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

    private static async Task<Created<OutcomeReportResponse>> ReportOutcomeAsync(Guid id, OutcomeReportRequest request, FundDesk desk,
        CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/initiatives/{id}", OutcomeReportResponse.From(await desk.ReportOutcomeAsync(id, request, cancellationToken)));

    private static async Task<Ok<List<GoalResponse>>> GoalsAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        return TypedResults.Ok((await FundQueries.GoalsAsync(db, county.Id, cancellationToken)).Select(GoalResponse.From).ToList());
    }

    private static async Task<Ok<LedgerLineResponse>> CorrectAsync(Guid id, CorrectionRequest request, FundDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(LedgerLineResponse.From(await desk.CorrectAsync(id, request, cancellationToken)));

    private static async Task<Ok<FundReportResponse>> CloseYearAsync(Guid id, int year, FundDesk desk, AppDbContext db, CancellationToken cancellationToken)
    {
        var fund = await desk.CloseYearAsync(id, year, cancellationToken);
        return TypedResults.Ok(await FundReport.ForAsync(db, fund.Id, year, cancellationToken));
    }
}
