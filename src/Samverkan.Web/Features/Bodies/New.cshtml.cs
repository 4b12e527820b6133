using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// A new body of the county: from a template (the source counties' bodies, copied into the form and changed there) or
/// from nothing; created through <see cref="BodySetup"/> like the API's POST /counties/{code}/bodies.
/// </summary>
public sealed class NewModel(AppDbContext db, Access access, TimeProvider time, BodySetup setup) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ShortName { get; set; }

    [BindProperty]
    public BodyKind? Kind { get; set; }

    [BindProperty]
    public Guid? AgreementId { get; set; }

    [BindProperty]
    public Guid? OwnerPartyId { get; set; }

    [BindProperty]
    public Guid? ParentBodyId { get; set; }

    [BindProperty]
    public DateOnly? TermStartsOn { get; set; }

    [BindProperty]
    public DateOnly? TermEndsOn { get; set; }

    [BindProperty]
    public BodyRulesForm Rules { get; set; } = new();

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        if (BodyTemplates.Find(Template) is { } template)
        {
            (Name, ShortName, Kind) = (template.Name, template.ShortName, template.Kind);
            Rules = BodyRulesForm.From(BodyTemplates.AsRequest(template, kind => Bodies.FirstOrDefault(b => b.Kind == kind)?.Id));
        }
        else
        {
            Rules = BodyRulesForm.From(BodyRulesRequest.Defaults);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        Body? created = null;
        return await ChangeAsync("body", async ct => created = await setup.CreateAsync(County.Id,
                new CreateBodyRequest(Name, ShortName, Kind, AgreementId, OwnerPartyId, ParentBodyId, TermStartsOn, TermEndsOn, Rules.ToRequest()), ct),
            () =>
            {
                TempData["Message"] = $"{created!.Name} är inrättat. Utse ledamöterna under Ledamöter.";
                return Redirect($"/counties/{County.Code}/bodies/{created.Id}");
            }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Bodies = BodyQueries.Ordered(await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToListAsync(HttpContext.RequestAborted)).ToList();
        Agreements = await db.Agreements.AsNoTracking().Where(a => a.CountyId == County.Id).OrderBy(a => a.Title).ToListAsync(HttpContext.RequestAborted);
        Parties = await CountyQueries.PartiesAsync(db, County.Id);
    }
}
