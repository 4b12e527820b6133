using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

public sealed record ReportMovement(LedgerEntryKind Kind, string Label, decimal Amount);

public sealed record ReportInitiative(Guid Id, string Title, string Status, decimal Committed, decimal Disbursed, decimal Released, decimal Returned,
    decimal RemainingAtYearEnd, bool OutcomeOwed, OutcomeReportResponse? Outcome);

/// <summary>
/// The fund's yearly report (seed 004): the balance at the start and end of the year, the change, the movements by
/// kind and per initiative, and each initiative's outcome report for the year. <see cref="Closed"/> says whether the
/// secretariat has closed the year; a closed year's figures are fixed because no entry can be dated in it any more
/// (<see cref="Fund.CloseYear"/>), and its outcomes are those in by the day it was closed.
/// </summary>
public sealed record FundReportResponse(Guid FundId, string FundName, int Year, bool Closed, DateOnly? ClosedOn, decimal Opening, decimal Closing, decimal Change,
    decimal CommittedAtYearEnd, decimal UncommittedAtYearEnd, IReadOnlyList<ReportMovement> Movements, IReadOnlyList<ReportInitiative> Initiatives);

public static class FundReport
{
    /// <summary>The report of a fund the caller may read (404/403 otherwise).</summary>
    public static async Task<FundReportResponse> ReadableAsync(AppDbContext db, Infrastructure.Caching.SharedReads shared, Access access, Guid fundId, int year,
        CancellationToken cancellationToken)
    {
        var county = await db.Funds.AsNoTracking().Where(f => f.Id == fundId).Select(f => (Guid?)f.CountyId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Fonden finns inte.");
        access.EnsureRead(county);
        return await SharedAsync(shared, db, fundId, year, cancellationToken);
    }

    /// <summary>The report, worked out once per change of data and shared by every reader (decision 0011).</summary>
    public static Task<FundReportResponse> SharedAsync(Infrastructure.Caching.SharedReads shared, AppDbContext db, Guid fundId, int year,
        CancellationToken cancellationToken) =>
        shared.GetAsync($"fund-report:{fundId}:{year}", () => ForAsync(db, fundId, year, cancellationToken));

    /// <summary>
    /// Sums are taken in the database, grouped by initiative, kind and whether the entry is dated in the year, so the
    /// report costs the same with a thousand entries or a million.
    /// </summary>
    public static async Task<FundReportResponse> ForAsync(AppDbContext db, Guid fundId, int year, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, cancellationToken) ?? throw new NotFoundException("Fonden finns inte.");
        if (year < fund.OpenedOn.Year || year > 9998)
        {
            throw new NotFoundException($"Fonden har ingen årsrapport för {year}.");
        }

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year + 1, 1, 1);
        var sums = await db.LedgerEntries.AsNoTracking().Where(e => e.FundId == fundId && e.Date < end)
            .GroupBy(e => new { e.InitiativeId, e.Kind, e.Affects, InYear = e.Date >= start })
            .Select(g => new Sum(g.Key.InitiativeId, g.Key.Kind, g.Key.Affects, g.Key.InYear, g.Sum(e => e.Amount)))
            .ToListAsync(cancellationToken);

        var before = FundBalances.FromSums(sums.Where(s => !s.InYear).Select(s => (s.Affects, s.Amount)));
        var after = FundBalances.FromSums(sums.Select(s => (s.Affects, s.Amount)));
        var movements = Enum.GetValues<LedgerEntryKind>()
            .Select(k => new ReportMovement(k, LedgerEntry.Label(k), sums.Where(s => s.InYear && s.Kind == k).Sum(s => s.Amount)))
            .ToList();

        var closing = fund.YearClosings.FirstOrDefault(c => c.Year == year);
        var initiatives = await db.Initiatives.AsNoTracking().Include(i => i.OutcomeReports).Where(i => i.FundId == fundId && i.DecidedOn != null)
            .ToListAsync(cancellationToken);
        var byInitiative = sums.Where(s => s.InitiativeId is not null).ToLookup(s => s.InitiativeId!.Value);
        var lines = initiatives
            .Select(i =>
            {
                var mine = byInitiative[i.Id].ToList();
                var inYear = InitiativeMoney.FromSums(mine.Where(s => s.InYear).Select(s => (s.Affects, s.Amount)));
                var total = InitiativeMoney.FromSums(mine.Select(s => (s.Affects, s.Amount)));
                var outcome = i.OutcomeReports.FirstOrDefault(r => r.Year == year && (closing is null || r.SubmittedOn <= closing.ClosedOn));
                return new ReportInitiative(i.Id, i.Title, Initiative.Label(i.Status), inYear.Committed, inYear.Disbursed, inYear.Released, inYear.Returned,
                    total.Remaining, i.ReportYears().Contains(year), outcome is null ? null : OutcomeReportResponse.From(outcome));
            })
            .Where(r => r.Committed != 0 || r.Disbursed != 0 || r.Released != 0 || r.Returned != 0 || r.RemainingAtYearEnd != 0 || r.OutcomeOwed)
            .OrderBy(r => r.Title, StringComparer.Create(SwedishText.Culture, false))
            .ToList();

        // The fund's own opening counts as movement in its first year; the year's opening balance is what it held before.
        return new FundReportResponse(fund.Id, fund.Name, year, closing is not null, closing?.ClosedOn, before.Balance, after.Balance,
            after.Balance - before.Balance, after.Committed, after.Uncommitted, movements, lines);
    }

    private sealed record Sum(Guid? InitiativeId, LedgerEntryKind Kind, LedgerEntryKind Affects, bool InYear, decimal Amount);
}
