using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Tasks;

/// <summary>One thing the signed-in person should do, with the page where it is done.</summary>
public sealed record WorkItem(string Kind, string Title, DateOnly? DueOn, string Url, string CountyCode);

/// <summary>
/// The signed-in person's own work list ("Att göra"), across every body and county they belong to: minutes to sign
/// (the person who chaired) or to check (the appointed checker), party decisions their party has not recorded
/// (party official), meetings they are summoned to, reports their group owes (group chair), extra-meeting requests
/// waiting (chair), and for the secretariat what the county start page lists.
/// </summary>
public sealed class WorkList(AppDbContext db, Access access, TimeProvider time, Infrastructure.Caching.SharedReads shared) : IWorkCount
{
    public const string SignMinutes = "sign-minutes";
    public const string CheckMinutes = "check-minutes";
    public const string PartyDecision = "party-decision";
    public const string Meeting = "meeting";
    public const string GroupReport = "group-report";
    public const string ExtraMeetingRequest = "extra-meeting-request";
    public const string Attention = "attention";
    public const string CouncilDecision = "council-decision";
    public const string SignContract = "sign-contract";

    private List<WorkItem>? cached;
    private readonly Dictionary<Guid, List<(string Text, string Link)>> attention = [];

    /// <summary>
    /// A county's attention list (the layout, the start page and the work list all show it): worked out once while the
    /// county's data and the day are unchanged, and shared by every request of those days.
    /// </summary>
    public async Task<IReadOnlyList<(string Text, string Link)>> AttentionAsync(County county, CancellationToken cancellationToken = default)
    {
        if (!attention.TryGetValue(county.Id, out var items))
        {
            var today = time.TodayInSweden();
            var records = await CountyAttention.RecordsAsync(shared, db, county.Id, cancellationToken);
            var fromData = await shared.GetAsync($"attention:{county.Id}:{today:yyyy-MM-dd}",
                () => CountyAttention.ForAsync(db, county, records.Agreements, records.Bodies, today, cancellationToken));
            attention[county.Id] = items = await CountyAttention.FailedMailAsync(db, county, cancellationToken) is { } mail ? [.. fromData, mail] : fromData;
        }

        return items;
    }

    public async Task<int> CountAsync(ClaimsPrincipal user) => (await ForAsync(user)).Count;

    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (cached is not null)
        {
            return cached;
        }

        var items = new List<WorkItem>();
        if (!access.IsSignedIn)
        {
            return cached = items;
        }

        var today = time.TodayInSweden();
        var now = time.GetUtcNow();
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        await AddSeatTasksAsync(items, counties, today, now, cancellationToken);

        if (access.IsPartyOfficial && access.PartyId is { } partyId && access.CountyId is { } partyCounty && counties.TryGetValue(partyCounty, out var county))
        {
            foreach (var follow in await Recommendations.FollowUpAsync(db, partyCounty, cancellationToken))
            {
                if (follow.Parties.Any(p => p.Party.Id == partyId && p.Decision is null))
                {
                    items.Add(new(PartyDecision, $"Registrera er kommuns beslut om rekommendationen § {follow.Item.Paragraph} {follow.Item.Title} ({follow.Body} {SwedishText.Date(follow.MeetingDay)})",
                        null, $"/counties/{county.Code}/recommendations", county.Code));
                }
            }
        }

        if (access.IsPartyOfficial && access.PartyId is { } officialParty && access.CountyId is { } own && counties.TryGetValue(own, out var home))
        {
            // Cases waiting for this party's council in a step for every council.
            var waiting = (await Cases.CaseSearch.WaitingAsync(db, own, cancellationToken)).Where(w => w.EveryPartyCouncil).ToList();
            if (waiting.Count > 0)
            {
                var stepIds = waiting.Select(w => w.StepId).ToList();
                var decided = await db.CaseSteps.AsNoTracking().Where(s => stepIds.Contains(s.Id))
                    .SelectMany(s => s.CouncilDecisions.Where(d => d.PartyId == officialParty && d.Outcome != Domain.Cases.StepOutcome.Returned).Select(d => d.StepId)).ToListAsync(cancellationToken);
                var isRegion = await db.Parties.AnyAsync(p => p.Id == officialParty && p.Kind == Domain.Counties.PartyKind.Region, cancellationToken);
                var municipalOnly = isRegion
                    ? await db.CaseSteps.AsNoTracking().Where(s => stepIds.Contains(s.Id) && s.MunicipalitiesOnly).Select(s => s.Id).ToListAsync(cancellationToken)
                    : [];
                foreach (var w in waiting.Where(w => !decided.Contains(w.StepId) && !municipalOnly.Contains(w.StepId)))
                {
                    items.Add(new(CouncilDecision, $"Registrera fullmäktiges beslut i ärendet {w.CaseNumber} {w.Title}", w.DueOn,
                        $"/counties/{home.Code}/cases/{w.CaseId}#step-{w.StepId}", home.Code));
                }
            }
        }

