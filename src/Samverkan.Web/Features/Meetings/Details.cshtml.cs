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

/// <summary>A meeting: its agenda, the notice (by the chair or the secretariat), the calendar invitation, cancelling.</summary>
public sealed class DetailsModel(AppDbContext db, Access access, TimeProvider time, IOptions<SmtpOptions> smtp) : CountyPageModel(access, time)
{
    private readonly TimeProvider clock = time;

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

    public List<string> Errors { get; } = [];

    public IReadOnlyList<AgendaDocument> Documents { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetIcsAsync()
    {
        await LoadAsync();
        var ics = Calendar.Invitation(Meeting, Body.Name, smtp.Value.From, Notices.Recipients(Body, Meeting.StartsAt.SwedishDay()).Select(p => p.Email!), clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"sammantrade-{Meeting.StartsAt.ToSwedish():yyyy-MM-dd}.ics");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId)
    {
        await LoadAsync();
        var document = Documents.FirstOrDefault(d => d.Id == documentId) ?? throw new NotFoundException("Handlingen finns inte.");
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Hash == document.Hash);
        return File(file.Content, document.ContentType, document.FileName);
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid itemId, IFormFile? file, bool isPublic)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            await Meetings.Documents.AddFromFormAsync(db, Meeting, itemId, file, isPublic, Access.UserName);
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        TempData["Message"] = $"Handlingen \"{file!.FileName}\" är uppladdad.";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    public async Task<IActionResult> OnGetNoticePdfAsync()
    {
        await LoadAsync();
        return File(NoticeDocument.Pdf(Meeting, Body), "application/pdf", $"kallelse-{Meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    public async Task<IActionResult> OnPostItemAsync(string title, string? caseReference, string? presenter, string? proposedDecision, MandatoryTopic? topic)
    {
        var caseId = await AgendaChanges.CaseIdAsync(db, CountyCode, caseReference, HttpContext.RequestAborted);
        return await ChangeAsync(() =>
        {
            var item = Meeting.AddAgendaItem(title, caseReference, presenter, proposedDecision, topic);
            if (caseId is { } id)
            {
                Meeting.LinkAgendaItemToCase(item.Id, id, item.CaseReference!);
            }

            Notices.SendUpdate(db, clock, smtp.Value, Meeting, Body);
        }, "Ärendet är tillagt.", manage: true);
    }

    public async Task<IActionResult> OnPostEditItemAsync(Guid itemId, string? title, string? caseReference, string? presenter, string? proposedDecision)
    {
        var caseId = await AgendaChanges.CaseIdAsync(db, CountyCode, caseReference, HttpContext.RequestAborted);
        return await ChangeAsync(() =>
        {
            Meeting.EditAgendaItem(itemId, title ?? string.Empty, caseReference, presenter, proposedDecision);
            if (caseId is { } id)
            {
                Meeting.LinkAgendaItemToCase(itemId, id, caseReference!.Trim());
            }

            Notices.SendUpdate(db, clock, smtp.Value, Meeting, Body);
        }, "Ärendet är ändrat.", manage: true);
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid itemId) =>
        await ChangeAsync(() =>
        {
            Meeting.RemoveAgendaItem(itemId);
            Notices.SendUpdate(db, clock, smtp.Value, Meeting, Body);
        }, "Ärendet är borttaget från föredragningslistan.", manage: true);

    public async Task<IActionResult> OnPostMoveItemAsync(Guid itemId, int step) =>
        await ChangeAsync(() =>
        {
            Meeting.MoveAgendaItem(itemId, step);
            Notices.SendUpdate(db, clock, smtp.Value, Meeting, Body);
        }, "Ordningen är ändrad.", manage: true);

    public async Task<IActionResult> OnPostRescheduleAsync(DateOnly? date, TimeOnly? starts, TimeOnly? ends, string? location)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        if (date is null || starts is null || ends is null || string.IsNullOrWhiteSpace(location))
        {
            Errors.Add("Ange datum, tider och plats.");
            return Page();
        }

        return await ChangeAsync(() =>
        {
            Meeting.Reschedule(Clock.FromSwedish(date.Value, starts.Value), Clock.FromSwedish(date.Value, ends.Value), location);
            Notices.SendUpdate(db, clock, smtp.Value, Meeting, Body);
        }, Meeting.Status == MeetingStatus.NoticeSent ? "Sammanträdet är flyttat och de kallade har fått en uppdaterad inbjudan." : "Sammanträdet är flyttat.", manage: false);
    }

    public async Task<IActionResult> OnPostNoticeAsync()
    {
        await LoadAsync();
        if (!CanSendNotice)
        {
            throw new ForbiddenException("Kallelsen skickas av ordföranden eller av sekretariatet för ordföranden.");
        }

        var count = 0;
        return await ChangeAsync(() => count = Notices.Send(db, clock, smtp.Value, Meeting, Body, Access.UserName), null, manage: false,
            () => $"Kallelsen är skickad till {count} mottagare.");
    }

    /// <summary>RUN AU's agenda to the consultation forum's next meeting, in one action (seed 003).</summary>
    public async Task<IActionResult> OnPostShareToForumAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            var target = await ForumSharing.ShareAsync(db, Meeting, null, HttpContext.RequestAborted);
            TempData["Message"] = $"Föredragningslistan är delad till samrådets sammanträde {SwedishText.Date(target.StartsAt.SwedishDay())}.";
            return RedirectToPage(new { countyCode = County.Code, id = target.Id });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        var noticed = Meeting.Status == MeetingStatus.NoticeSent;
        return await ChangeAsync(() =>
        {
            Meeting.Cancel();
            if (noticed)
            {
                Notices.SendCancellation(db, clock, smtp.Value, Meeting, Body);
            }
        }, "Sammanträdet är inställt" + (noticed ? " och de kallade har fått besked." : "."), manage: false);
    }

    private async Task<IActionResult> ChangeAsync(Action change, string? message, bool manage, Func<string>? later = null)
    {
        if (Meeting is null)
        {
            await LoadAsync();
        }

        if (manage)
        {
            Access.EnsureManage(County.Id);
        }

        try
        {
            await AgendaChanges.SaveAsync(db, Meeting!, change);
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        TempData["Message"] = message ?? later?.Invoke();
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        // Showing the page only reads; a form's handler loads the meeting to change it.
        (Meeting, Body) = HttpMethods.IsGet(Request.Method)
            ? await MeetingQueries.ReadAsync(db, Access, Id, HttpContext.RequestAborted)
            : await MeetingQueries.LoadAsync(db, Access, Id, HttpContext.RequestAborted);
        if (Meeting.CountyId != County.Id)
        {
            throw new NotFoundException("Sammanträdet finns inte i det här länet.");
        }

        NoticeDeadline = Meeting.StartsAt.SwedishDay().AddDays(-Body.Rules.NoticeDaysBefore);
        IsHeld = Meeting.EndsAt < clock.GetUtcNow();
        CanSendNotice = !IsHeld && (CanManage || MeetingQueries.IsChairOf(User, Body, Today));
        Recipients = Notices.Recipients(Body, Meeting.StartsAt.SwedishDay()).Count();
        Documents = await db.AgendaDocuments.AsNoTracking().Where(d => d.MeetingId == Meeting.Id).OrderBy(d => d.FileName).ToListAsync();
        (CanShareToForum, ForumMeeting) = await ForumSharing.OfferAsync(db, Meeting, Body, CanManage);
    }

    /// <summary>For RUN AU's meetings: the agenda can be shared with the consultation forum's next meeting.</summary>
    public bool CanShareToForum { get; private set; }

    public Meeting? ForumMeeting { get; private set; }
}
