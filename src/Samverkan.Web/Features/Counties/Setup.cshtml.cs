using Microsoft.AspNetCore.Mvc;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

/// <summary>A county's setup checklist: what is done, what is left and where to do it, until the county is ready.</summary>
public sealed class SetupModel(AppDbContext db, Access access, TimeProvider time, CountyConfiguration configuration) : CountyPageModel(access, time)
{
    public IReadOnlyList<SetupStep> Steps { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        Steps = await CountyReadiness.StepsAsync(db, County, HttpContext.RequestAborted);
    }

    /// <summary>The county's configuration as a file to download, as GET /api/v1/counties/{code}/configuration.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var file = await configuration.ExportAsync(CountyCode, HttpContext.RequestAborted);
        return File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(file, CountyConfiguration.FileJson), "application/json",
            $"samverkan-{file.SourceCountyCode}-installningar.json");
    }
}
