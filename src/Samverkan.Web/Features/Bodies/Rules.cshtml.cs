using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>The body's rules as a form (a new reglemente or arbetsordning), changed through <see cref="BodySetup"/> like PUT /bodies/{id}/rules.</summary>
public sealed class RulesModel(AppDbContext db, Access access, TimeProvider time, BodySetup setup) : BodyPageModel(db, access, time)
{
    [BindProperty]
    public BodyRulesForm Rules { get; set; } = new();

    [BindProperty]
    public int? Version { get; set; }

    public IReadOnlyList<Body> OtherBodies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        Rules = BodyRulesForm.From(Body.Rules);
        Version = Body.Version;
    }

    public Task<IActionResult> OnPostAsync() =>
        ChangeAsync("rules", ct => setup.ChangeRulesAsync(Id, Rules.ToRequest(), Version, ct, County.Id),
            () => "Reglerna är ändrade. Kontrollen av sammansättningen läser de nya reglerna från och med nu.", () => BodyPath(), LoadAsync);

    private async Task LoadAsync()
    {
        await LoadBodyAsync();
        OtherBodies = BodyQueries.Ordered(await Db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id && b.Id != Body.Id).ToListAsync(HttpContext.RequestAborted)).ToList();
    }
}
