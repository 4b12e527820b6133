using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Reference;

namespace Samverkan.Web.Features.Admin;

/// <summary>
/// The administrator's counties: every county with how far its setup has come, and a new county from SCB's list (or
/// with a code and name of its own). The first page an empty installation's administrator needs.
/// </summary>
public sealed class CountiesModel(CountySetup setup, CountyConfiguration configuration, AppDbContext db, Access access) : Shared.FormPageModel
{
    public IReadOnlyList<(County County, IReadOnlyList<SetupStep> Steps)> Counties { get; private set; } = [];

    /// <summary>The counties of SCB's list not yet in the installation, to choose from.</summary>
    public IReadOnlyList<NationalReference.CountyRow> NotYetCreated { get; private set; } = [];

    /// <summary>Only an administrator creates counties; a county's secretariat sees its own county's checklist here.</summary>
    public bool CanCreate => access.IsAdministrator;

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCreateAsync(string? code, string? name) => ChangeAsync("create",
        async ct => code = (await setup.CreateCountyAsync(new CountyRequest(code, name), ct)).Code,
        () => Redirect($"/counties/{code}/setup"), LoadAsync);

    /// <summary>A new county from a configuration file (another county's export), as POST /api/v1/counties/{code}/configuration.</summary>
    public Task<IActionResult> OnPostImportAsync(string? code, IFormFile? file) => ChangeAsync("import",
        async ct => code = (await configuration.ImportAsync(code ?? string.Empty, await CountyConfiguration.ReadAsync(file, ct), ct)).CountyCode,
        () => Redirect($"/counties/{code}/setup"), LoadAsync);

    private async Task LoadAsync()
    {
        if (!access.IsSecretariat)
        {
            access.EnsureAdministrator("se och skapa län");
        }

        var own = access.IsAdministrator ? null : access.CountyId;
        var counties = await db.Counties.AsNoTracking().Where(c => own == null || c.Id == own).OrderBy(c => c.Code).ToListAsync(HttpContext.RequestAborted);
        var rows = new List<(County, IReadOnlyList<SetupStep>)>();
        foreach (var county in counties)
        {
            rows.Add((county, await CountyReadiness.StepsAsync(db, county, HttpContext.RequestAborted)));
        }

        Counties = rows;
        NotYetCreated = NationalReference.Counties.Where(r => counties.All(c => c.Code != r.Code)).ToList();
    }
}
