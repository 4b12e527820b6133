using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Which areas a county's agreement has, so the menu shows only those: cost sharing and invoices exist only where the
/// agreement shares costs (a cost model). Read once per request.
/// </summary>
public sealed class CountyAreas(AppDbContext db)
{
    private readonly Dictionary<string, bool> costSharing = new(StringComparer.Ordinal);

    public async Task<bool> HasCostSharingAsync(string countyCode)
    {
        if (!costSharing.TryGetValue(countyCode, out var has))
        {
            has = await db.CostModels.AsNoTracking().AnyAsync(m => db.Counties.Any(c => c.Id == m.CountyId && c.Code == countyCode));
            costSharing[countyCode] = has;
        }

        return has;
    }

    private readonly Dictionary<string, bool> funds = new(StringComparer.Ordinal);

    /// <summary>Whether the county has a shared fund under a supplement to its agreement.</summary>
    public async Task<bool> HasFundAsync(string countyCode)
    {
        if (!funds.TryGetValue(countyCode, out var has))
        {
            has = await db.Funds.AsNoTracking().AnyAsync(f => db.Counties.Any(c => c.Id == f.CountyId && c.Code == countyCode));
            funds[countyCode] = has;
        }

        return has;
    }

    private readonly Dictionary<string, bool> cases = new(StringComparer.Ordinal);

    /// <summary>Whether the county keeps its case register in Samverkan (it has a series).</summary>
    public async Task<bool> HasCasesAsync(string countyCode)
    {
        if (!cases.TryGetValue(countyCode, out var has))
        {
            has = await db.CaseSeries.AsNoTracking().AnyAsync(s => db.Counties.Any(c => c.Id == s.CountyId && c.Code == countyCode));
            cases[countyCode] = has;
        }

        return has;
    }
}
