using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

/// <summary>Meetings and their agendas: reads here, every change through <see cref="MeetingPlanner"/> (as on the pages).</summary>
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
        api.MapPost("/meetings/{id:guid}/share-to-forum", ShareAsync)
            .WithSummary("Copies the meeting's agenda (RUN AU's) to the consultation forum's next meeting, or to {forumMeetingId}. Secretariat.");
        api.MapGet("/meetings/{id:guid}/ics", IcsAsync).WithSummary("The meeting as an iCalendar invitation.");
        api.MapGet("/meetings/{id:guid}/notice/pdf", NoticePdfAsync).WithSummary("The notice with its agenda as PDF.");
        return api;
    }

    private static async Task<Created<MeetingResponse>> CreateAsync(Guid id, MeetingRequest request, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        var (meeting, body) = await planner.PlanAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", MeetingResponse.From(meeting, body));
    }

    private static async Task<Ok<List<MeetingResponse>>> ListAsync(Guid id, int? year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => m.BodyId == body.Id).ToListAsync(cancellationToken);
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
        return TypedResults.Ok(status.Select(s => new MandatoryItemResponse(s.Topic, s.Topic, s.LastPrepared, s.LastPrepared is null)).ToList());
    }

    private static async Task<Ok<ExtraMeetingResponse>> RequestExtraAsync(Guid id, ExtraMeetingRequestBody request, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        var outcome = await planner.RequestExtraMeetingAsync(id, request, cancellationToken);
        return TypedResults.Ok(new ExtraMeetingResponse(outcome.MustBeHeld, outcome.Requesting, outcome.Members, outcome.Explanation));
    }

    private static async Task<Ok<MeetingResponse>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        // A read: nothing tracked, and the body without its members (the answer needs its name and notice rule only).
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Sammanträdet finns inte.");
        access.EnsureRead(meeting.CountyId);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, body));
    }

    private static async Task<Created<AgendaItemResponse>> AddItemAsync(Guid id, AgendaItemRequest request, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        var (meeting, item) = await planner.AddItemAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", AgendaItemResponse.From(item));
    }

    private static async Task<Ok<NoticeResponse>> SendNoticeAsync(Guid id, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        var (meeting, _, recipients) = await planner.SendNoticeAsync(id, cancellationToken);
        return TypedResults.Ok(new NoticeResponse(meeting.Id, meeting.NoticeSentAt!.Value, recipients));
    }

    private static async Task<Ok<MeetingResponse>> CancelAsync(Guid id, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        var (meeting, body, _) = await planner.CancelAsync(id, cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(meeting, body));
    }

    private static async Task<Ok<MeetingResponse>> ShareAsync(Guid id, ShareRequest? request, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        var (target, forum) = await planner.ShareToForumAsync(id, request ?? new ShareRequest(null), cancellationToken);
        return TypedResults.Ok(MeetingResponse.From(target, forum));
    }

    private static async Task<FileContentHttpResult> NoticePdfAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.ReadAsync(db, access, id, cancellationToken);
        return TypedResults.File(NoticeDocument.Pdf(meeting, body), "application/pdf", $"kallelse-{meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    private static async Task<FileContentHttpResult> IcsAsync(Guid id, Access access, AppDbContext db, TimeProvider time, IOptions<SmtpOptions> smtp,
        CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.ReadAsync(db, access, id, cancellationToken);
        var attendees = Notices.Recipients(body, meeting.StartsAt.SwedishDay()).Select(p => p.Email!);
        var ics = Calendar.Invitation(meeting, body.Name, smtp.Value.From, attendees, time.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"sammantrade-{meeting.StartsAt.ToSwedish():yyyy-MM-dd}.ics");
    }
}
