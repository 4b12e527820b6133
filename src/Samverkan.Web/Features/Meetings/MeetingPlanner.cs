using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// Every change of a meeting and its agenda, for the body's and the meeting's pages and the API alike: planning,
/// moving and cancelling a meeting, its agenda items and documents, the notice, a member's request for an extra meeting
/// and sharing RUN AU's agenda with the forum. Each use case loads the meeting tracked, checks access through
/// <see cref="Access"/>, checks the input (the same Swedish messages on both), calls the domain, tells those already
/// summoned about a change, and saves under <see cref="ConflictRetry"/>.
/// </summary>
public sealed class MeetingPlanner(AppDbContext db, Access access, TimeProvider time, IOptions<SmtpOptions> smtp)
{
    private DateOnly Today => time.TodayInSweden();

    /// <summary>Plans a meeting of a body; an extra meeting answers the body's open requests for one.</summary>
    public Task<(Meeting Meeting, Body Body)> PlanAsync(Guid bodyId, MeetingRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var body = await LoadBodyAsync(bodyId, countyId, cancellationToken);
            access.EnsureManage(body.CountyId);
            var (startsAt, endsAt, location) = CheckTimes(request.StartsAt, request.EndsAt, request.Location);
            var meeting = new Meeting(body, startsAt, endsAt, location, request.IsExtra);
            db.Meetings.Add(meeting);
            if (request.IsExtra)
            {
                foreach (var open in await db.ExtraMeetingRequests.Where(r => r.BodyId == body.Id && r.AnsweredByMeetingId == null).ToListAsync(cancellationToken))
                {
                    open.Answer(meeting);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return (meeting, body);
        }, cancellationToken);

    /// <summary>
    /// A member asks for an extra meeting (the secretariat may ask for a member); when the chair's request or one third of
    /// the members' now means it must be held, the chair learns so by e-mail (seed 001 §2.3).
    /// </summary>
    public Task<ExtraMeetingRule.Outcome> RequestExtraMeetingAsync(Guid bodyId, ExtraMeetingRequestBody request, CancellationToken cancellationToken,
        Guid? countyId = null) => ConflictRetry.RunAsync(db, async () =>
    {
        var body = await LoadBodyAsync(bodyId, countyId, cancellationToken);
        var today = Today;
        var membershipId = access.CanManage(body.CountyId) ? request.MembershipId ?? access.MembershipId : access.MembershipId;
        var member = body.ActiveMemberships(today).FirstOrDefault(x => x.Id == membershipId)
            ?? throw new ForbiddenException("Bara organets ledamöter, eller sekretariatet för en ledamot, kan begära ett extra sammanträde.");
        var input = new InputCheck();
        var reason = input.Required(request.Reason, "reason", "Ange skälet till att ett extra sammanträde behövs.");
        input.ThrowIfAny();

        var members = body.ActiveMemberships(today).Count(x => x.CountsAsMember);
        var earlier = await db.ExtraMeetingRequests.Where(r => r.BodyId == body.Id).ToListAsync(cancellationToken);
        var before = ExtraMeetingRule.Evaluate(earlier, members);
        var added = new ExtraMeetingRequest(body, member, reason!, time.GetUtcNow());
        db.ExtraMeetingRequests.Add(added);
        List<ExtraMeetingRequest> requests = [.. earlier, added];
        var outcome = ExtraMeetingRule.Evaluate(requests, members);
        if (outcome.MustBeHeld && !before.MustBeHeld
            && body.ActiveMemberships(today).FirstOrDefault(x => x.Role == MembershipRole.Chair)?.Person?.Email is { } email)
        {
            // The secretariat sees it on the body's meeting page; the chair is told.
            Outbox.Enqueue(db, time, body.CountyId, email, $"{body.Name}: ett extra sammanträde ska hållas",
                $"{outcome.Explanation}\n\nSkäl som angetts:\n" + string.Join("\n", requests.Where(r => r.IsOpen).Select(r => "– " + r.Reason)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }, cancellationToken);

    public Task<(Meeting Meeting, AgendaItem Item)> AddItemAsync(Guid meetingId, AgendaItemRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAgendaAsync(meetingId, countyId, async meeting =>
        {
            var title = RequireTitle(request);
            var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, cancellationToken);
            var item = meeting.AddAgendaItem(title, request.CaseReference, request.Presenter, request.ProposedDecision, MandatoryItems.Resolve(body.Rules, request.Topic));
            if (await Cases.CaseSearch.FindByNumberAsync(db, meeting.CountyId, request.CaseReference, cancellationToken) is { } caseId)
            {
                meeting.LinkAgendaItemToCase(item.Id, caseId, item.CaseReference!);
            }

            return item;
        }, cancellationToken);

    public Task<(Meeting Meeting, AgendaItem Item)> EditItemAsync(Guid meetingId, Guid itemId, AgendaItemRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) => ChangeAgendaAsync(meetingId, countyId, async meeting =>
    {
        var title = RequireTitle(request);
        meeting.EditAgendaItem(itemId, title, request.CaseReference, request.Presenter, request.ProposedDecision);
        if (await Cases.CaseSearch.FindByNumberAsync(db, meeting.CountyId, request.CaseReference, cancellationToken) is { } caseId)
        {
            meeting.LinkAgendaItemToCase(itemId, caseId, request.CaseReference!.Trim());
        }

        return meeting.Agenda.First(a => a.Id == itemId);
    }, cancellationToken);

    public async Task<Meeting> RemoveItemAsync(Guid meetingId, Guid itemId, CancellationToken cancellationToken, Guid? countyId = null) =>
        (await ChangeAgendaAsync(meetingId, countyId, meeting =>
        {
            meeting.RemoveAgendaItem(itemId);
            return Task.FromResult(true);
        }, cancellationToken)).Meeting;

    /// <summary>Moves an item up (<paramref name="step"/> −1) or down (+1); the others close up.</summary>
    public async Task<Meeting> MoveItemAsync(Guid meetingId, Guid itemId, int step, CancellationToken cancellationToken, Guid? countyId = null) =>
        (await ChangeAgendaAsync(meetingId, countyId, meeting =>
        {
            meeting.MoveAgendaItem(itemId, step);
            return Task.FromResult(true);
        }, cancellationToken)).Meeting;

    public async Task<Meeting> RescheduleAsync(Guid meetingId, RescheduleRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        (await ChangeAgendaAsync(meetingId, countyId, meeting =>
        {
            var (startsAt, endsAt, location) = CheckTimes(request.StartsAt, request.EndsAt, request.Location);
            meeting.Reschedule(startsAt, endsAt, location);
            return Task.FromResult(true);
        }, cancellationToken)).Meeting;

    /// <summary>The chair sends the notice, or the secretariat for the chair; returns how many were summoned.</summary>
    public Task<(Meeting Meeting, Body Body, int Recipients)> SendNoticeAsync(Guid meetingId, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, body) = await LoadAsync(meetingId, countyId, cancellationToken);
            if (!access.CanManage(meeting.CountyId) && !MeetingQueries.IsChairOf(access.MembershipId, body, Today))
            {
                throw new ForbiddenException("Kallelsen skickas av ordföranden eller av sekretariatet för ordföranden.");
            }

            var recipients = Notices.Send(db, time, smtp.Value, meeting, body, access.UserName);
            await db.SaveChangesAsync(cancellationToken);
            return (meeting, body, recipients);
        }, cancellationToken);

    /// <summary>Cancels the meeting; those already summoned get a cancellation. Returns whether they had been.</summary>
    public Task<(Meeting Meeting, Body Body, bool WasNoticed)> CancelAsync(Guid meetingId, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, body) = await LoadAsync(meetingId, countyId, cancellationToken);
            access.EnsureManage(meeting.CountyId);
            var wasNoticed = meeting.Status == MeetingStatus.NoticeSent;
            meeting.Cancel();
            if (wasNoticed)
            {
                Notices.SendCancellation(db, time, smtp.Value, meeting, body);
            }

            await db.SaveChangesAsync(cancellationToken);
            return (meeting, body, wasNoticed);
        }, cancellationToken);

    /// <summary>A document for an agenda item, through the file store (types, size, one copy per content).</summary>
    public Task<AgendaDocument> AddDocumentAsync(Guid meetingId, Guid itemId, IFormFile? file, bool isPublic, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, _) = await LoadAsync(meetingId, countyId, cancellationToken);
            access.EnsureManage(meeting.CountyId);
            if (file is null)
            {
                throw InputValidationException.For("file", "Välj en fil att ladda upp.");
            }

            var (fileName, content) = await FileStore.ReadAsync(file, cancellationToken);
            return await Documents.AddAsync(db, meeting, itemId, fileName, content, isPublic, access.UserName, cancellationToken);
        }, cancellationToken);

    /// <summary>RUN AU's agenda to the consultation forum's next meeting, or to the one chosen (seed 003).</summary>
    public Task<(Meeting Target, Body Forum)> ShareToForumAsync(Guid meetingId, ShareRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, _) = await LoadAsync(meetingId, countyId, cancellationToken);
            access.EnsureManage(meeting.CountyId);
            var target = await ForumSharing.ShareAsync(db, meeting, request.ForumMeetingId, cancellationToken);
            return (target, await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == target.BodyId, cancellationToken));
        }, cancellationToken);

    /// <summary>A meeting the user may read, tracked, with its body and members; when the page names a county, only that county's.</summary>
    public async Task<(Meeting Meeting, Body Body)> LoadAsync(Guid meetingId, Guid? countyId, CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, meetingId, cancellationToken);
        if (countyId is { } county && meeting.CountyId != county)
        {
            throw new NotFoundException("Sammanträdet finns inte i det här länet.");
        }

        return (meeting, body);
    }

    private async Task<Body> LoadBodyAsync(Guid bodyId, Guid? countyId, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, bodyId, cancellationToken);
        if (countyId is { } county && body.CountyId != county)
        {
            throw new NotFoundException("Organet finns inte i det här länet.");
        }

        return body;
    }

    private static string RequireTitle(AgendaItemRequest request)
    {
        var input = new InputCheck();
        var title = input.Required(request.Title, "title", "Ange ärendets rubrik.");
        input.ThrowIfAny();
        return title!;
    }

    private static (DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location) CheckTimes(DateTimeOffset? startsAt, DateTimeOffset? endsAt, string? location)
    {
        var input = new InputCheck();
        input.Required(startsAt, "startsAt", "Ange när sammanträdet börjar: datum och tid.");
        input.Required(endsAt, "endsAt", "Ange när sammanträdet slutar: datum och tid.");
        var place = input.Required(location, "location", "Ange var sammanträdet hålls.");
        input.ThrowIfAny();
        return (startsAt!.Value, endsAt!.Value, place!);
    }

    /// <summary>
    /// A change of a meeting the secretariat makes: applied to the tracked meeting (a broken rule refuses it before
    /// anything is stored); those already summoned get the new agenda; stored in one transaction, with agenda numbers
    /// that change written in two steps (through negatives) past the unique (meeting, number) index.
    /// </summary>
    private Task<(Meeting Meeting, T Result)> ChangeAgendaAsync<T>(Guid meetingId, Guid? countyId, Func<Meeting, Task<T>> change, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, body) = await LoadAsync(meetingId, countyId, cancellationToken);
            access.EnsureManage(meeting.CountyId);
            var numbers = meeting.Agenda.ToDictionary(a => a.Id, a => a.Number);
            var result = await change(meeting);
            Notices.SendUpdate(db, time, smtp.Value, meeting, body);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = meeting.Agenda.Where(a => numbers.TryGetValue(a.Id, out var before) && before != a.Number).ToList();
            if (moved.Count > 0)
            {
                var final = moved.ToDictionary(a => a, a => a.Number);
                foreach (var item in moved)
                {
                    db.Entry(item).Property(i => i.Number).CurrentValue = -final[item];
                }

                await db.SaveChangesAsync(cancellationToken);
                foreach (var item in moved)
                {
                    db.Entry(item).Property(i => i.Number).CurrentValue = final[item];
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (meeting, result);
        }, cancellationToken);
}
