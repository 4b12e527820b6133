using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// An initiative's page: its state, the criteria and assessment, every party's stand, its money and ledger lines, and
/// the one form that fits its state (submit, prepare, stands and position, the region's decision, payments, closing).
/// Each form posts to its own handler, which calls <see cref="FundDesk"/>, and shows its refusal beside itself.
/// </summary>
public sealed class InitiativeModel(AppDbContext db, FundDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
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

    public string PartyName(Guid id) => Context.Agreement.Parties.FirstOrDefault(p => p.PartyId == id)?.Party?.Name ?? "–";

    public bool CanSubmit => Access.CanActFor(County.Id, Initiative.ProposingPartyId);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSubmitAsync() => ChangeAsync("submit", ct => desk.SubmitAsync(Id, ct, County.Id));

    /// <summary>
    /// The fund's criteria come as parallel lists: each criterion's text as the form showed it (so a list changed since
    /// is refused, not misfiled), the indexes of those met, and each one's comment.
    /// </summary>
    public Task<IActionResult> OnPostPrepareAsync(string? recommendation, string? assessment, List<string>? criterion, List<string>? met,
        List<string>? comment)
    {
        var answers = (criterion ?? []).Select((c, n) => new CriterionRequest(c, (met ?? []).Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            comment is not null && n < comment.Count ? comment[n] : null)).ToList();
        return ChangeAsync("prepare", ct => desk.PrepareAsync(Id, new PreparationRequest(recommendation, assessment, answers), ct, County.Id));
    }

    /// <summary>
    /// Every party's stand in one form, as read from the Council's minutes; empty means absent. When the initiative is
    /// taken up under a paragraph of the minutes, the stands are written there, as the paragraph's positions.
    /// </summary>
    public Task<IActionResult> OnPostStandsAsync(Dictionary<Guid, string>? stand, bool takePosition) =>
        ChangeAsync("stands", ct => desk.RecordStandsAsync(Id, stand ?? [], takePosition, ct, County.Id));

    public Task<IActionResult> OnPostCouncilAsync(Guid? minutesItemId) =>
        ChangeAsync("council", ct => desk.LinkCouncilAsync(Id, new CouncilItemRequest(minutesItemId), ct, County.Id));

    public Task<IActionResult> OnPostDecideAsync(decimal? amount, string? reference, DateOnly? decidedOn) =>
        ChangeAsync("decide", ct => desk.DecideAsync(Id, new DecisionRequest(amount, reference, decidedOn), ct, County.Id));

    public Task<IActionResult> OnPostDisburseAsync(decimal? amount, DateOnly? paidOn, string? reference) =>
        ChangeAsync("disburse", ct => desk.DisburseAsync(Id, new DisbursementRequest(amount, paidOn, reference), ct, County.Id));

    public Task<IActionResult> OnPostCloseAsync(string? finalReport, decimal? returned, DateOnly? closedOn, string? reference) =>
        ChangeAsync("close", ct => desk.CloseAsync(Id, new CloseRequest(finalReport, returned, closedOn, reference), ct, County.Id));

    public Task<IActionResult> OnPostOutcomeAsync(int? year, string? progress, string? results, decimal? business, decimal? state, decimal? eu,
        decimal? other, string? nextSteps) =>
        ChangeAsync("outcome", ct => desk.ReportOutcomeAsync(Id, new OutcomeReportRequest(year, progress, results, new LeverageInput(business, state, eu, other), nextSteps),
            ct, County.Id));

    private async Task<IActionResult> ChangeAsync(string form, Func<CancellationToken, Task> change)
    {
        await LoadCountyAsync();
        return await ChangeAsync(form, change, () => Redirect($"/counties/{County.Code}/initiatives/{Id}" + (form == "outcome" ? "#outcomes" : string.Empty)), LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Initiative = await FundQueries.LoadInitiativeAsync(db, Access, Id, HttpContext.RequestAborted);
        if (Initiative.CountyId != County.Id)
        {
            throw new NotFoundException("Satsningen finns inte i länet.");
        }

        Context = await FundQueries.LoadReadableAsync(db, Access, Initiative.FundId, HttpContext.RequestAborted);
        Goals = await FundQueries.GoalsAsync(db, County.Id, HttpContext.RequestAborted);
        Council = await CouncilItem.OfAsync(db, Initiative, HttpContext.RequestAborted);
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
}
