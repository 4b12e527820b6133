using Microsoft.AspNetCore.Mvc;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.CostSharing;

public sealed class ScenarioModel(AppDbContext db, CostSharingService costSharing, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public ScenarioComparison Comparison { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        return File(Tabular.Xlsx("Scenario", ScenarioQueries.ComparisonHeaders, ScenarioQueries.ComparisonRows(Comparison)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"scenario-{Comparison.Scenario.Year}.xlsx");
    }

    public async Task<IActionResult> OnPostShareAsync(bool shared)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        Comparison.Scenario.Share(shared);
        await db.SaveChangesAsync();
        TempData["Message"] = shared
            ? "Scenariot är delat: länets tjänstepersoner ser det under Scenarier (bara läsrätt)."
            : "Scenariot är inte längre delat; bara sekretariatet ser det.";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        var scenario = await ScenarioQueries.LoadReadableAsync(db, Access, Id);
        if (scenario.CountyId != County.Id)
        {
            throw new NotFoundException("Scenariot finns inte i det här länet.");
        }

        Comparison = await costSharing.CompareAsync(scenario);
    }
}
