using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>"Ny fond": the secretariat sets a fund up under a supplement to one of the county's agreements, through <see cref="FundDesk"/>.</summary>
public sealed class NewModel(AppDbContext db, FundDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public const string Form = "fund";

    [BindProperty]
    public FundForm Input { get; set; } = new();

    /// <summary>Every supplement of the county's agreements, labelled with its agreement.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Supplements { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    /// <summary>The county's newest agreement, where a supplement is added when there is none.</summary>
    public Guid? FirstAgreementId { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.SupplementId = Supplements.Count > 0 ? Supplements[0].Id : null;
        Input.DecidingPartyId = Parties.FirstOrDefault(p => p.Kind == PartyKind.Region)?.Id;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadCountyAsync();
        Guid? created = null;
        return await ChangeAsync(Form, async ct => created = (await desk.CreateFundAsync(County.Code, Input.ToRequest(), ct)).Fund.Id,
            () => Redirect($"/counties/{County.Code}/funds/{created}"), LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Supplements).Where(a => a.CountyId == County.Id).ToListAsync();
        FirstAgreementId = agreements.OrderByDescending(a => a.ValidFrom).FirstOrDefault()?.Id;
        Supplements = agreements.SelectMany(a => a.Supplements.Select(s => (s.Id, $"{s.Title} ({a.Title})")))
            .OrderBy(s => s.Item2, StringComparer.Create(Domain.Common.SwedishText.Culture, false)).ToList();
        Parties = CountyQueries.Ordered(await CountyQueries.PartiesAsync(db, County.Id, HttpContext.RequestAborted)).ToList();
    }
}
