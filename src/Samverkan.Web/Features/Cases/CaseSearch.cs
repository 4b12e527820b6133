using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Cases;
using Samverkan.Web.Data;

namespace Samverkan.Web.Features.Cases;

/// <summary>A search of the register: any of number or title, kind, status, body and year; paged.</summary>
public sealed record CaseFilter(string? Q, CaseKind? Kind, CaseStatus? Status, Guid? BodyId, int? Year, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record CaseRow(Guid Id, string CaseNumber, string Title, CaseKind Kind, CaseStatus Status, DateOnly RegisteredOn);

/// <summary>A step the case waits for, for the start page and the work list.</summary>
public sealed record WaitingStep(Guid CaseId, string CaseNumber, string Title, Guid StepId, Guid? BodyId, bool EveryPartyCouncil, StepRole Role, DateOnly? DueOn);

/// <summary>Finding cases: the register's search, a case by its number, and each open case's next step.</summary>
public static partial class CaseSearch
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}][\p{L} ]{0,9} \d{1,7}-\d{4}$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumberPattern();

    /// <summary>The case with this number in the county, so that an agenda item given a case number is linked to the case.</summary>
    public static async Task<Guid?> FindByNumberAsync(AppDbContext db, Guid countyId, string? caseNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(caseNumber))
        {
            return null;
        }

        var number = caseNumber.Trim();
        return await db.Cases.AsNoTracking().Where(c => c.CountyId == countyId && c.CaseNumber == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<(IReadOnlyList<CaseRow> Items, int Total)> SearchAsync(AppDbContext db, Guid countyId, CaseFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.CountyId == countyId);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = System.Text.RegularExpressions.Regex.Replace(filter.Q.Trim(), @"\s+", " ");
            if (CaseNumberPattern().IsMatch(text))
            {
                // A whole case number, "RS 759-2022": found through the index on the number, not by scanning titles.
                // Unordered, so that the planner uses that index and not the one of the list's order.
                var number = text.ToUpperInvariant();
                var exact = await query.Where(c => c.CaseNumber == number).Where(Filters(filter, db))
                    .Select(c => new CaseRow(c.Id, c.CaseNumber, c.Title, c.Kind, c.Status, c.RegisteredOn)).ToListAsync(cancellationToken);
                return (filter.Page > 1 ? [] : exact, exact.Count);
            }
            else
            {
                var q = text.ToLowerInvariant();
                query = query.Where(c => c.SearchText.Contains(q));
            }
        }

        query = query.Where(Filters(filter, db));
        var total = await query.CountAsync(cancellationToken);
        // Past the last page is an empty page, never an overflowing offset.
        var page = Math.Max(1, filter.Page);
        if (page > total / CaseFilter.PageSize + 1)
        {
            return ([], total);
        }

        var items = await query.OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.Number)
            .Skip((page - 1) * CaseFilter.PageSize).Take(CaseFilter.PageSize)
            .Select(c => new CaseRow(c.Id, c.CaseNumber, c.Title, c.Kind, c.Status, c.RegisteredOn)).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The search's filters besides the text: kind, status, year and the body that is responsible or handles a step.</summary>
    private static System.Linq.Expressions.Expression<Func<Case, bool>> Filters(CaseFilter filter, AppDbContext db)
    {
        var kind = filter.Kind;
        var status = filter.Status;
        var year = filter.Year;
        var bodyId = filter.BodyId;
        return c => (kind == null || c.Kind == kind) && (status == null || c.Status == status) && (year == null || c.Year == year)
            && (bodyId == null || c.ResponsibleBodyId == bodyId || db.CaseSteps.Any(s => s.CaseId == c.Id && s.BodyId == bodyId));
    }

    /// <summary>Each open case's current step: the first without an outcome.</summary>
    public static async Task<IReadOnlyList<WaitingStep>> WaitingAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken)
    {
        var open = await db.CaseSteps.AsNoTracking()
            .Where(s => s.CountyId == countyId && s.Outcome == null && db.Cases.Any(c => c.Id == s.CaseId && c.Status == CaseStatus.Open))
            .Select(s => new { s.Id, s.CaseId, s.Order, s.BodyId, s.EveryPartyCouncil, s.Role, s.DueOn }).ToListAsync(cancellationToken);
        var current = open.GroupBy(s => s.CaseId).Select(g => g.MinBy(s => s.Order)!).ToList();
        var ids = current.Select(s => s.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber, c.Title }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return current.Select(s => new WaitingStep(s.CaseId, cases[s.CaseId].CaseNumber, cases[s.CaseId].Title, s.Id, s.BodyId, s.EveryPartyCouncil, s.Role, s.DueOn))
            .OrderBy(s => s.DueOn ?? DateOnly.MaxValue).ThenBy(s => s.CaseNumber, StringComparer.Ordinal).ToList();
    }
}
