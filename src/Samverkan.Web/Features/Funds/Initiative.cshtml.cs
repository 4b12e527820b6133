using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
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

    /// <summary>The paragraph of the Council's minutes the initiative is taken up under, if any.</summary>
    public CouncilItem? Council { get; private set; }

    /// <summary>Recommendations in the Council's draft minutes that a prepared initiative may be taken up under.</summary>
    public IReadOnlyList<(Guid ItemId, string Label)> CouncilItems { get; private set; } = [];

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

    /// <summary>
    /// Every party's stand in one form, as read from the Council's minutes; empty means absent. When the initiative is
    /// taken up under a paragraph of the minutes, the stands are written there, as the paragraph's positions.
    /// </summary>
    public Task<IActionResult> OnPostStandsAsync(Dictionary<Guid, string>? stand, bool takePosition) => ChangeAsync("stands", () =>
    {
        Access.EnsureManage(County.Id);
        foreach (var (party, value) in stand ?? [])
        {
            if (value is not ("support" or "object"))
            {
                continue;
            }

            var position = value == "support" ? PartyPosition.Agree : PartyPosition.Object;
            if (Council is null)
            {
                Initiative.RecordStand(party, position, null, Context.PartyIds);
            }
            else if (Context.PartyIds.Contains(party) && Initiative.Status == InitiativeStatus.Prepared)
            {
                Council.Minutes.RecordPosition(Council.Item.Id, party, position, null);
            }
        }

        if (takePosition)
        {
            Initiative.TakePosition(Context.PartyIds, Today, Council?.Positions);
        }
    });

    public Task<IActionResult> OnPostCouncilAsync(Guid? minutesItemId) => ChangeAsync("council", async () =>
    {
        Access.EnsureManage(County.Id);
        await CouncilItem.LinkAsync(db, Access, Initiative, minutesItemId ?? Guid.Empty, HttpContext.RequestAborted);
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

    private Task<IActionResult> ChangeAsync(string form, Action change) => ChangeAsync(form, () =>
    {
        change();
        return Task.CompletedTask;
    });

    private async Task<IActionResult> ChangeAsync(string form, Func<Task> change)
    {
        try
        {
            await ConflictRetry.RunAsync(db, async () =>
            {
                await LoadAsync(tracking: true);
                await change();
                await db.SaveChangesAsync();
                return true;
            }, HttpContext.RequestAborted);
            return Redirect($"/counties/{County.Code}/initiatives/{Id}" + (form == "outcome" ? "#outcomes" : string.Empty));
        }
        catch (Exception e) when (e is DomainRuleException or InputValidationException)
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
        Council = await CouncilItem.OfAsync(db, Initiative, HttpContext.RequestAborted, tracking);
        if (Initiative.Status == InitiativeStatus.Prepared && Council is null && CanManage)
        {
            var councils = await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id && b.Kind == BodyKind.CountyCouncil)
                .ToDictionaryAsync(b => b.Id, b => b.Name);
            var meetings = await db.Meetings.AsNoTracking().Where(m => councils.Keys.Contains(m.BodyId))
                .ToDictionaryAsync(m => m.Id, m => councils[m.BodyId] + " " + SwedishText.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.StartsAt, Clock.Sweden).DateTime)));
            var minutes = await db.Minutes.AsNoTracking().Include(m => m.Items)
                .Where(m => meetings.Keys.Contains(m.MeetingId) && (m.Status == MinutesStatus.Draft)).ToListAsync();
            var taken = await db.Initiatives.Where(i => i.CountyId == County.Id && i.CouncilMinutesItemId != null).Select(i => i.CouncilMinutesItemId!.Value).ToListAsync();
            CouncilItems = minutes.SelectMany(m => m.Items.Where(i => i.Kind == DecisionKind.Recommendation && !taken.Contains(i.Id))
                    .Select(i => (i.Id, $"{meetings[m.MeetingId]} § {i.Paragraph} {i.Title}")))
                .OrderBy(x => x.Item2, StringComparer.Ordinal).ToList();
        }
    }

    public static readonly string[] Criteria =
    [
        "Har betydelse för hela länet",
        "Går utöver en enskild parts ansvar",
        "Utgår från länets strategi (vision, mål, prioriteringar) eller trafikförsörjningsprogrammets mål",
        "Medfinansiering eller hävstång (önskvärt, inte krav)",
    ];
}
