using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/bodies/{id:guid}/meetings", CreateAsync).WithSummary("Plans a meeting of the body. Secretariat.");
        api.MapGet("/bodies/{id:guid}/meetings", ListAsync).WithSummary("The body's meetings, optionally for one year.");
        api.MapGet("/bodies/{id:guid}/meeting-plan/{year:int}", PlanAsync).WithSummary("Meetings planned in the year against the body's minimum (SRB: six).");
        api.MapGet("/bodies/{id:guid}/mandatory-items", MandatoryAsync)
            .WithSummary("The SRB's mandatory items in the current term: when each was last prepared at a meeting, and which are missing.");
        api.MapPost("/bodies/{id:guid}/extra-meeting-requests", RequestExtraAsync)
            .WithSummary("A member asks for an extra meeting; the chair's request or one third of the members' means it must be held.");
        api.MapGet("/meetings/{id:guid}", GetAsync).WithSummary("One meeting with its agenda.");
        api.MapPost("/meetings/{id:guid}/agenda-items", AddItemAsync).WithSummary("Adds an item to the agenda. Secretariat.");
        api.MapPost("/meetings/{id:guid}/notice", SendNoticeAsync)
            .WithSummary("Sends the notice with the agenda and a calendar invitation to every member; refused when fewer than the body's notice days remain.");
        api.MapPost("/meetings/{id:guid}/cancel", CancelAsync).WithSummary("Cancels the meeting and sends METHOD:CANCEL to those invited. Secretariat.");
        api.MapGet("/meetings/{id:guid}/ics", IcsAsync).WithSummary("The meeting as an iCalendar invitation.");
        api.MapGet("/meetings/{id:guid}/notice/pdf", NoticePdfAsync).WithSummary("The notice with its agenda as PDF.");
        return api;
    }

    private static async Task<Created<MeetingResponse>> CreateAsync(Guid id, MeetingRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(body.CountyId);
        if (request.StartsAt is not { } starts || request.EndsAt is not { } ends)
        {
            throw new DomainRuleException("MeetingTime", "Ange när sammanträdet börjar (startsAt) och slutar (endsAt).");
        }

        var meeting = new Meeting(body, starts, ends, request.Location ?? string.Empty, request.IsExtra);
        db.Meetings.Add(meeting);
        if (request.IsExtra)
        {
            foreach (var open in await db.ExtraMeetingRequests.Where(r => r.BodyId == body.Id && r.AnsweredByMeetingId == null).ToListAsync(cancellationToken))
            {
                open.Answer(meeting);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", MeetingResponse.From(meeting, body));
    }

    private static async Task<Ok<List<MeetingResponse>>> ListAsync(Guid id, int? year, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => m.BodyId == body.Id).ToListAsync(cancellationToken);
        var today = time.TodayInSweden();
        return TypedResults.Ok(meetings.Where(m => year is null || m.StartsAt.ToSwedish().Year == year)
            .OrderBy(m => m.StartsAt).Select(m => MeetingResponse.From(m, body)).ToList());
    }

    private static async Task<Ok<MeetingPlanResponse>> PlanAsync(Guid id, int year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id).ToListAsync(cancellationToken);
        var plan = MeetingPlan.For(body.Rules, year, meetings, Clock.Sweden);
        return TypedResults.Ok(new MeetingPlanResponse(plan.Year, plan.Planned, plan.Minimum, plan.MeetsMinimum));
    }

    private static async Task<Ok<List<MandatoryItemResponse>>> MandatoryAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var status = await MeetingQueries.MandatoryStatusAsync(db, body, time.TodayInSweden(), cancellationToken);
        return TypedResults.Ok(status.Select(s => new MandatoryItemResponse(s.Topic, MandatoryItems.Label(s.Topic), s.LastPrepared, s.LastPrepared is null)).ToList());
    }

    private static async Task<Ok<ExtraMeetingResponse>> RequestExtraAsync(Guid id, ExtraMeetingRequestBody request, Access access, AppDbContext db,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var today = time.TodayInSweden();
        Guid? own = Guid.TryParse(http.User.FindFirstValue(SamverkanClaims.Membership), out var m) ? m : null;
        var membershipId = access.CanManage(body.CountyId) ? request.MembershipId ?? own : own;
        var member = body.ActiveMemberships(today).FirstOrDefault(x => x.Id == membershipId)
            ?? throw new ForbiddenException("Bara organets ledamöter, eller sekretariatet för en ledamot, kan begära ett extra sammanträde.");
        var before = ExtraMeetingRule.Evaluate(await db.ExtraMeetingRequests.Where(r => r.BodyId == body.Id).ToListAsync(cancellationToken),
            body.ActiveMemberships(today).Count(x => x.CountsAsMember));
        db.ExtraMeetingRequests.Add(new ExtraMeetingRequest(body, member, request.Reason ?? string.Empty, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        var requests = await db.ExtraMeetingRequests.Where(r => r.BodyId == body.Id).ToListAsync(cancellationToken);
        var outcome = ExtraMeetingRule.Evaluate(requests, body.ActiveMemberships(today).Count(x => x.CountsAsMember));
        if (outcome.MustBeHeld && !before.MustBeHeld)
        {
            // Seed 001 §2.3: the chair (and the secretariat, who sees it on the body page) learn that a meeting must be held.
            var chair = body.ActiveMemberships(today).FirstOrDefault(x => x.Role == MembershipRole.Chair)?.Person;
            if (chair?.Email is { } email)
            {
                Outbox.Enqueue(db, time, body.CountyId, email, $"{body.Name}: ett extra sammanträde ska hållas",
                    $"{outcome.Explanation}\n\nSkäl som angetts:\n" + string.Join("\n", requests.Where(r => r.IsOpen).Select(r => "– " + r.Reason)));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return TypedResults.Ok(new ExtraMeetingResponse(outcome.MustBeHeld, outcome.Requesting, outcome.Members, outcome.Explanation));
    }

    private static async Task<Ok<MeetingResponse>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        // A read: nothing tracked, and the body without its members (the answer needs its name and notice rule only).
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Sammanträdet finns inte.");
        access.EnsureRead(meeting.CountyId);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, body));
    }

    private static async Task<Created<AgendaItemResponse>> AddItemAsync(Guid id, AgendaItemRequest request, Access access, AppDbContext db,
        TimeProvider time, IOptions<SmtpOptions> smtp, CancellationToken cancellationToken)
    {
        return await ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, body) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
            access.EnsureManage(meeting.CountyId);
            var item = meeting.AddAgendaItem(request.Title ?? string.Empty, request.CaseReference, request.Presenter, request.ProposedDecision, request.Topic);
            if (await Cases.CaseSearch.FindByNumberAsync(db, meeting.CountyId, request.CaseReference, cancellationToken) is { } caseId)
            {
                meeting.LinkAgendaItemToCase(item.Id, caseId, item.CaseReference!);
            }

            Notices.SendUpdate(db, time, smtp.Value, meeting, body);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", AgendaItemResponse.From(item));
        }, cancellationToken);
    }

    private static async Task<Ok<NoticeResponse>> SendNoticeAsync(Guid id, Access access, AppDbContext db, TimeProvider time, IOptions<SmtpOptions> smtp,
        HttpContext http, CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
        var today = time.TodayInSweden();
        if (!access.CanManage(meeting.CountyId) && !MeetingQueries.IsChairOf(http.User, body, today))
        {
            throw new ForbiddenException("Kallelsen skickas av ordföranden eller av sekretariatet för ordföranden.");
        }

        var recipients = Notices.Send(db, time, smtp.Value, meeting, body, http.User.Identity?.Name ?? "okänd");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new NoticeResponse(meeting.Id, meeting.NoticeSentAt!.Value, recipients));
    }

    private static async Task<Ok<MeetingResponse>> CancelAsync(Guid id, Access access, AppDbContext db, TimeProvider time, IOptions<SmtpOptions> smtp,
        CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(meeting.CountyId);
        var wasNoticed = meeting.Status == MeetingStatus.NoticeSent;
        meeting.Cancel();
        if (wasNoticed)
        {
            Notices.SendCancellation(db, time, smtp.Value, meeting, body);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, body));
    }

    private static async Task<FileContentHttpResult> NoticePdfAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
        return TypedResults.File(NoticeDocument.Pdf(meeting, body), "application/pdf", $"kallelse-{meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    private static async Task<FileContentHttpResult> IcsAsync(Guid id, Access access, AppDbContext db, TimeProvider time, IOptions<SmtpOptions> smtp,
        CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
        var attendees = Notices.Recipients(body, meeting.StartsAt.SwedishDay()).Select(p => p.Email!);
        var ics = Calendar.Invitation(meeting, body.Name, smtp.Value.From, attendees, time.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"sammantrade-{meeting.StartsAt.ToSwedish():yyyy-MM-dd}.ics");
    }
}

