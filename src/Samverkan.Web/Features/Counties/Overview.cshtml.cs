using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

/// <summary>The county start page: where each agreement stands, the bodies and whether they are composed by the rules, what needs attention.</summary>
public sealed class OverviewModel(AppDbContext db, Tasks.WorkList work, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    /// <summary>The signed-in person's own tasks (the secretariat's attention list is shown below as it is).</summary>
    public IReadOnlyList<Tasks.WorkItem> MyTasks { get; private set; } = [];

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public Dictionary<Guid, int> Violations { get; } = [];

    public List<(string Text, string Link)> Attention { get; } = [];

    /// <summary>Each open case's current step: what each body and the parties' councils have waiting.</summary>
    public IReadOnlyList<Cases.WaitingStep> Waiting { get; private set; } = [];

    public string RegionName { get; private set; } = "regionen";

    public int MunicipalityCount { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        var parties = await CountyQueries.PartiesAsync(db, County.Id);
        RegionName = parties.FirstOrDefault(p => p.Kind == PartyKind.Region)?.Name ?? RegionName;
        MunicipalityCount = parties.Count(p => p.Kind == PartyKind.Municipality);
        Agreements = (await db.Agreements.AsNoTracking().WithDetails().Where(a => a.CountyId == County.Id).ToListAsync())
            .OrderBy(a => a.ValidFrom).ToList();
        Bodies = BodyQueries.Ordered(await db.Bodies.AsNoTracking().WithMembers().Where(b => b.CountyId == County.Id).ToListAsync()).ToList();

        MyTasks = (await work.ForAsync(User, HttpContext.RequestAborted)).Where(t => t.Kind != Tasks.WorkList.Attention).ToList();
        Attention.AddRange(await work.AttentionAsync(County, HttpContext.RequestAborted));
        Waiting = await Cases.CaseRegister.WaitingAsync(db, County.Id, HttpContext.RequestAborted);
        var composition = await BodyQueries.CompositionContextAsync(db, County.Id);
        foreach (var body in Bodies)
        {
            Violations[body.Id] = composition.Check(body, Today).Count;
        }
    }
}
