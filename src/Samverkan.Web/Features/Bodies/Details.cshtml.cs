using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>The body page: rules, members and roles, the composition check; the secretariat appoints and ends memberships.</summary>
public sealed class DetailsModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    private readonly TimeProvider clock = time;

    private DateTimeOffset Now() => clock.GetUtcNow();

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public MembershipForm Input { get; set; } = new();

    public Body Body { get; private set; } = null!;

    public IReadOnlyList<Membership> Roster { get; private set; } = [];

    public IReadOnlyList<CompositionViolation> Violations { get; private set; } = [];

    /// <summary>The day the members and the composition check are shown for: today, or e.g. the first day of the next term.</summary>
    [FromQuery(Name = "asOf")]
    public DateOnly? AsOfDate { get; set; }

    public DateOnly AsOf => AsOfDate ?? Today;

    /// <summary>The next term's dates when it can be opened now (the current one ends within a year and none follows).</summary>
    public (DateOnly StartsOn, DateOnly EndsOn)? NextTerm { get; private set; }

    /// <summary>A term that starts after today: its members can be appointed and checked before it starts.</summary>
    public TermOfOffice? UpcomingTerm { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public IReadOnlyList<PoliticalParty> PoliticalParties { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public MeetingPlan Plan { get; private set; } = null!;

    public ExtraMeetingRule.Outcome ExtraMeetings { get; private set; } = null!;

    /// <summary>The signed-in member's own seat in this body, if any: members may ask for an extra meeting.</summary>
    public Membership? OwnSeat { get; private set; }

    public IReadOnlyList<MandatoryItemStatus> Mandatory { get; private set; } = [];

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    public GroupCharter? Charter { get; private set; }

    public IReadOnlyList<GroupReport> Reports { get; private set; } = [];

    /// <summary>Meetings already held (this year and last), newest first.</summary>
    public IReadOnlyList<Meeting> HeldMeetings { get; private set; } = [];

    /// <summary>Which form the errors belong to, so each form shows its own errors beside it.</summary>
    public string? ErrorForm { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        await LoadAsync();
        ErrorForm = "add";
        Access.EnsureManage(County.Id);
        var person = People.FirstOrDefault(p => p.Id == Input.PersonId);
        var party = Parties.FirstOrDefault(p => p.Id == Input.AppointingPartyId);
        var politicalParty = PoliticalParties.FirstOrDefault(p => p.Abbreviation == Input.PoliticalParty);
        if (person is null)
        {
            Errors.Add("Välj en person i länet.");
        }

        if (party is null)
        {
            Errors.Add("Välj den part som utser ledamoten.");
        }

        if (Input.From is null)
        {
            Errors.Add("Ange från vilket datum uppdraget gäller.");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        return await SaveAsync(() => Body.AddMembership(db.People.Local.First(p => p.Id == person!.Id), db.Parties.Local.First(p => p.Id == party!.Id),
            Input.Role, politicalParty is null ? null : db.PoliticalParties.Local.First(p => p.Id == politicalParty.Id), Input.Side, Input.Office,
            Input.OfficeTitle, Input.From!.Value, Input.To), Input.Version, $"{person!.FullName} är utsedd.");
    }

    public async Task<IActionResult> OnPostNextTermAsync(bool copySeats, int version)
    {
        await LoadAsync();
        ErrorForm = "term";
        Access.EnsureManage(County.Id);
        try
        {
            db.Entry(Body).Property(b => b.Version).OriginalValue = version;
            var term = Body.OpenNextTerm(copySeats);
            await db.SaveChangesAsync();
            TempData["Message"] = $"Mandatperioden {SwedishText.Date(term.StartsOn)} – {SwedishText.Date(term.EndsOn)} är öppnad"
                + (copySeats ? "; dagens platser är kopierade som utgångspunkt. Ändra det som parterna beslutar och kontrollera sammansättningen nedan." : ".");
            return RedirectToPage(new { countyCode = County.Code, id = Id, asOf = term.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Errors.Add("Någon annan har ändrat organet under tiden. Läs in sidan igen.");
            return Page();
        }
    }

    public async Task<IActionResult> OnPostEndAsync(Guid membershipId, DateOnly? endOn, int version)
    {
        await LoadAsync();
        ErrorForm = "members";
        Access.EnsureManage(County.Id);
        if (endOn is null)
        {
            Errors.Add("Ange sista dagen för uppdraget.");
            return Page();
        }

        var name = Body.Memberships.FirstOrDefault(m => m.Id == membershipId)?.Person?.FullName ?? "Uppdraget";
        return await SaveAsync(() => Body.EndMembership(membershipId, endOn.Value), version, $"Uppdraget för {name} upphör {SwedishText.Date(endOn.Value)}.");
    }

    public async Task<IActionResult> OnPostPlanAsync(DateOnly? date, TimeOnly? starts, TimeOnly? ends, string? location, bool isExtra)
    {
        await LoadAsync();
        ErrorForm = "plan";
        Access.EnsureManage(County.Id);
        if (date is null || starts is null || ends is null)
        {
            Errors.Add("Ange datum, starttid och sluttid för sammanträdet.");
            return Page();
        }

        try
        {
            var meeting = new Meeting(Body, Clock.FromSwedish(date.Value, starts.Value), Clock.FromSwedish(date.Value, ends.Value), location ?? string.Empty, isExtra);
            db.Meetings.Add(meeting);
            if (isExtra)
            {
                foreach (var open in await db.ExtraMeetingRequests.Where(r => r.BodyId == Body.Id && r.AnsweredByMeetingId == null).ToListAsync())
                {
                    open.Answer(meeting);
                }
            }

            await db.SaveChangesAsync();
            var noticeBy = date.Value.AddDays(-Body.Rules.NoticeDaysBefore);
            TempData["Message"] = date.Value < Today
                ? $"Sammanträdet är registrerat, men datumet {SwedishText.Date(date.Value)} har redan varit: ingen kallelse kan skickas. Registrera protokollet om sammanträdet hölls."
                : noticeBy < Today
                    ? $"Sammanträdet är planerat, men kallelseregeln kan inte uppfyllas: kallelsen skulle ha skickats senast {SwedishText.Date(noticeBy)} ({Body.Rules.NoticeDaysBefore} dagar före). Flytta sammanträdet eller ställ in det."
                    : $"Sammanträdet är planerat. Lägg till ärenden och skicka kallelsen senast {SwedishText.Date(noticeBy)}.";
            return Redirect($"/counties/{County.Code}/meetings/{meeting.Id}");
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostReportAsync(Guid reportId, DateOnly? receivedOn, string? summary)
    {
        await LoadAsync();
        ErrorForm = "report";
        Access.EnsureManage(County.Id);
        var report = Reports.FirstOrDefault(r => r.Id == reportId) ?? throw new NotFoundException("Återrapporten finns inte.");
        try
        {
            report.Receive(receivedOn ?? Today, summary ?? string.Empty);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        TempData["Message"] = "Återrapporten är registrerad.";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    public async Task<IActionResult> OnPostFeedAsync(bool mine)
    {
        await LoadAsync();
        if (mine && OwnSeat is null)
        {
            throw new ForbiddenException("Bara ledamöter har en egen kalender.");
        }

        var feed = await CalendarFeeds.ForAsync(db, County.Id, mine ? null : Body.Id, mine ? OwnSeat!.PersonId : null);
        var what = mine ? "dina sammanträden i alla organ" : $"{Body.Name}s sammanträden";
        TempData["Message"] = $"Prenumerera på {what} i din kalender med adressen {CalendarFeeds.Url(Request, feed)} (håll den för dig själv).";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    public async Task<IActionResult> OnPostExtraAsync(string? reason)
    {
        await LoadAsync();
        ErrorForm = "extra";
        if (OwnSeat is null)
        {
            throw new ForbiddenException("Bara organets ledamöter kan begära ett extra sammanträde.");
        }

        try
        {
            db.ExtraMeetingRequests.Add(new ExtraMeetingRequest(Body, OwnSeat, reason ?? string.Empty, Now()));
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        TempData["Message"] = "Din begäran om ett extra sammanträde är registrerad.";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task<IActionResult> SaveAsync(Action change, int version, string message)
    {
        try
        {
            db.Entry(Body).Property(b => b.Version).OriginalValue = version;
            change();
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            Errors.Add("Någon annan har ändrat organets ledamöter under tiden. Kontrollera listan och försök igen.");
            return Page();
        }

        TempData["Message"] = message;
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Body = await db.Bodies.WithMembers().FirstOrDefaultAsync(b => b.Id == Id && b.CountyId == County.Id)
            ?? throw new NotFoundException("Organet finns inte i det här länet.");
        Roster = BodyQueries.Roster(Body, AsOf).ToList();
        UpcomingTerm = Body.Terms.Where(t => t.StartsOn > Today).OrderBy(t => t.StartsOn).FirstOrDefault();
        NextTerm = UpcomingTerm is null && Body.TermOn(Today) is { } current && current.EndsOn.DayNumber - Today.DayNumber <= 365 ? Body.NextTermDates() : null;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == Body.Id).ToListAsync();
        var now = TimeSource.GetUtcNow();
        Meetings = meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt).ToList();
        HeldMeetings = meetings.Where(m => m.EndsAt < now && m.StartsAt.ToSwedish().Year >= Today.Year - 1).OrderByDescending(m => m.StartsAt).ToList();
        Plan = MeetingPlan.For(Body.Rules, Today.Year, meetings, Clock.Sweden);
        ExtraMeetings = ExtraMeetingRule.Evaluate(await db.ExtraMeetingRequests.AsNoTracking().Where(r => r.BodyId == Body.Id).ToListAsync(),
            Body.ActiveMemberships(Today).Count(m => m.CountsAsMember));
        var own = Guid.TryParse(User.FindFirst(SamverkanClaims.Membership)?.Value, out var ownId) ? ownId : Guid.Empty;
        OwnSeat = Body.ActiveMemberships(Today).FirstOrDefault(m => m.Id == own && m.CountsAsMember);
        Mandatory = await MeetingQueries.MandatoryStatusAsync(db, Body, Today);
        if (Body.Rules.CompositionRules == CompositionRuleSet.StrategicRegionalCommittee)
        {
            Groups = await CollaborationGroups.GroupsAsync(db, Body.Id);
        }

        Charter = await db.GroupCharters.AsNoTracking().FirstOrDefaultAsync(c => c.BodyId == Body.Id);
        Reports = await db.GroupReports.Where(r => r.BodyId == Body.Id).OrderBy(r => r.DueOn).ToListAsync();
        Violations = await BodyQueries.CheckAsync(db, Body, AsOf);
        if (CanManage)
        {
            People = (await db.People.Where(p => p.CountyId == County.Id).ToListAsync()).BySwedishName(p => p.LastName + " " + p.FirstName).ToList();
            Parties = await db.Parties.Where(p => p.CountyId == County.Id).ToListAsync();
            Parties = CountyQueries.Ordered(Parties).ToList(); // tracked: a new membership refers to them
            PoliticalParties = await db.PoliticalParties.OrderBy(p => p.Name).ToListAsync();
        }
    }

    public sealed class MembershipForm
    {
        public Guid? PersonId { get; set; }

        public Guid? AppointingPartyId { get; set; }

        public MembershipRole Role { get; set; } = MembershipRole.Member;

        public string? PoliticalParty { get; set; }

        public PoliticalSide? Side { get; set; }

        public QualifyingOffice Office { get; set; }

        public string? OfficeTitle { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public int Version { get; set; }
    }
}