/// <summary>Notices and cancellations: an e-mail with the agenda and an .ics invitation to every member and co-opted expert.</summary>
public static class Notices
{
    /// <summary>Members and co-opted experts with an e-mail address; substitutes only where the body has them.</summary>
    public static IEnumerable<Domain.Counties.Person> Recipients(Body body, DateOnly meetingDay) => body.ActiveMemberships(meetingDay)
        .Where(m => m.Role != MembershipRole.Substitute || body.Rules.AllowsSubstitutes)
        .Select(m => m.Person!).Where(p => p.Email is not null).DistinctBy(p => p.Id);

    public static int Send(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body, string sentBy)
    {
        var day = meeting.StartsAt.SwedishDay();
        meeting.SendNotice(body.Rules, day, time.TodayInSweden(), time.GetUtcNow(), sentBy);
        return Enqueue(db, time, smtp, meeting, body, "Kallelse");
    }

    /// <summary>After a change to a noticed meeting everyone gets the new agenda and an invitation with the raised SEQUENCE.</summary>
    public static int SendUpdate(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body) =>
        meeting.Status == MeetingStatus.NoticeSent ? Enqueue(db, time, smtp, meeting, body, "Ändrad kallelse") : 0;

    private static int Enqueue(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body, string kind)
    {
        // Only members whose seat covers the meeting's day are summoned (a new term's members for a meeting after it starts).
        var day = meeting.StartsAt.SwedishDay();
        var recipients = Recipients(body, day).ToList();
        if (recipients.Count == 0)
        {
            throw new DomainRuleException("NoticeNoMembers", $"Ingen ledamot i {body.Name} har ett uppdrag som gäller {Domain.Common.SwedishText.Date(day)}. " +
                (body.TermOn(day) is null ? "Öppna nästa mandatperiod och utse ledamöterna först." : "Utse ledamöterna först."));
        }
        var ics = Calendar.Invitation(meeting, body.Name, smtp.From, recipients.Select(p => p.Email!), time.GetUtcNow());
        var local = meeting.StartsAt.ToSwedish();
        var text = new StringBuilder();
        text.AppendLine($"Kallelse till {body.Name}s sammanträde {local:yyyy-MM-dd} kl. {local:HH:mm} – {meeting.EndsAt.ToSwedish():HH:mm}, {meeting.Location}.");
        text.AppendLine();
        text.AppendLine("Föredragningslista");
        foreach (var item in meeting.Agenda.OrderBy(a => a.Number))
        {
            text.AppendLine($"{item.Number}. {item.Title}{(item.CaseReference is null ? string.Empty : $" ({item.CaseReference})")}");
            if (item.Presenter is not null)
            {
                text.AppendLine($"   Föredragande: {item.Presenter}");
            }

            if (item.ProposedDecision is not null)
            {
                text.AppendLine($"   Förslag till beslut: {item.ProposedDecision}");
            }
        }

        if (!body.Rules.AllowsSubstitutes)
        {
            text.AppendLine();
            text.AppendLine($"{body.Name} har inga ersättare.");
        }

        foreach (var person in recipients)
        {
            Outbox.Enqueue(db, time, meeting.CountyId, person.Email!, $"{kind}: {body.Name} {local:yyyy-MM-dd}", text.ToString(), "kallelse.ics",
                "text/calendar; method=REQUEST; charset=utf-8", ics);
        }

        return recipients.Count;
    }

