using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>The cost model: base level, each year's rule, the chain, and the index values; edited by the secretariat and audited.</summary>
public sealed class CostModelPageModel(AppDbContext db, CostModelDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public CostModel? Model { get; private set; }

    /// <summary>The county's agreements, to create the cost model of one while there is none.</summary>
    public IReadOnlyList<(Guid Id, string Title)> Agreements { get; private set; } = [];

    public IReadOnlyList<CostLevelStep> Chain { get; private set; } = [];

    public string? ChainProblem { get; private set; }

    public IReadOnlyList<IndexValue> Index { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public bool IsAdministrator => Access.IsAdministrator;

    public static string RuleLabel(YearRuleKind kind) => kind switch
    {
        YearRuleKind.IndexUplift => "Uppräkning med index",
        YearRuleKind.NoUplift => "Ingen uppräkning",
        YearRuleKind.AgreedPercentage => "Överenskommen uppräkning (procent)",
        YearRuleKind.AgreedLevel => "Överenskommen ny nivå",
        YearRuleKind.NewTermLevel => "Ny nivå inför mandatperioden",
        _ => kind.ToString(),
    };

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    /// <summary>Sets a year's rule through <see cref="CostModelDesk"/>, as the API does; a refusal is shown beside the rule's form.</summary>
    public async Task<IActionResult> OnPostRuleAsync(int year, YearRuleKind? kind, decimal? value, string? decisionReference, DateOnly? decidedOn, int? version)
    {
        await LoadCountyAsync();
        return await ChangeAsync("rule", ct => desk.SetRuleAsync(County.Id, year, new YearRuleRequest(kind, value, null, decisionReference, decidedOn), ct, version),
            () =>
            {
                TempData["Message"] = $"Regeln för {year} är sparad.";
                return RedirectToPage(new { countyCode = County.Code });
            }, LoadAsync);
    }

    public async Task<IActionResult> OnPostIndexAsync(string series, int year, string changePercent, bool isFinal, string source, DateOnly? publishedOn)
    {
        await LoadAsync();
        if (!Access.IsAdministrator)
        {
            throw new ForbiddenException("Indexserier är nationella referensdata; endast systemadministratören kan ändra dem.");
        }

        if (!SwedishNumber.TryParse(changePercent, out var change))
        {
            Errors.Add($"Förändringen '{changePercent}' är inget tal.");
            return Page();
        }

        series = (series ?? string.Empty).Trim();
        var request = new IndexValueRequest(change, isFinal, source?.Trim(), publishedOn);
        try
        {
            IndexValueRules.Check(series, year, request, Today.Year);
        }
        catch (InputValidationException e)
        {
            Errors.AddRange(e.Errors.SelectMany(x => x.Value));
            return Page();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        var value = await db.IndexValues.FirstOrDefaultAsync(v => v.Series == series && v.Year == year);
        if (value is null)
        {
            db.IndexValues.Add(new IndexValue(series, year, change, isFinal, request.Source!, publishedOn));
        }
        else
        {
            value.Revise(change, isFinal, request.Source!, publishedOn);
        }

        await db.SaveChangesAsync();
        TempData["Message"] = $"{series} för {year} är sparat.";
        return RedirectToPage(new { countyCode = County.Code });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Model = await db.CostModels.AsNoTracking().Include(m => m.Rules).FirstOrDefaultAsync(m => m.CountyId == County.Id);
        Index = await db.IndexValues.AsNoTracking().OrderBy(v => v.Series).ThenBy(v => v.Year).ToListAsync();
        if (Model is null)
        {
            Agreements = (await db.Agreements.AsNoTracking().Where(a => a.CountyId == County.Id).OrderBy(a => a.ValidFrom).Select(a => new { a.Id, a.Title })
                .ToListAsync()).Select(a => (a.Id, a.Title)).ToList();
            return;
        }

        var (derivation, problem) = Model.DeriveLatest(Today.Year + 1, Index.Select(v => v.ToPoint()).ToList());
        Chain = derivation?.Steps ?? [];
        ChainProblem = problem;
    }
}
