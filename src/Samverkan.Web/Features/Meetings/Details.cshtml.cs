using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// A meeting: its agenda, the notice (by the chair or the secretariat), the calendar invitation, moving and cancelling.
/// Each form posts to its own handler, changes through <see cref="MeetingPlanner"/> and shows its errors beside itself.
/// </summary>
public sealed class DetailsModel(AppDbContext db, MeetingPlanner planner, Access access, TimeProvider time, IOptions<SmtpOptions> smtp) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public Body Body { get; private set; } = null!;

    public DateOnly NoticeDeadline { get; private set; }

    public bool CanSendNotice { get; private set; }

    /// <summary>The meeting has been held: it can no longer be noticed, moved, cancelled or given agenda items; the minutes follow.</summary>
    public bool IsHeld { get; private set; }

    /// <summary>The secretariat edits, removes and reorders the agenda until the meeting is held.</summary>
    public bool CanEditAgenda => CanManage && !IsHeld && Meeting.Status != MeetingStatus.Cancelled;

    public int Recipients { get; private set; }

    public IReadOnlyList<AgendaDocument> Documents { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>For RUN AU's meetings: the agenda can be shared with the consultation forum's next meeting.</summary>
    public bool CanShareToForum { get; private set; }

    public Meeting? ForumMeeting { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetIcsAsync()
    {
        await LoadAsync();
        var ics = Calendar.Invitation(Meeting, Body.Name, smtp.Value.From, Notices.Recipients(Body, Meeting.StartsAt.SwedishDay()).Select(p => p.Email!), TimeSource.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"sammantrade-{Meeting.StartsAt.ToSwedish():yyyy-MM-dd}.ics");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId)
    {
        await LoadAsync();
        var document = Documents.FirstOrDefault(d => d.Id == documentId) ?? throw new NotFoundException("Handlingen finns inte.");
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Hash == document.Hash);
        return File(file.Content, document.ContentType, document.FileName);
    }

    public async Task<IActionResult> OnGetNoticePdfAsync()
    {
        await LoadAsync();
        return File(NoticeDocument.Pdf(Meeting, Body), "application/pdf", $"kallelse-{Meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    public Task<IActionResult> OnPostDocumentAsync(Guid itemId, IFormFile? file, bool isPublic) =>
        ChangeAsync("document", null, ct => planner.AddDocumentAsync(Id, itemId, file, isPublic, ct, County.Id), () => $"Handlingen \"{file!.FileName}\" är uppladdad.");

    public Task<IActionResult> OnPostItemAsync(string? title, string? caseReference, string? presenter, string? proposedDecision, string? topic) =>
        ChangeAsync("item", null, ct => planner.AddItemAsync(Id, new AgendaItemRequest(title, caseReference, presenter, proposedDecision, topic), ct, County.Id),
            () => "Ärendet är tillagt.");

    public Task<IActionResult> OnPostEditItemAsync(Guid itemId, string? title, string? caseReference, string? presenter, string? proposedDecision) =>
        ChangeAsync("edit", itemId, ct => planner.EditItemAsync(Id, itemId, new AgendaItemRequest(title, caseReference, presenter, proposedDecision), ct, County.Id),
            () => "Ärendet är ändrat.");

    public Task<IActionResult> OnPostRemoveItemAsync(Guid itemId) =>
        ChangeAsync("agenda", itemId, ct => planner.RemoveItemAsync(Id, itemId, ct, County.Id), () => "Ärendet är borttaget från föredragningslistan.");

    public Task<IActionResult> OnPostMoveItemAsync(Guid itemId, int step) =>
        ChangeAsync("agenda", itemId, ct => planner.MoveItemAsync(Id, itemId, step, ct, County.Id), () => "Ordningen är ändrad.");

    public Task<IActionResult> OnPostRescheduleAsync(DateOnly? date, TimeOnly? starts, TimeOnly? ends, string? location)
    {
        var noticed = false;
        return ChangeAsync("reschedule", null, async ct =>
            {
                var meeting = await planner.RescheduleAsync(Id, new RescheduleRequest(Clock.FromSwedish(date, starts), Clock.FromSwedish(date, ends), location), ct, County.Id);
                noticed = meeting.Status == MeetingStatus.NoticeSent;
            },
            () => noticed ? "Sammanträdet är flyttat och de kallade har fått en uppdaterad inbjudan." : "Sammanträdet är flyttat.");
    }

    public Task<IActionResult> OnPostNoticeAsync()
    {
        var count = 0;
        return ChangeAsync("notice", null, async ct => count = (await planner.SendNoticeAsync(Id, ct, County.Id)).Recipients,
            () => $"Kallelsen är skickad till {count} mottagare.");
    }

    /// <summary>RUN AU's agenda to the consultation forum's next meeting, in one action (seed 003); the forum's meeting is shown next.</summary>
    public Task<IActionResult> OnPostShareToForumAsync()
    {
        Meeting? target = null;
        return ChangeAsync("share", null, async ct => target = (await planner.ShareToForumAsync(Id, new ShareRequest(null), ct, County.Id)).Target,
            () => $"Föredragningslistan är delad till samrådets sammanträde {SwedishText.Date(target!.StartsAt.SwedishDay())}.", () => target!.Id);
    }

    public Task<IActionResult> OnPostCancelAsync()
    {
        var noticed = false;
        return ChangeAsync("cancel", null, async ct => noticed = (await planner.CancelAsync(Id, ct, County.Id)).WasNoticed,
            () => "Sammanträdet är inställt" + (noticed ? " och de kallade har fått besked." : "."));
    }

    private async Task<IActionResult> ChangeAsync(string form, Guid? item, Func<CancellationToken, Task> change, Func<string> message, Func<Guid>? next = null)
    {
        await LoadCountyAsync();
        return await ChangeAsync(form, change, () =>
        {
            TempData["Message"] = message();
            return Redirect($"/counties/{County.Code}/meetings/{next?.Invoke() ?? Id}");
        }, LoadAsync, item);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        (Meeting, Body) = await MeetingQueries.ReadAsync(db, Access, Id, HttpContext.RequestAborted);
        if (Meeting.CountyId != County.Id)
        {
            throw new NotFoundException("Sammanträdet finns inte i det här länet.");
        }

        NoticeDeadline = Meeting.StartsAt.SwedishDay().AddDays(-Body.Rules.NoticeDaysBefore);
        IsHeld = Meeting.EndsAt < TimeSource.GetUtcNow();
        CanSendNotice = !IsHeld && (CanManage || MeetingQueries.IsChairOf(Access.MembershipId, Body, Today));
        Recipients = Notices.Recipients(Body, Meeting.StartsAt.SwedishDay()).Count();
        Documents = await db.AgendaDocuments.AsNoTracking().Where(d => d.MeetingId == Meeting.Id).OrderBy(d => d.FileName).ToListAsync();
        (CanShareToForum, ForumMeeting) = await ForumSharing.OfferAsync(db, Meeting, Body, CanManage);
    }
}
