using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>The county's flow templates; the secretariat adds one with up to eight steps in one plain form.</summary>
public sealed class TemplatesModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public const int Rows = 8;

    public IReadOnlyList<FlowTemplate> Templates { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Body> Bodies { get; private set; } = new Dictionary<Guid, Body>();

    public List<string> Errors { get; } = [];

    public string Handler(FlowTemplateStep step) =>
        step.EveryPartyCouncil ? (step.MunicipalitiesOnly ? "Varje kommuns fullmäktige" : "Varje parts fullmäktige")
        : step.BodyId is { } b && Bodies.TryGetValue(b, out var body) ? BodyLabels.Title(body) : "–";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? name, List<string>? handledBy, List<StepRole?>? role, List<int?>? dueAfterDays)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            var template = new FlowTemplate(County.Id, name ?? string.Empty);
            for (var i = 0; i < (handledBy ?? []).Count; i++)
            {
                var by = handledBy![i];
                if (string.IsNullOrWhiteSpace(by))
                {
                    continue;
                }

                var fanOut = by is "council" or "municipalities";
                Guid? bodyId = fanOut ? null : Guid.TryParse(by, out var id) && Bodies.ContainsKey(id) ? id : throw new DomainRuleException("StepBody", $"Steg {i + 1}: välj ett organ i länet.");
                var stepRole = role is not null && i < role.Count && role[i] is { } r ? r : throw new DomainRuleException("StepRole", $"Steg {i + 1}: välj roll.");
                try
                {
                    template.AddStep(bodyId, fanOut, stepRole, dueAfterDays is not null && i < dueAfterDays.Count ? dueAfterDays[i] : null, by == "municipalities",
                        bodyId is { } b ? Bodies[b] : null);
                }
                catch (DomainRuleException e)
                {
                    throw new DomainRuleException(e.Rule, $"Steg {i + 1}: {e.Message}");
                }
            }

            if (template.Steps.Count == 0)
            {
                throw new DomainRuleException("TemplateSteps", "Mallen behöver minst ett steg.");
            }

            db.FlowTemplates.Add(template);
            await db.SaveChangesAsync();
            return Redirect($"/counties/{County.Code}/flow-templates");
        }
        catch (Exception e) when (e is DomainRuleException or InputValidationException)
        {
            db.ChangeTracker.Clear();
            Errors.AddRange(e is InputValidationException v ? v.Errors.SelectMany(x => x.Value) : [e.Message]);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == County.Id).OrderBy(t => t.Name).ToListAsync();
        Bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToDictionaryAsync(b => b.Id);
    }
}
