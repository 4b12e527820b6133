using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// A body's meetings: the year's plan against the minimum, upcoming and held meetings, the mandatory topics, members'
/// requests for an extra meeting and calendar subscriptions; the secretariat plans a meeting and a member asks for an
/// extra one, both through <see cref="MeetingPlanner"/> with the errors beside their form.
/// </summary>
public sealed class MeetingsModel(AppDbContext db, MeetingPlanner planner, Access access, TimeProvider time) : BodyPageModel(db, access, time)
{
    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];

    /// <summary>Meetings already held (this year and last), newest first.</summary>
    public IReadOnlyList<Meeting> Held { get; private set; } = [];

    public MeetingPlan Plan { get; private set; } = null!;

    public ExtraMeetingRule.Outcome ExtraMeetings { get; private set; } = null!;

    /// <summary>The signed-in member's own seat in this body, if any: members may ask for an extra meeting.</summary>
    public Membership? OwnSeat { get; private set; }

    public IReadOnlyList<MandatoryItemStatus> Mandatory { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    /// <summary>Plans a meeting and goes to it, saying by when the notice must go out (or that it no longer can).</summary>
    public Task<IActionResult> OnPostPlanAsync(DateOnly? date, TimeOnly? starts, TimeOnly? ends, string? location, bool isExtra)
    {
        (Meeting Meeting, Body Body)? planned = null;
        return ChangeAsync("plan",
            async ct => planned = await planner.PlanAsync(Id, new MeetingRequest(Clock.FromSwedish(date, starts), Clock.FromSwedish(date, ends), location, isExtra), ct, County.Id),
            () => PlannedText(planned!.Value.Meeting, planned.Value.Body), () => $"/counties/{County.Code}/meetings/{planned!.Value.Meeting.Id}", LoadAsync);
    }

    public Task<IActionResult> OnPostExtraAsync(string? reason) =>
        ChangeAsync("extra", ct => planner.RequestExtraMeetingAsync(Id, new ExtraMeetingRequestBody(reason, null), ct, County.Id),
            () => "Din begäran om ett extra sammanträde är registrerad.", () => BodyPath("meetings"), LoadAsync);

    /// <summary>A secret calendar address: the body's meetings, or (for a member) their own in every body.</summary>
    public async Task<IActionResult> OnPostFeedAsync(bool mine)
    {
        await LoadAsync();
        if (mine && OwnSeat is null)
        {
            throw new ForbiddenException("Bara ledamöter har en egen kalender.");
        }

        var feed = await CalendarFeeds.ForAsync(Db, County.Id, mine ? null : Body.Id, mine ? OwnSeat!.PersonId : null);
        var what = mine ? "dina sammanträden i alla organ" : $"{Body.Name}s sammanträden";
        TempData["Message"] = $"Prenumerera på {what} i din kalender med adressen {CalendarFeeds.Url(Request, feed)} (håll den för dig själv).";
        return Redirect(BodyPath("meetings"));
    }

    private string PlannedText(Meeting meeting, Body body)
    {
        var day = meeting.StartsAt.SwedishDay();
        var noticeBy = day.AddDays(-body.Rules.NoticeDaysBefore);
        return day < Today
            ? $"Sammanträdet är registrerat, men datumet {SwedishText.Date(day)} har redan varit: ingen kallelse kan skickas. Registrera protokollet om sammanträdet hölls."
            : noticeBy < Today
                ? $"Sammanträdet är planerat, men kallelseregeln kan inte uppfyllas: kallelsen skulle ha skickats senast {SwedishText.Date(noticeBy)} ({body.Rules.NoticeDaysBefore} dagar före). Flytta sammanträdet eller ställ in det."
                : $"Sammanträdet är planerat. Lägg till ärenden och skicka kallelsen senast {SwedishText.Date(noticeBy)}.";
    }

    private async Task LoadAsync()
    {
        await LoadBodyAsync();
        var meetings = await Db.Meetings.AsNoTracking().Where(m => m.BodyId == Body.Id).ToListAsync();
        var now = TimeSource.GetUtcNow();
        Upcoming = meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt).ToList();
        Held = meetings.Where(m => m.EndsAt < now && m.StartsAt.ToSwedish().Year >= Today.Year - 1).OrderByDescending(m => m.StartsAt).ToList();
        Plan = MeetingPlan.For(Body.Rules, Today.Year, meetings, Clock.Sweden);
        ExtraMeetings = ExtraMeetingRule.Evaluate(await Db.ExtraMeetingRequests.AsNoTracking().Where(r => r.BodyId == Body.Id).ToListAsync(),
            Body.ActiveMemberships(Today).Count(m => m.CountsAsMember));
        OwnSeat = Body.ActiveMemberships(Today).FirstOrDefault(m => m.Id == Access.MembershipId && m.CountsAsMember);
        Mandatory = await MeetingQueries.MandatoryStatusAsync(Db, Body, Today);
    }
}
