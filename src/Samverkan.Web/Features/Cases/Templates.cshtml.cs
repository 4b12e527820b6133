using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// The county's case series and flow templates; the secretariat adds a series, or a template with up to eight steps in
/// one plain form, through <see cref="CaseSetup"/> like POST /api/v1/counties/{code}/case-series and …/flow-templates.
/// </summary>
public sealed class TemplatesModel(AppDbContext db, Access access, TimeProvider time, CaseSetup setup) : CountyPageModel(access, time)
{
    public const int Rows = 8;

    public IReadOnlyList<FlowTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<CaseSeries> Series { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Body> Bodies { get; private set; } = new Dictionary<Guid, Body>();

    public string Handler(FlowTemplateStep step) =>
        step.EveryPartyCouncil ? (step.MunicipalitiesOnly ? "Varje kommuns fullmäktige" : "Varje parts fullmäktige")
        : step.BodyId is { } b && Bodies.TryGetValue(b, out var body) ? BodyLabels.Title(body) : "–";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSeriesAsync(string? code, string? name, bool forReferrals)
    {
        await LoadCountyAsync();
        return await ChangeAsync("series", ct => setup.AddSeriesAsync(County.Id, new SeriesRequest(code, name, forReferrals), ct),
            () => Redirect($"/counties/{County.Code}/flow-templates#series"), LoadAsync);
    }

    public async Task<IActionResult> OnPostAsync(string? name, List<string>? handledBy, List<StepRole?>? role, List<int?>? dueAfterDays)
    {
        await LoadCountyAsync();
        return await ChangeAsync("template", ct => setup.AddTemplateAsync(County.Id, ToRequest(name, handledBy, role, dueAfterDays), ct),
            () => Redirect($"/counties/{County.Code}/flow-templates"), LoadAsync);
    }

    /// <summary>The form's rows as the API's request: an empty "handled by" is no step; a body that cannot be read is left for the check to name.</summary>
    private static TemplateRequest ToRequest(string? name, List<string>? handledBy, List<StepRole?>? role, List<int?>? dueAfterDays)
    {
        var steps = new List<TemplateStepRequest>();
        for (var i = 0; i < (handledBy ?? []).Count; i++)
        {
            var by = handledBy![i];
            if (string.IsNullOrWhiteSpace(by))
            {
                continue;
            }

            var fanOut = by is "council" or "municipalities";
            Guid? bodyId = fanOut ? null : Guid.TryParse(by, out var id) ? id : Guid.Empty;
            steps.Add(new TemplateStepRequest(bodyId, fanOut, role is not null && i < role.Count ? role[i] : null,
                dueAfterDays is not null && i < dueAfterDays.Count ? dueAfterDays[i] : null, by == "municipalities"));
        }

        return new TemplateRequest(name, steps);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == County.Id).OrderBy(t => t.Name).ToListAsync();
        Series = await db.CaseSeries.AsNoTracking().Where(s => s.CountyId == County.Id).OrderBy(s => s.Code).ToListAsync();
        Bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToDictionaryAsync(b => b.Id);
    }
}
