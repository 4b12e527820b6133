using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>The population per municipality and year, and the import of a year from a file.</summary>
public sealed class PopulationModel(AppDbContext db, CostSharingService costSharing, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<Party> Municipalities { get; private set; } = [];

    /// <summary>Years whose figures are not Statistics Sweden's (demo values), marked in the table.</summary>
    public HashSet<int> DemoYears { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public Dictionary<(Guid, int), int> Figures { get; private set; } = [];

    public IReadOnlyList<PopulationFileError> Errors { get; private set; } = [];

    public bool NeedsConfirmation { get; private set; }

    public int? ImportYear { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetTemplateAsync()
    {
        await LoadAsync();
        var text = new StringBuilder("kommunkod;kommun;folkmängd\r\n");
        foreach (var m in Municipalities)
        {
            text.Append(m.MunicipalityCode).Append(';').Append(m.Name).Append(";\r\n");
        }

        return File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", $"folkmangd-mall-{County.Code}.csv");
    }

    public async Task<IActionResult> OnPostImportAsync(int year, IFormFile? file, bool replace)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        ImportYear = year;
        if (file is null || file.Length == 0)
        {
            Errors = [new PopulationFileError(0, "Välj en fil att importera.")];
            return Page();
        }

        if (file.Length > 1024 * 1024)
        {
            Errors = [new PopulationFileError(0, "Filen får vara högst 1 MB.")];
            return Page();
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        var result = await costSharing.ImportPopulationAsync(County.Id, year, memory.ToArray(), replace);
        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            NeedsConfirmation = result.NeedsConfirmation;
            return Page();
        }

        TempData["Message"] = $"Folkmängden per {year}-12-31 för {result.Count} kommuner är importerad.";
        return RedirectToPage(new { countyCode = County.Code });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Municipalities = (await CountyQueries.PartiesAsync(db, County.Id)).Where(p => p.Kind == PartyKind.Municipality).ToList();
        var figures = await db.PopulationFigures.AsNoTracking().Where(f => f.CountyId == County.Id).ToListAsync();
        Years = figures.Select(f => f.Year).Distinct().Order().ToList();
        Figures = figures.ToDictionary(f => (f.PartyId, f.Year), f => f.Population);
        DemoYears = figures.Where(f => f.Source is not null).Select(f => f.Year).ToHashSet();
    }
}
