using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure.Caching;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Which areas a county's agreement has, so the menu shows only those: cost sharing and invoices exist only where the
/// agreement shares costs (a cost model), the fund where there is one, the case register where the county keeps a
/// series. Read in one query and shared across requests while the data is unchanged.
/// </summary>
public sealed class CountyAreas(AppDbContext db, SharedReads shared)
{
    private sealed record Areas(bool CostSharing, bool Fund, bool Cases);

    public async Task<bool> HasCostSharingAsync(string countyCode) => (await ForAsync(countyCode)).CostSharing;

    /// <summary>Whether the county has a shared fund under a supplement to its agreement.</summary>
    public async Task<bool> HasFundAsync(string countyCode) => (await ForAsync(countyCode)).Fund;

    /// <summary>Whether the county keeps its case register in Samverkan (it has a series).</summary>
    public async Task<bool> HasCasesAsync(string countyCode) => (await ForAsync(countyCode)).Cases;

    private readonly Dictionary<string, Areas> read = new(StringComparer.Ordinal);

    /// <summary>Once per request (the page and the layout both ask), and shared across requests while the data is unchanged.</summary>
    private async Task<Areas> ForAsync(string countyCode)
    {
        if (!read.TryGetValue(countyCode, out var areas))
        {
            read[countyCode] = areas = await shared.GetAsync($"areas:{countyCode}", async () =>
                await db.Counties.AsNoTracking().Where(c => c.Code == countyCode).Select(c => new Areas(
                    db.CostModels.Any(m => m.CountyId == c.Id), db.Funds.Any(f => f.CountyId == c.Id), db.CaseSeries.Any(s => s.CountyId == c.Id)))
                    .FirstOrDefaultAsync() ?? new Areas(false, false, false));
        }

        return areas;
    }
}
