using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// A body's members and roles on a day, with the composition check for that day; the secretariat appoints and ends
/// memberships and opens the next term, each through <see cref="BodyDesk"/> with its errors beside its form.
/// </summary>
public sealed class MembersModel(AppDbContext db, BodyDesk desk, Access access, TimeProvider time) : BodyPageModel(db, access, time)
{
    [BindProperty]
    public MembershipForm Input { get; set; } = new();

    /// <summary>The day the members and the composition check are shown for: today, or e.g. the first day of the next term.</summary>
    [FromQuery(Name = "asOf")]
    public DateOnly? AsOfDate { get; set; }

    public DateOnly AsOf => AsOfDate ?? Today;

    public IReadOnlyList<Membership> Roster { get; private set; } = [];

    public IReadOnlyList<CompositionViolation> Violations { get; private set; } = [];

    /// <summary>The next term's dates when it can be opened now (the current one ends within a year and none follows).</summary>
    public (DateOnly StartsOn, DateOnly EndsOn)? NextTerm { get; private set; }

    /// <summary>A term that starts after today: its members can be appointed and checked before it starts.</summary>
    public TermOfOffice? UpcomingTerm { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public IReadOnlyList<PoliticalParty> PoliticalParties { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public Task<IActionResult> OnPostAddAsync()
    {
        Membership? added = null;
        return ChangeAsync("add", async ct => added = (await desk.AddMembershipAsync(Id, Input.ToRequest(), ct, County.Id, Input.Version)).Membership,
            () => $"{added!.Person!.FullName} är utsedd.", () => BodyPath("members"), LoadAsync);
    }

    public Task<IActionResult> OnPostEndAsync(Guid membershipId, DateOnly? endOn, int? version)
    {
        Membership? ended = null;
        return ChangeAsync("end", async ct => ended = (await desk.EndMembershipAsync(Id, membershipId, new EndMembershipRequest(endOn), ct, County.Id, version)).Membership,
            () => $"Uppdraget för {ended!.Person?.FullName ?? "ledamoten"} upphör {SwedishText.Date(endOn!.Value)}.", () => BodyPath("members"), LoadAsync, membershipId);
    }

    /// <summary>Opens the next term and shows its first day, where the copied seats are checked against the rules.</summary>
    public Task<IActionResult> OnPostNextTermAsync(bool copySeats, int? version)
    {
        TermOfOffice? term = null;
        return ChangeAsync("term", async ct => term = (await desk.OpenNextTermAsync(Id, copySeats, ct, County.Id, version)).Term,
            () => $"Mandatperioden {SwedishText.Date(term!.StartsOn)} – {SwedishText.Date(term.EndsOn)} är öppnad"
                + (copySeats ? "; dagens platser är kopierade som utgångspunkt. Ändra det som parterna beslutar och kontrollera sammansättningen nedan." : "."),
            () => BodyPath("members") + "?asOf=" + term!.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadBodyAsync();
        Roster = BodyQueries.Roster(Body, AsOf).ToList();
        UpcomingTerm = Body.Terms.Where(t => t.StartsOn > Today).OrderBy(t => t.StartsOn).FirstOrDefault();
        NextTerm = UpcomingTerm is null && Body.TermOn(Today) is { } current && current.EndsOn.DayNumber - Today.DayNumber <= 365 ? Body.NextTermDates() : null;
        Violations = await BodyQueries.CheckAsync(Db, Body, AsOf);
        if (CanManage)
        {
            People = (await Db.People.AsNoTracking().Where(p => p.CountyId == County.Id).ToListAsync()).BySwedishName(p => p.LastName + " " + p.FirstName).ToList();
            Parties = CountyQueries.Ordered(await Db.Parties.AsNoTracking().Where(p => p.CountyId == County.Id).ToListAsync()).ToList();
            PoliticalParties = await Db.PoliticalParties.AsNoTracking().OrderBy(p => p.Name).ToListAsync();
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

        public int? Version { get; set; }

        public MembershipRequest ToRequest() => new(PersonId, AppointingPartyId, Role, PoliticalParty, Side, Office, OfficeTitle, From, To);
    }
}
