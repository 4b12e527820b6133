using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// A case: its facts, its flow step by step with every meeting and paragraph it passed, each council's decision in a step
/// for every council, its documents, and the forms the secretariat (or a party's official, for their own council) uses.
/// Each form posts to its own handler and shows its errors beside itself.
/// </summary>
public sealed class DetailsModel(AppDbContext db, CaseDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery]
    public string? Saved { get; set; }

    public Case Case { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, Body> Bodies { get; private set; } = new Dictionary<Guid, Body>();

    public IReadOnlyDictionary<Guid, IReadOnlyList<(Guid Id, string Name)>> CouncilParties { get; private set; } = new Dictionary<Guid, IReadOnlyList<(Guid Id, string Name)>>();

    public IReadOnlyDictionary<Guid, Meeting> Meetings { get; private set; } = new Dictionary<Guid, Meeting>();

    /// <summary>Meetings of each body from today on, to put a step on their agenda.</summary>
    public IReadOnlyDictionary<Guid, List<Meeting>> UpcomingByBody { get; private set; } = new Dictionary<Guid, List<Meeting>>();

    public IReadOnlyList<FlowTemplate> Templates { get; private set; } = [];

    /// <summary>Every meeting whose agenda carried the case, with the item's number and the paragraph that minuted it.</summary>
    public IReadOnlyList<(Meeting Meeting, AgendaItem Item, int? Paragraph)> Handled { get; private set; } = [];

    public (Guid Id, string CaseNumber, string Title)? Related { get; private set; }

    public IReadOnlyList<(Guid Id, string CaseNumber, string Title)> Followers { get; private set; } = [];

    public string? AgreementTitle { get; private set; }

    public string? DrafterName { get; private set; }

    public bool CanActFor(Guid partyId) => Access.CanActFor(County.Id, partyId);

    public string BodyName(Guid? id) => id is { } b && Bodies.TryGetValue(b, out var body) ? body.ShortName ?? body.Name : "–";

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostOutcomeAsync(Guid stepId, StepOutcome? outcome, DateOnly? decidedOn, string? reference) =>
        ChangeAsync("outcome", stepId, ct => desk.RecordOutcomeAsync(Id, stepId, new OutcomeRequest(outcome, decidedOn, reference, null), ct, County.Id), "outcome");

    public Task<IActionResult> OnPostCouncilAsync(Guid stepId, Guid? partyId, StepOutcome? outcome, DateOnly? decidedOn, string? reference) =>
        ChangeAsync("council", stepId, ct => desk.RecordOutcomeAsync(Id, stepId, new OutcomeRequest(outcome, decidedOn, reference, partyId), ct, County.Id), "council");

    public Task<IActionResult> OnPostAgendaAsync(Guid stepId, Guid? meetingId) =>
        ChangeAsync("agenda", stepId, ct => desk.PutOnAgendaAsync(Id, stepId, new AgendaRequest(meetingId, null), ct, County.Id), "agenda");

    public Task<IActionResult> OnPostRemoveStepAsync(Guid stepId) =>
        ChangeAsync("remove", stepId, ct => desk.RemoveStepAsync(Id, stepId, ct, County.Id), "removed");

    /// <summary>"council" and "municipalities" fan out to every party's or every municipality's council; otherwise a body's id.</summary>
    public Task<IActionResult> OnPostAddStepAsync(string? handledBy, StepRole? role, DateOnly? dueOn)
    {
        var fanOut = handledBy is "council" or "municipalities";
        var request = new StepRequest(fanOut ? null : Guid.TryParse(handledBy, out var body) ? body : null, fanOut, role, dueOn, null, handledBy == "municipalities");
        return ChangeAsync("step", null, ct => desk.AddStepAsync(Id, request, ct, County.Id), "step");
    }

    public Task<IActionResult> OnPostTemplateAsync(Guid? templateId) =>
        ChangeAsync("template", null, ct => desk.ApplyTemplateAsync(Id, new FlowRequest(templateId), ct, County.Id), "template");

    public Task<IActionResult> OnPostDocumentAsync(DocumentDirection? direction, string? counterpart, DateOnly? date, string? title, bool isPublic, string? secrecyReference,
        IFormFile? file) => ChangeAsync("document", null,
        ct => desk.AddDocumentAsync(Id, new DocumentRequest(direction, counterpart, date, title, isPublic, secrecyReference), file, ct, County.Id), "document");

    public Task<IActionResult> OnPostReplyAsync(DateOnly? sentOn, string? title, string? receiver) =>
        ChangeAsync("reply", null, ct => desk.SendReplyAsync(Id, new ReplyRequest(sentOn, title, receiver), ct, County.Id), "reply");

    public Task<IActionResult> OnPostCloseAsync(string? decisionText, string? reference, DateOnly? decidedOn) =>
        ChangeAsync("close", null, ct => desk.CloseAsync(Id, new CloseCaseRequest(decisionText, reference, decidedOn), ct, County.Id), "closed");

    public Task<IActionResult> OnPostWithdrawAsync(string? reason) =>
        ChangeAsync("withdraw", null, ct => desk.WithdrawAsync(Id, new WithdrawRequest(reason), ct, County.Id), "withdrawn");

    private async Task<IActionResult> ChangeAsync(string form, Guid? step, Func<CancellationToken, Task> change, string saved)
    {
        await LoadCountyAsync();
        return await ChangeAsync(form, change, () => Redirect($"/counties/{County.Code}/cases/{Id}?saved={saved}#{(step is { } s ? $"step-{s}" : form)}"),
            () => LoadAsync(), step);
    }

    public static string SavedText(string? saved) => saved switch
    {
        "registered" => "Ärendet är registrerat.",
        "outcome" => "Stegets utfall är registrerat.",
        "council" => "Fullmäktiges beslut är registrerat.",
        "agenda" => "Ärendet är uppsatt på föredragningslistan.",
        "removed" => "Steget är borttaget.",
        "step" => "Steget är tillagt.",
        "template" => "Mallens steg är tillagda.",
        "document" => "Handlingen är registrerad.",
        "reply" => "Remissvaret är registrerat som skickat.",
        "closed" => "Ärendet är avslutat.",
        "withdrawn" => "Ärendet är återkallat.",
        _ => string.Empty,
    };

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Case = await db.Cases.AsNoTracking().WithFlow().FirstOrDefaultAsync(c => c.Id == Id && c.CountyId == County.Id) ?? throw new NotFoundException("Ärendet finns inte i länet.");
        Bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToDictionaryAsync(b => b.Id);
        CouncilParties = await CaseCouncils.CouncilPartiesByStepAsync(db, Case, Case.Steps, HttpContext.RequestAborted);
        var meetingIds = Case.Steps.Where(s => s.MeetingId is not null).Select(s => s.MeetingId!.Value).ToList();
        Meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        var from = TimeSource.GetUtcNow().AddDays(-1);
        var stepBodies = Case.Steps.Where(s => s.BodyId is not null && s.Outcome is null).Select(s => s.BodyId!.Value).Distinct().ToList();
        var upcoming = await db.Meetings.AsNoTracking().Where(m => stepBodies.Contains(m.BodyId) && m.Status != MeetingStatus.Cancelled).ToListAsync();
        UpcomingByBody = upcoming.Where(m => m.StartsAt >= from).OrderBy(m => m.StartsAt).GroupBy(m => m.BodyId).ToDictionary(g => g.Key, g => g.Take(6).ToList());
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.CaseId == Id).ToListAsync();
        var itemIds = items.Select(i => i.Id).ToList();
        var itemMeetings = items.Select(i => i.MeetingId).Distinct().ToList();
        var handledMeetings = await db.Meetings.AsNoTracking().Where(m => itemMeetings.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        var paragraphs = await db.Minutes.AsNoTracking().SelectMany(m => m.Items).Where(i => i.AgendaItemId != null && itemIds.Contains(i.AgendaItemId.Value))
            .Select(i => new { AgendaItemId = i.AgendaItemId!.Value, i.Paragraph }).ToListAsync();
        Handled = items.Select(i => (handledMeetings[i.MeetingId], i, paragraphs.FirstOrDefault(p => p.AgendaItemId == i.Id)?.Paragraph))
            .OrderBy(h => h.Item1.StartsAt).ToList();
        Templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == County.Id).OrderBy(t => t.Name).ToListAsync();
        if (Case.RelatedCaseId is { } related)
        {
            // Read as an anonymous type: Npgsql cannot materialise a ValueTuple projection.
            var found = await db.Cases.AsNoTracking().Where(c => c.Id == related).Select(c => new { c.Id, c.CaseNumber, c.Title }).FirstOrDefaultAsync();
            Related = found is null ? null : (found.Id, found.CaseNumber, found.Title);
        }

        Followers = (await db.Cases.AsNoTracking().Where(c => c.RelatedCaseId == Id).Select(c => new { c.Id, c.CaseNumber, c.Title }).ToListAsync())
            .Select(c => (c.Id, c.CaseNumber, c.Title)).ToList();
        AgreementTitle = Case.AgreementId is { } a ? await db.Agreements.AsNoTracking().Where(x => x.Id == a).Select(x => x.Title).FirstOrDefaultAsync() : null;
        DrafterName = Case.DrafterPersonId is { } p ? await db.People.AsNoTracking().Where(x => x.Id == p).Select(x => x.FirstName + " " + x.LastName).FirstOrDefaultAsync() : null;
    }
}
