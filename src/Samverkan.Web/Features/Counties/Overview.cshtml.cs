using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Features.Tasks;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

/// <summary>The county start page: where each agreement stands, the bodies and whether they are composed by the rules, what needs attention.</summary>
public sealed class OverviewModel(AppDbContext db, Tasks.WorkList work, Infrastructure.Caching.SharedReads shared, Access access, TimeProvider time)
    : CountyPageModel(access, time)
{
    /// <summary>The signed-in person's own tasks (the secretariat's attention list is shown below as it is).</summary>
    public IReadOnlyList<Tasks.WorkItem> MyTasks { get; private set; } = [];

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Violations { get; private set; } = new Dictionary<Guid, int>();

    public List<(string Text, string Link)> Attention { get; } = [];

    /// <summary>Each open case's current step: what each body and the parties' councils have waiting.</summary>
    public IReadOnlyList<Cases.WaitingStep> Waiting { get; private set; } = [];

    public string RegionName { get; private set; } = "regionen";

    public int MunicipalityCount { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        var county = await shared.GetAsync($"overview:{County.Id}:{Today:yyyy-MM-dd}", () => ReadCountyAsync(County.Id, Today));
        (RegionName, MunicipalityCount, Agreements, Bodies, Violations, Waiting) = county;
        MyTasks = (await work.ForAsync(User, HttpContext.RequestAborted)).Where(t => t.Kind != Tasks.WorkList.Attention).ToList();
        Attention.AddRange(await work.AttentionAsync(County, HttpContext.RequestAborted));
    }

    /// <summary>
    /// What the start page shows of the county, the same for every reader: read once per change of data and day and
    /// shared (the entities are read without tracking and only shown, never changed).
    /// </summary>
    private sealed record CountyOverview(string RegionName, int MunicipalityCount, IReadOnlyList<Agreement> Agreements, IReadOnlyList<Body> Bodies,
        IReadOnlyDictionary<Guid, int> Violations, IReadOnlyList<Cases.WaitingStep> Waiting);

    private async Task<CountyOverview> ReadCountyAsync(Guid countyId, DateOnly today)
    {
        var parties = await CountyQueries.PartiesAsync(db, countyId);
        var (agreements, bodies) = await CountyAttention.RecordsAsync(shared, db, countyId, HttpContext.RequestAborted);
        var waiting = await Cases.CaseSearch.WaitingAsync(db, countyId, HttpContext.RequestAborted);
        var composition = await BodyQueries.CompositionContextAsync(db, countyId);
        return new(parties.FirstOrDefault(p => p.Kind == PartyKind.Region)?.Name ?? "regionen", parties.Count(p => p.Kind == PartyKind.Municipality),
            agreements, bodies, bodies.ToDictionary(b => b.Id, b => composition.Check(b, today).Count), waiting);
    }
}
