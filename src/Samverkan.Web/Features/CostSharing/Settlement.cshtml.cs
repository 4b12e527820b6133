using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

public sealed class SettlementModel(AppDbContext db, CostSharingService costSharing, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly EndsOn { get; set; }

    public IReadOnlyList<SettlementResponse> Rows { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        if (EndsOn == default)
        {
            var withdrawal = await db.Agreements.AsNoTracking().Where(a => a.CountyId == County.Id).SelectMany(a => a.Withdrawals).OrderBy(w => w.EffectiveOn).FirstOrDefaultAsync();
            EndsOn = withdrawal?.EffectiveOn ?? new DateOnly(Today.Year, 12, 31);
        }

        try
        {
            Rows = await ScenarioQueries.Settlements(db, costSharing, County.Id, EndsOn);
        }
        catch (DomainRuleException e)
        {
            Problem = e.Message;
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
        }
    }
}
