using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Funds;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>A fund with its ledger and the agreement and supplement that say whether it takes new commitments.</summary>
public sealed record FundContext(Fund Fund, Agreement Agreement, Supplement Supplement)
{
    public FundValidity ValidityOn(DateOnly today, FundBalances? balances = null) => Fund.ValidityOn(Agreement, Supplement, today, balances);

    public IReadOnlyCollection<Guid> PartyIds => Agreement.Parties.Select(p => p.PartyId).ToList();
}

/// <summary>
/// A fund's balances and each initiative's money summed in the database, grouped by initiative and the kind an entry
/// affects: what the reading pages need, at the same cost for a hundred entries or a million.
/// </summary>
public sealed record FundSums(FundBalances Balances, IReadOnlyDictionary<Guid, InitiativeMoney> Initiatives)
{
    private static readonly InitiativeMoney Nothing = new(0m, 0m, 0m, 0m);

    public InitiativeMoney MoneyOf(Guid initiativeId) => Initiatives.GetValueOrDefault(initiativeId) ?? Nothing;

    /// <summary>The sums, worked out once per change of data and shared by every reader (decision 0011).</summary>
    public static Task<FundSums> SharedAsync(Infrastructure.Caching.SharedReads shared, AppDbContext db, Guid fundId, CancellationToken cancellationToken) =>
        shared.GetAsync($"fund-sums:{fundId}", () => OfAsync(db, fundId, cancellationToken));

    public static async Task<FundSums> OfAsync(AppDbContext db, Guid fundId, CancellationToken cancellationToken)
    {
        var rows = await db.LedgerEntries.AsNoTracking().Where(e => e.FundId == fundId)
            .GroupBy(e => new { e.InitiativeId, e.Affects })
            .Select(g => new { g.Key.InitiativeId, g.Key.Affects, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(cancellationToken);
        return new FundSums(FundBalances.FromSums(rows.Select(r => (r.Affects, r.Amount))),
            rows.Where(r => r.InitiativeId is not null).GroupBy(r => r.InitiativeId!.Value)
                .ToDictionary(g => g.Key, g => InitiativeMoney.FromSums(g.Select(r => (r.Affects, r.Amount)))));
    }

    /// <summary>The balances of several funds in one query.</summary>
    public static async Task<Dictionary<Guid, FundBalances>> BalancesAsync(AppDbContext db, IReadOnlyCollection<Guid> fundIds, CancellationToken cancellationToken)
    {
        var rows = await db.LedgerEntries.AsNoTracking().Where(e => fundIds.Contains(e.FundId))
            .GroupBy(e => new { e.FundId, e.Affects })
            .Select(g => new { g.Key.FundId, g.Key.Affects, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(cancellationToken);
        return fundIds.ToDictionary(id => id, id => FundBalances.FromSums(rows.Where(r => r.FundId == id).Select(r => (r.Affects, r.Amount))));
    }
}

public static class FundQueries
{
    /// <summary>Loads a fund the caller may read, or refuses as 404/403 (tenant isolation).</summary>
    /// <param name="withLedger">False for reading pages that take their sums from <see cref="FundSums"/> instead of the whole ledger.</param>
    public static async Task<FundContext> LoadReadableAsync(AppDbContext db, Access access, Guid fundId, CancellationToken cancellationToken,
        bool tracking = false, bool withLedger = true)
    {
        var funds = withLedger ? db.Funds.Include(f => f.Sources).Include(f => f.Entries).AsSplitQuery() : db.Funds.Include(f => f.Sources);
        var fund = await (tracking ? funds : funds.AsNoTracking()).FirstOrDefaultAsync(f => f.Id == fundId, cancellationToken)
            ?? throw new NotFoundException("Fonden finns inte.");
        access.EnsureRead(fund.CountyId);
        var agreements = db.Agreements.Include(a => a.Parties).ThenInclude(p => p.Party).Include(a => a.Adoptions).Include(a => a.Withdrawals)
            .Include(a => a.Supplements).AsSplitQuery();
        var agreement = await (tracking ? agreements : agreements.AsNoTracking()).FirstAsync(a => a.Id == fund.AgreementId, cancellationToken);
        return new FundContext(fund, agreement, agreement.Supplements.First(s => s.Id == fund.SupplementId));
    }

    public static async Task<Initiative> LoadInitiativeAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = db.Initiatives.Include(i => i.Stands).Include(i => i.OutcomeReports).AsSplitQuery();
        var initiative = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("Satsningen finns inte.");
        access.EnsureRead(initiative.CountyId);
        return initiative;
    }

    /// <summary>The county's goals; with <paramref name="fundId"/>, those a proposal on that fund may start from (its own and the county's shared ones).</summary>
    public static async Task<List<CountyGoal>> GoalsAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken, Guid? fundId = null) =>
        await db.CountyGoals.AsNoTracking().Where(g => g.CountyId == countyId && (fundId == null || g.FundId == null || g.FundId == fundId))
            .OrderBy(g => g.Order).ToListAsync(cancellationToken);

    /// <summary>The goals a fund's definition sets out, in order.</summary>
    public static async Task<List<CountyGoal>> FundGoalsAsync(AppDbContext db, Guid fundId, CancellationToken cancellationToken, bool tracking = false)
    {
        var goals = db.CountyGoals.Where(g => g.FundId == fundId).OrderBy(g => g.Order);
        return await (tracking ? goals : goals.AsNoTracking()).ToListAsync(cancellationToken);
    }
}
