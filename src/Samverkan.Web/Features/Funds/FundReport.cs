using Samverkan.Domain.Funds;

namespace Samverkan.Web.Features.Funds;

public sealed record ReportMovement(LedgerEntryKind Kind, string Label, decimal Amount);

public sealed record ReportInitiative(Guid Id, string Title, string Status, decimal Committed, decimal Disbursed, decimal Released, decimal Returned,
    decimal RemainingAtYearEnd);

/// <summary>
/// The fund's yearly report (seed 004): the balance at the start and end of the year, the change, the movements by
/// kind and per initiative. Built from entries dated in the year only, so a correction recorded later shows in the
/// year it is dated.
/// </summary>
public sealed record FundReportResponse(Guid FundId, string FundName, int Year, decimal Opening, decimal Closing, decimal Change,
    decimal CommittedAtYearEnd, decimal UncommittedAtYearEnd, IReadOnlyList<ReportMovement> Movements, IReadOnlyList<ReportInitiative> Initiatives);

public static class FundReport
{
    public static FundReportResponse For(Fund fund, IReadOnlyList<Initiative> initiatives, int year)
    {
        var before = FundBalances.From(fund.Entries.Where(e => e.Date.Year < year));
        var after = FundBalances.From(fund.Entries.Where(e => e.Date.Year <= year));
        var inYear = fund.Entries.Where(e => e.Date.Year == year).ToList();
        var movements = Enum.GetValues<LedgerEntryKind>()
            .Select(k => new ReportMovement(k, LedgerEntry.Label(k), inYear.Where(e => e.Kind == k).Sum(e => e.Amount)))
            .ToList();
        var lines = initiatives
            .Select(i =>
            {
                var money = InitiativeMoney.From(inYear, i.Id);
                var total = InitiativeMoney.From(fund.Entries.Where(e => e.Date.Year <= year), i.Id);
                return new ReportInitiative(i.Id, i.Title, Initiative.Label(i.Status), money.Committed, money.Disbursed, money.Released, money.Returned, total.Remaining);
            })
            .Where(r => r.Committed != 0 || r.Disbursed != 0 || r.Released != 0 || r.Returned != 0 || r.RemainingAtYearEnd != 0)
            .OrderBy(r => r.Title, StringComparer.Create(Domain.Common.SwedishText.Culture, false))
            .ToList();

        // The fund's own opening counts as movement in its first year; the year's opening balance is what it held before.
        return new FundReportResponse(fund.Id, fund.Name, year, before.Balance, after.Balance, after.Balance - before.Balance, after.Committed, after.Uncommitted,
            movements, lines);
    }
}
