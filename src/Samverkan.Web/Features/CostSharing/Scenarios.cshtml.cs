using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

public sealed class ScenariosModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<Scenario> Scenarios { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string name, int year, string? level, string? upliftPercent, ScenarioKey key, string? equalPercent)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        var parsedLevel = Parse(level, "Kostnadsnivån");
        var parsedUplift = Parse(upliftPercent, "Uppräkningen");
        var parsedEqual = Parse(equalPercent, "Andelen i lika delar");
        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            var scenario = new Scenario(County.Id, name, year, parsedLevel, parsedUplift, key, parsedEqual, User.Identity?.Name ?? "okänd");
            db.Scenarios.Add(scenario);
            await db.SaveChangesAsync();
            return Redirect($"/counties/{County.Code}/scenarios/{scenario.Id}");
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    private decimal? Parse(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (SwedishNumber.TryParse(value, out var v))
        {
            return v;
        }

        Errors.Add($"{what} '{value}' är inget tal.");
        return null;
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        var manage = CanManage;
        Scenarios = await db.Scenarios.AsNoTracking().Where(s => s.CountyId == County.Id && (manage || s.SharedWithParties)).OrderBy(s => s.Year).ThenBy(s => s.Name).ToListAsync();
    }
}
