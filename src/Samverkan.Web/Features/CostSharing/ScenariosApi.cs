using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>Scenarios, jointly financed projects and the settlement proposal when a party withdraws.</summary>
public static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/scenarios", ListAsync).WithSummary("Scenarios; party officials see those shared with them.");
        api.MapPost("/counties/{countyCode}/scenarios", CreateAsync).WithSummary("Defines a scenario: another level, uplift or key for a year. Secretariat.");
        api.MapGet("/scenarios/{id:guid}", CompareAsync).WithSummary("Every municipality's amount in the current model and in the scenario, with the difference.");
        api.MapGet("/scenarios/{id:guid}/xlsx", XlsxAsync).WithSummary("The comparison as XLSX.");
        api.MapPost("/scenarios/{id:guid}/share", ShareAsync).WithSummary("Shares the scenario read-only with the county's party officials, or stops sharing. Secretariat.");
        api.MapGet("/counties/{countyCode}/projects", ListProjectsAsync).WithSummary("Jointly financed projects with each party's share.");
        api.MapPost("/counties/{countyCode}/projects", CreateProjectAsync).WithSummary("Records a jointly financed project with its total and key. Secretariat.");
        api.MapGet("/counties/{countyCode}/settlement", SettlementAsync)
            .WithSummary("Settlement proposal when the agreement ends on endsOn (default 31 December this year): the year's cost pro rata, less what each municipality paid.");
        return api;
    }

    private static async Task<Ok<List<ScenarioResponse>>> ListAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var manage = access.CanManage(county.Id);
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => s.CountyId == county.Id && (manage || s.SharedWithParties)).ToListAsync(cancellationToken);
        return TypedResults.Ok(scenarios.OrderBy(s => s.Year).ThenBy(s => s.Name).Select(ScenarioResponse.From).ToList());
    }

    private static async Task<Created<ScenarioResponse>> CreateAsync(string countyCode, ScenarioRequest request, Access access, AppDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var scenario = new Scenario(county.Id, request.Name ?? string.Empty, request.Year ?? throw new DomainRuleException("ScenarioYear", "Ange vilket år scenariot gäller."),
            request.Level, request.UpliftPercent, request.Key ?? ScenarioKey.Population, request.EqualPercent, http.User.Identity?.Name ?? "okänd");
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/scenarios/{scenario.Id}", ScenarioResponse.From(scenario));
    }

    private static async Task<Ok<ComparisonResponse>> CompareAsync(Guid id, Access access, AppDbContext db, CostSharingService costSharing, HttpContext http,
        CancellationToken cancellationToken)
    {
        var scenario = await ScenarioQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var comparison = await costSharing.CompareAsync(scenario, cancellationToken);
        return TypedResults.Ok(new ComparisonResponse(ScenarioResponse.From(scenario), comparison.Current.Derivation.Level, comparison.Alternative.Total,
            comparison.Rows.Select(r => new ComparisonRowResponse(r.Current.Party.MunicipalityCode!, r.Current.Party.Name, r.Current.Amount, r.Alternative.Amount, r.Difference)).ToList()));
    }

    private static async Task<FileContentHttpResult> XlsxAsync(Guid id, Access access, AppDbContext db, CostSharingService costSharing, HttpContext http,
        CancellationToken cancellationToken)
    {
        var scenario = await ScenarioQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var comparison = await costSharing.CompareAsync(scenario, cancellationToken);
        return TypedResults.File(Tabular.Xlsx("Scenario", ScenarioQueries.ComparisonHeaders, ScenarioQueries.ComparisonRows(comparison)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"scenario-{scenario.Year}.xlsx");
    }

    private static async Task<Ok<ScenarioResponse>> ShareAsync(Guid id, ShareRequest request, Access access, AppDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var scenario = await ScenarioQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(scenario.CountyId);
        scenario.Share(request.Shared);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ScenarioResponse.From(scenario));
    }

    private static async Task<Ok<List<ProjectResponse>>> ListProjectsAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CountyId == county.Id).ToListAsync(cancellationToken);
        var result = new List<ProjectResponse>();
        foreach (var project in projects.OrderBy(p => p.Name))
        {
            result.Add(await ProjectResponse.FromAsync(db, project, cancellationToken));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Created<ProjectResponse>> CreateProjectAsync(string countyCode, ProjectRequest request, Access access, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var project = new Project(county.Id, request.Name ?? string.Empty, request.Total ?? 0, request.RegionPercent ?? 0, request.Key ?? ScenarioKey.Population,
            request.EqualPercent, request.PopulationYear ?? throw new DomainRuleException("ProjectPopulationYear", "Ange vilket års folkmängd som ska användas."),
            request.DecisionReference);
        var response = await ProjectResponse.FromAsync(db, project, cancellationToken);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{county.Code}/projects", response);
    }

    private static async Task<Ok<List<SettlementResponse>>> SettlementAsync(string countyCode, DateOnly? endsOn, Access access, AppDbContext db,
        CostSharingService costSharing, TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        return TypedResults.Ok(await ScenarioQueries.Settlements(db, costSharing, county.Id, endsOn ?? new DateOnly(time.TodayInSweden().Year, 12, 31), cancellationToken));
    }

}

