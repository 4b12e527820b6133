using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

public sealed class ProjectsModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public List<ProjectResponse> Projects { get; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string name, string total, string? regionPercent, ScenarioKey key, string? equalPercent, int populationYear, string? decisionReference)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        static decimal? Parse(string? v) => SwedishNumber.TryParse(v, out var d) ? d : null;
        if (Parse(total) is not { } parsedTotal)
        {
            Errors.Add($"Beloppet '{total}' är inget tal.");
            return Page();
        }

        try
        {
            var project = new Project(County.Id, name, parsedTotal, Parse(regionPercent) ?? 0, key, Parse(equalPercent), populationYear,
                string.IsNullOrWhiteSpace(decisionReference) ? null : decisionReference.Trim());
            await ProjectResponse.FromAsync(db, project, HttpContext.RequestAborted);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        return RedirectToPage(new { countyCode = County.Code });
    }

    /// <summary>The county's own agreement, which the page cites (never another county's).</summary>
    public string? AgreementTitle { get; private set; }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        AgreementTitle = await db.Agreements.AsNoTracking().Where(a => a.CountyId == County.Id).OrderByDescending(a => a.ValidFrom).Select(a => a.Title).FirstOrDefaultAsync();
        foreach (var project in await db.Projects.AsNoTracking().Where(p => p.CountyId == County.Id).OrderBy(p => p.Name).ToListAsync())
        {
            Projects.Add(await ProjectResponse.FromAsync(db, project, HttpContext.RequestAborted));
        }
    }
}
