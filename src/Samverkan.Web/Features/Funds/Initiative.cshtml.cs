using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// An initiative's page: its state, the criteria and assessment, every party's stand, its money and ledger lines, and
/// the one form that fits its state (submit, prepare, stands and position, the region's decision, payments, closing).
/// Each form posts to its own handler and shows its own errors.
/// </summary>
public sealed class InitiativeModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public Initiative Initiative { get; private set; } = null!;

    public FundContext Context { get; private set; } = null!;

    public IReadOnlyList<CountyGoal> Goals { get; private set; } = [];

    /// <summary>The years a report may be written for now: owed, begun, and not yet reported.</summary>
    public IReadOnlyList<int> ReportableYears => Initiative.ReportYears()
        .Where(y => y <= Today.Year && Initiative.OutcomeReports.All(r => r.Year != y)).ToList();

    public string? ErrorForm { get; private set; }

    public List<string> Errors { get; } = [];

    public string PartyName(Guid id) => Context.Agreement.Parties.FirstOrDefault(p => p.PartyId == id)?.Party?.Name ?? "–";

    public bool CanSubmit => Access.CanActFor(County.Id, Initiative.ProposingPartyId);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSubmitAsync() => ChangeAsync("submit", () =>
    {
        Access.EnsureActFor(County.Id, Initiative.ProposingPartyId);
        Initiative.Submit();
    });

    public Task<IActionResult> OnPostPrepareAsync(string? recommendation, string? assessment, List<string>? criterion, List<string>? met,
        List<string>? comment) => ChangeAsync("prepare", () =>
    {
        Access.EnsureManage(County.Id);
        var names = criterion ?? [];
        var answers = names.Select((c, n) => new CriterionAnswer(c, (met ?? []).Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            comment is not null && n < comment.Count ? comment[n] : null)).ToList();
        Initiative.Prepare(recommendation == "reject" ? Recommendation.Reject : Recommendation.Grant, assessment ?? string.Empty, answers);
    });

    /// <summary>Every party's stand in one form, as read from the Council's minutes; empty means absent.</summary>
    public Task<IActionResult> OnPostStandsAsync(Dictionary<Guid, string>? stand, bool takePosition) => ChangeAsync("stands", () =>
    {
        Access.EnsureManage(County.Id);
        foreach (var (party, value) in stand ?? [])
        {
            if (value is "support" or "object")
            {
                Initiative.RecordStand(party, value == "support" ? PartyPosition.Agree : PartyPosition.Object, null, Context.PartyIds);
            }
        }

        if (takePosition)
        {
            Initiative.TakePosition(Context.PartyIds, Today);
        }
    });

    public Task<IActionResult> OnPostDecideAsync(decimal? amount, string? reference, DateOnly? decidedOn) => ChangeAsync("decide", () =>
    {
        Access.EnsureManage(County.Id);
        Initiative.Decide(Context.Fund, amount ?? 0m, reference ?? string.Empty, decidedOn ?? Today, FundQueries.Who(HttpContext), Context.ValidityOn(Today));
    });

    public Task<IActionResult> OnPostDisburseAsync(decimal? amount, DateOnly? paidOn, string? reference) => ChangeAsync("disburse", () =>
    {
        Access.EnsureManage(County.Id);
        Initiative.Disburse(Context.Fund, amount ?? 0m, paidOn ?? Today, string.IsNullOrWhiteSpace(reference) ? "Utbetalning" : reference, FundQueries.Who(HttpContext));
    });

    public Task<IActionResult> OnPostCloseAsync(string? finalReport, decimal? returned, DateOnly? closedOn, string? reference) => ChangeAsync("close", () =>
    {
        Access.EnsureManage(County.Id);
        Initiative.Close(Context.Fund, closedOn ?? Today, finalReport ?? string.Empty, returned ?? 0m,
            string.IsNullOrWhiteSpace(reference) ? "Avslut" : reference, FundQueries.Who(HttpContext));
    });

    public Task<IActionResult> OnPostOutcomeAsync(int? year, string? progress, string? results, decimal? business, decimal? state, decimal? eu,
        decimal? other, string? nextSteps) => ChangeAsync("outcome", () =>
    {
        Access.EnsureManage(County.Id);
        Initiative.ReportOutcome(year ?? 0, progress ?? string.Empty, results ?? string.Empty,
            new Leverage(business ?? 0m, state ?? 0m, eu ?? 0m, other ?? 0m), nextSteps ?? string.Empty, Today, FundQueries.Who(HttpContext));
    });

    private async Task<IActionResult> ChangeAsync(string form, Action change)
    {
        try
        {
            await ConflictRetry.RunAsync(db, async () =>
            {
                await LoadAsync(tracking: true);
                change();
                await db.SaveChangesAsync();
                return true;
            }, HttpContext.RequestAborted);
            return Redirect($"/counties/{County.Code}/initiatives/{Id}" + (form == "outcome" ? "#outcomes" : string.Empty));
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            ErrorForm = form;
            Errors.Add(e.Message);
            return Page();
        }
    }

    private async Task LoadAsync(bool tracking = false)
    {
        await LoadCountyAsync();
        Initiative = await FundQueries.LoadInitiativeAsync(db, Access, Id, HttpContext.RequestAborted, tracking);
        if (Initiative.CountyId != County.Id)
        {
            throw new NotFoundException("Satsningen finns inte i länet.");
        }

        Context = await FundQueries.LoadReadableAsync(db, Access, Initiative.FundId, HttpContext.RequestAborted, tracking);
        Goals = await FundQueries.GoalsAsync(db, County.Id, HttpContext.RequestAborted);
    }

    public static readonly string[] Criteria =
    [
        "Har betydelse för hela länet",
        "Går utöver en enskild parts ansvar",
        "Utgår från länets strategi (vision, mål, prioriteringar) eller trafikförsörjningsprogrammets mål",
        "Medfinansiering eller hävstång (önskvärt, inte krav)",
    ];
}