public sealed record ScenarioRequest(string? Name, int? Year, decimal? Level, decimal? UpliftPercent, ScenarioKey? Key, decimal? EqualPercent);

public sealed record ShareRequest(bool Shared);

public sealed record ScenarioResponse(Guid Id, string Name, int Year, decimal? Level, decimal? UpliftPercent, ScenarioKey Key, decimal? EqualPercent,
    bool SharedWithParties, string Description)
{
    public static ScenarioResponse From(Scenario s) => new(s.Id, s.Name, s.Year, s.Level, s.UpliftPercent, s.Key, s.EqualPercent, s.SharedWithParties, s.Describe());
}

public sealed record ComparisonRowResponse(string MunicipalityCode, string Name, decimal Current, decimal Scenario, decimal Difference);

public sealed record ComparisonResponse(ScenarioResponse Scenario, decimal CurrentLevel, decimal ScenarioLevel, IReadOnlyList<ComparisonRowResponse> Rows);

public sealed record ProjectRequest(string? Name, decimal? Total, decimal? RegionPercent, ScenarioKey? Key, decimal? EqualPercent, int? PopulationYear, string? DecisionReference);

public sealed record ProjectShareResponse(string Party, string? MunicipalityCode, decimal Amount);

public sealed record ProjectResponse(Guid Id, string Name, decimal Total, decimal RegionPercent, string Key, int PopulationYear, string? DecisionReference,
    IReadOnlyList<ProjectShareResponse> Shares)
{
    public static async Task<ProjectResponse> FromAsync(AppDbContext db, Project project, CancellationToken cancellationToken)
    {
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == project.CountyId).ToListAsync(cancellationToken);
        var municipalities = parties.Where(p => p.Kind == PartyKind.Municipality).OrderBy(p => p.MunicipalityCode).ToList();
        var figures = await db.PopulationFigures.AsNoTracking().Where(f => f.CountyId == project.CountyId && f.Year == project.PopulationYear)
            .ToDictionaryAsync(f => f.PartyId, f => f.Population, cancellationToken);
        if (project.Key != ScenarioKey.Equal && municipalities.Any(m => !figures.ContainsKey(m.Id)))
        {
            throw new DomainRuleException("PopulationMissing", $"Folkmängd per {project.PopulationYear}-12-31 saknas för några kommuner; importera den först.");
        }

        var lines = project.MunicipalShares(municipalities.Select(m => new KeyMunicipality(m.MunicipalityCode!, m.Name, figures.GetValueOrDefault(m.Id, 1))).ToList());
        var shares = new List<ProjectShareResponse> { new(parties.Single(p => p.Kind == PartyKind.Region).Name, null, project.RegionAmount) };
        shares.AddRange(municipalities.Select(m => new ProjectShareResponse(m.Name, m.MunicipalityCode, lines.Single(l => l.Key == m.MunicipalityCode).Amount)));
        return new(project.Id, project.Name, project.Total, project.RegionPercent, project.AllocationKey.Label, project.PopulationYear, project.DecisionReference, shares);
    }
}

public sealed record SettlementResponse(string MunicipalityCode, string Name, decimal AnnualAmount, int DaysCovered, int DaysInYear, decimal DueForPeriod, decimal Paid, decimal Balance);
