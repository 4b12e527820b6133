using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>The county's funds with their balances.</summary>
public sealed class IndexModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<(Fund Fund, FundBalances Balances)> Funds { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        var funds = await db.Funds.AsNoTracking().Where(f => f.CountyId == County.Id).ToListAsync();
        var balances = await FundSums.BalancesAsync(db, funds.Select(f => f.Id).ToList(), HttpContext.RequestAborted);
        Funds = funds.OrderBy(f => f.Name).Select(f => (f, balances[f.Id])).ToList();
    }
}

/// <summary>The fund page: validity, its definition (criteria, goals), sources, balances, initiatives, a party's proposal, and the secretariat's edit form.</summary>
public sealed class DetailsModel(AppDbContext db, FundDesk desk, Infrastructure.Caching.SharedReads shared, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public const string EditForm = "edit";

    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    /// <summary>The fund's definition in the edit form: as stored, or as posted when the change was refused.</summary>
    [BindProperty]
    public FundForm Definition { get; set; } = new();

    /// <summary>The goals the fund's definition sets out, in order.</summary>
    public IReadOnlyList<CountyGoal> FundGoals { get; private set; } = [];

    public IReadOnlyList<Party> CountyParties { get; private set; } = [];

    public string? DecidingPartyName { get; private set; }

    private bool editing;

    public FundContext Context { get; private set; } = null!;

    /// <summary>The balances and each initiative's money, summed in the database: the page never loads the ledger.</summary>
    public FundSums Sums { get; private set; } = null!;

    public IReadOnlyList<Initiative> Initiatives { get; private set; } = [];

    public IReadOnlyList<Party> ProposableParties { get; private set; } = [];

    public IReadOnlyList<CountyGoal> Goals { get; private set; } = [];

    /// <summary>Outcome reports past their due date, per initiative.</summary>
    public IReadOnlyList<(Initiative Initiative, int Year)> OverdueReports =>
        Initiatives.SelectMany(i => i.OverdueReportYears(Today).Select(y => (i, y))).OrderBy(x => x.y).ThenBy(x => x.i.Title, StringComparer.Ordinal).ToList();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostProposeAsync()
    {
        await LoadCountyAsync();
        var request = new ProposeInitiativeRequest(Input.Title, Input.Purpose, Input.Budget, Input.PartyId, Input.StartsOn, Input.EndsOn, Input.GoalIds,
            new LeverageInput(Input.PlannedBusiness, Input.PlannedState, Input.PlannedEu, Input.PlannedOther), Input.RecipientName,
            Input.RecipientOrganisationNumber, Input.ContactName, Input.ContactEmail);
        Guid? created = null;
        return await ChangeAsync("propose", async ct => created = (await desk.ProposeAsync(Id, request, ct, County.Id)).Initiative.Id,
            () => Redirect($"/counties/{County.Code}/initiatives/{created}"), LoadAsync);
    }

    /// <summary>Changes the fund's definition; a refusal shows the posted values again beside their messages.</summary>
    public async Task<IActionResult> OnPostEditAsync()
    {
        await LoadCountyAsync();
        editing = true;
        return await ChangeAsync(EditForm, ct => desk.UpdateFundAsync(Id, Definition.ToRequest(), ct, County.Id),
            () => Redirect($"/counties/{County.Code}/funds/{Id}"), LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Context = await FundQueries.LoadReadableAsync(db, Access, Id, HttpContext.RequestAborted, withLedger: false);
        if (Context.Fund.CountyId != County.Id)
        {
            throw new NotFoundException("Fonden finns inte i länet.");
        }

        Sums = await FundSums.SharedAsync(shared, db, Id, HttpContext.RequestAborted);

        Initiatives = await db.Initiatives.AsNoTracking().Include(i => i.OutcomeReports).Where(i => i.FundId == Id).ToListAsync();
        Goals = await FundQueries.GoalsAsync(db, County.Id, HttpContext.RequestAborted, Id);
        FundGoals = Goals.Where(g => g.FundId == Id).ToList();
        DecidingPartyName = Context.Fund.DecidingPartyId is { } decider
            ? Context.Agreement.Parties.FirstOrDefault(p => p.PartyId == decider)?.Party?.Name
                ?? await db.Parties.AsNoTracking().Where(p => p.Id == decider).Select(p => p.Name).FirstOrDefaultAsync()
            : null;
        if (CanManage)
        {
            CountyParties = CountyQueries.Ordered(await CountyQueries.PartiesAsync(db, County.Id, HttpContext.RequestAborted)).ToList();
            if (!editing)
            {
                Definition = FundForm.From(Context.Fund, FundGoals);
            }
        }

        ProposableParties = Context.Agreement.Parties.Select(p => p.Party!).Where(p => Access.CanActFor(County.Id, p.Id))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Create(SwedishText.Culture, false)).ToList();
    }
}

public sealed class ProposalForm
{
    public Guid? PartyId { get; set; }

    public string? Title { get; set; }

    public string? Purpose { get; set; }

    public decimal? Budget { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public List<Guid> GoalIds { get; set; } = [];

    public decimal? PlannedBusiness { get; set; }

    public decimal? PlannedState { get; set; }

    public decimal? PlannedEu { get; set; }

    public decimal? PlannedOther { get; set; }

    public string? RecipientName { get; set; }

    public string? RecipientOrganisationNumber { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }
}