        // A named signatory of a municipality's contract signs it themself when signed in.
        if (!access.IsSecretariat && access.CountyId is { } ownCounty && counties.TryGetValue(ownCounty, out var signerCounty)
            && await Agreements.Contracts.SignedInPersonAsync(db, access, ownCounty, cancellationToken) is { } person)
        {
            var places = await db.Set<Domain.Agreements.ContractSignatory>().AsNoTracking().Where(s => s.PersonId == person && s.SignedOn == null).ToListAsync(cancellationToken);
            foreach (var place in places)
            {
                var contract = await db.PartyContracts.AsNoTracking().FirstAsync(c => c.Id == place.ContractId, cancellationToken);
                var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == contract.PartyId, cancellationToken);
                var title = await db.Agreements.AsNoTracking().Where(a => a.Id == contract.AgreementId).Select(a => a.Title).FirstAsync(cancellationToken);
                if (access.MaySignOwnPlace(contract.CountyId, contract.PartyId, place.Side))
                {
                    items.Add(new(SignContract, $"Skriv under samverkansavtalet med {party.Name} ({title})", null, $"/counties/{signerCounty.Code}/contracts/{contract.Id}", signerCounty.Code));
                }
            }
        }

        var managed = counties.Values.Where(c => access.IsSecretariat && access.CountyId == c.Id).ToList();
        foreach (var c in managed)
        {
            foreach (var (text, link) in await AttentionAsync(c, cancellationToken))
            {
                items.Add(new(Attention, text, null, link, c.Code));
            }
        }

        return cached = items.OrderBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Everything that follows from the person's seats in bodies, whichever account or membership the sign-in names.</summary>
    private async Task AddSeatTasksAsync(List<WorkItem> items, Dictionary<Guid, County> counties, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (access.MembershipId is not { } membershipId
            || await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken) is not { } signedInSeat)
        {
            return;
        }

        var seats = await db.Memberships.AsNoTracking().Where(m => m.PersonId == signedInSeat.PersonId).ToListAsync(cancellationToken);
        var seatIds = seats.Select(s => s.Id).ToList();
        var bodyIds = seats.Select(s => s.BodyId).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        string Code(Guid bodyId) => counties[bodies[bodyId].CountyId].Code;
        bool Chairs(Guid bodyId, DateOnly on) => seats.Any(s => s.BodyId == bodyId && s.Role == MembershipRole.Chair && s.IsActiveOn(on));

        var chairSeats = await db.Memberships.AsNoTracking().Where(m => bodyIds.Contains(m.BodyId) && m.Role == MembershipRole.Chair).ToListAsync(cancellationToken);

        // Meetings the person is summoned to: noticed, not yet held, with a seat on the day. Only noticed meetings are
        // read (the time is compared here: SQLite cannot compare offsets), never the bodies' whole history.
        var noticed = await db.Meetings.AsNoTracking().Where(m => bodyIds.Contains(m.BodyId) && m.Status == MeetingStatus.NoticeSent).ToListAsync(cancellationToken);
        foreach (var meeting in noticed.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt))
        {
            var day = meeting.StartsAt.SwedishDay();
            if (seats.Any(s => s.BodyId == meeting.BodyId && s.IsActiveOn(day)))
            {
                items.Add(new(Meeting, $"Sammanträde: {bodies[meeting.BodyId].Name} {SwedishText.Date(day)} kl. {meeting.StartsAt.ToSwedish():HH:mm}, {meeting.Location} – kallelse och handlingar",
                    day, $"/counties/{Code(meeting.BodyId)}/meetings/{meeting.Id}", Code(meeting.BodyId)));
            }
        }

        // Minutes to sign (the person who chaired) and to check (the appointed checker).
        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Attendance).Include(m => m.Items)
            .Where(m => bodyIds.Contains(m.BodyId) && (m.Status == MinutesStatus.Draft || m.Status == MinutesStatus.Signed)).ToListAsync(cancellationToken);
        var meetingIds = minutes.Select(m => m.MeetingId).ToList();
        var meetings = meetingIds.Count == 0 ? [] : await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var m in minutes)
        {
            var meeting = meetings[m.MeetingId];
            var day = meeting.StartsAt.SwedishDay();
            var url = $"/counties/{Code(m.BodyId)}/meetings/{m.MeetingId}/minutes";
            var name = $"{bodies[m.BodyId].Name} {SwedishText.Date(day)}";
            if (m.Status == MinutesStatus.Draft && m.Items.Count > 0 && m.CheckerMembershipId is not null && ChairedBy(m, seats, chairSeats, day))
            {
                items.Add(new(SignMinutes, $"Underteckna protokollet från {name}", null, url, Code(m.BodyId)));
            }
            else if (m.Status == MinutesStatus.Signed && m.CheckerMembershipId is { } checker && seatIds.Contains(checker))
            {
                items.Add(new(CheckMinutes, $"Justera protokollet från {name}", null, url, Code(m.BodyId)));
            }
        }

        // Reports the person's group owes, from 60 days before the due date; extra-meeting requests the chair answers.
        var chaired = bodyIds.Where(b => Chairs(b, today)).ToList();
        foreach (var report in await db.GroupReports.AsNoTracking().Where(r => chaired.Contains(r.BodyId) && r.ReceivedOn == null).ToListAsync(cancellationToken))
        {
            if (report.DueOn.DayNumber - today.DayNumber <= 60)
            {
                items.Add(new(GroupReport, $"{bodies[report.BodyId].Name}: återrapport till beredningen senast {SwedishText.Date(report.DueOn)}{(report.IsOverdue(today) ? " (försenad)" : string.Empty)}",
                    report.DueOn, $"/counties/{Code(report.BodyId)}/bodies/{report.BodyId}/reports", Code(report.BodyId)));
            }
        }

        foreach (var request in await db.ExtraMeetingRequests.AsNoTracking().Where(r => chaired.Contains(r.BodyId) && r.AnsweredByMeetingId == null).ToListAsync(cancellationToken))
        {
            items.Add(new(ExtraMeetingRequest, $"{bodies[request.BodyId].Name}: begäran om extra sammanträde väntar ({request.Reason})", null,
                $"/counties/{Code(request.BodyId)}/bodies/{request.BodyId}/meetings", Code(request.BodyId)));
        }
    }

    /// <summary>The person chaired the meeting: as its chair, or as a vice chair when the chair was recorded absent.</summary>
    private static bool ChairedBy(Minutes minutes, IReadOnlyList<Membership> seats, IReadOnlyList<Membership> chairSeats, DateOnly day)
    {
        bool Absent(Guid id) => minutes.Attendance.Any(a => a.MembershipId == id && !a.Present);
        var own = seats.Where(s => s.BodyId == minutes.BodyId && s.IsActiveOn(day)).ToList();
        if (own.Any(s => s.Role == MembershipRole.Chair && !Absent(s.Id)))
        {
            return true;
        }

        var chairAbsent = chairSeats.Any(c => c.BodyId == minutes.BodyId && c.IsActiveOn(day) && Absent(c.Id));
        return chairAbsent && own.Any(s => s.Role is MembershipRole.FirstViceChair or MembershipRole.ViceChair && !Absent(s.Id));
    }
}

public static class WorkListApi
{
    public static RouteGroupBuilder MapWorkListApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/tasks", ListAsync).WithSummary("The signed-in person's own work list: [{kind, title, dueOn, url, countyCode}].");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<WorkItem>>> ListAsync(WorkList work, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await work.ForAsync(http.User, cancellationToken));
}
