using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Funds;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>A fund with its ledger and the agreement and supplement that say whether it takes new commitments.</summary>
public sealed record FundContext(Fund Fund, Agreement Agreement, Supplement Supplement)
{
    public FundValidity ValidityOn(DateOnly today) => Fund.ValidityOn(Agreement, Supplement, today);

    public IReadOnlyCollection<Guid> PartyIds => Agreement.Parties.Select(p => p.PartyId).ToList();
}

public static class FundQueries
{
    /// <summary>Loads a fund the caller may read, or refuses as 404/403 (tenant isolation).</summary>
    public static async Task<FundContext> LoadReadableAsync(AppDbContext db, Access access, Guid fundId, CancellationToken cancellationToken,
        bool tracking = false)
    {
        var funds = db.Funds.Include(f => f.Sources).Include(f => f.Entries).AsSplitQuery();
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

    public static async Task<List<CountyGoal>> GoalsAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken) =>
        await db.CountyGoals.AsNoTracking().Where(g => g.CountyId == countyId).OrderBy(g => g.Order).ToListAsync(cancellationToken);

    public static string Who(HttpContext http) => http.User.FindFirst(SamverkanClaims.DisplayName)?.Value ?? http.User.Identity?.Name ?? "okänd";
}