    public static void SendCancellation(AppDbContext db, TimeProvider time, SmtpOptions smtp, Meeting meeting, Body body)
    {
        var recipients = Recipients(body, meeting.StartsAt.SwedishDay()).ToList();
        var ics = Calendar.Invitation(meeting, body.Name, smtp.From, recipients.Select(p => p.Email!), time.GetUtcNow());
        var local = meeting.StartsAt.ToSwedish();
        foreach (var person in recipients)
        {
            Outbox.Enqueue(db, time, meeting.CountyId, person.Email!, $"Inställt: {body.Name} {local:yyyy-MM-dd}",
                $"{body.Name}s sammanträde {local:yyyy-MM-dd} kl. {local:HH:mm} är inställt.", "installt.ics", "text/calendar; method=CANCEL; charset=utf-8", ics);
        }
    }
}

public sealed record MeetingRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, bool IsExtra = false);

public sealed record AgendaItemRequest(string? Title, string? CaseReference, string? Presenter, string? ProposedDecision, MandatoryTopic? Topic = null);

public sealed record ExtraMeetingRequestBody(string? Reason, Guid? MembershipId);

public sealed record AgendaItemResponse(Guid Id, int Number, string Title, string? CaseReference, string? Presenter, string? ProposedDecision, MandatoryTopic? Topic,
    Guid? CaseId)
{
    public static AgendaItemResponse From(AgendaItem a) => new(a.Id, a.Number, a.Title, a.CaseReference, a.Presenter, a.ProposedDecision, a.Topic, a.CaseId);
}

public sealed record MeetingResponse(Guid Id, Guid BodyId, string Body, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, bool IsExtra,
    MeetingStatus Status, DateTimeOffset? NoticeSentAt, DateOnly NoticeDeadline, int Sequence, IReadOnlyList<AgendaItemResponse> Agenda)
{
    public static MeetingResponse From(Meeting m, Body body)
    {
        var day = m.StartsAt.SwedishDay();
        return new(m.Id, body.Id, body.Name, m.StartsAt, m.EndsAt, m.Location, m.IsExtra, m.Status, m.NoticeSentAt, day.AddDays(-body.Rules.NoticeDaysBefore),
            m.Sequence, m.Agenda.OrderBy(a => a.Number).Select(AgendaItemResponse.From).ToList());
    }
}

public sealed record MandatoryItemResponse(MandatoryTopic Topic, string Label, DateOnly? LastPrepared, bool Missing);

public sealed record MeetingPlanResponse(int Year, int Planned, int Minimum, bool MeetsMinimum);

public sealed record ExtraMeetingResponse(bool MustBeHeld, int Requesting, int Members, string Explanation);

public sealed record NoticeResponse(Guid MeetingId, DateTimeOffset SentAt, int Recipients);
