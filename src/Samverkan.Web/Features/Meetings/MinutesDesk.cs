using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// Every change of minutes, for the minutes page, the recommendations page and the API alike: drafted by the
/// secretariat, signed by the chair, checked by the appointed member, dispatched, corrected; and each party's own
/// decision on a recommendation. Each use case loads the minutes tracked, checks access through <see cref="Access"/>,
/// checks the input (the same Swedish messages on both), calls the domain and saves under <see cref="ConflictRetry"/>;
/// a change that adds paragraphs renumbers the body's year in the same transaction (<see cref="MinutesRegister"/>).
/// </summary>
public sealed class MinutesDesk(AppDbContext db, Access access, TimeProvider time)
{
    private const string Changed = "Någon annan har ändrat protokollet under tiden. Läs in det på nytt och gör ändringen igen.";

    private DateOnly Today => time.TodayInSweden();

    /// <summary>Starts the minutes on the meeting's day or later; <paramref name="fromAgenda"/>: one paragraph per agenda item, the proposal as the draft decision.</summary>
    public Task<(Minutes Minutes, Body Body)> OpenAsync(Guid meetingId, bool fromAgenda, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (meeting, body) = await MeetingQueries.LoadAsync(db, access, meetingId, cancellationToken);
            EnsureCounty(meeting.CountyId, countyId);
            access.EnsureManage(meeting.CountyId);
            if (await db.Minutes.AnyAsync(m => m.MeetingId == meeting.Id, cancellationToken))
            {
                throw new DomainRuleException("MinutesExist", "Sammanträdet har redan ett protokoll.", RuleSeverity.Conflict);
            }

            var minutes = Minutes.Open(meeting, meeting.StartsAt.SwedishDay(), Today);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Minutes.Add(minutes);
            if (fromAgenda)
            {
                var paragraph = await MinutesRegister.NextParagraphAsync(db, minutes, cancellationToken);
                foreach (var item in meeting.Agenda.OrderBy(a => a.Number))
                {
                    minutes.AddItem(paragraph++, item.Title, null, item.ProposedDecision ?? "Antecknas.", DecisionKind.Information, item.Id);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await MinutesRegister.RenumberAsync(db, minutes.BodyId, minutes.Year, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (minutes, body);
        }, cancellationToken);

    public async Task<(Minutes Minutes, Body Body)> AddItemAsync(Guid meetingId, MinutesItemRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: true, numbers: true, async (minutes, meeting, _) =>
        {
            var input = new InputCheck();
            var title = input.Required(request.Title, "title", "Ange paragrafens rubrik.");
            var decision = input.Required(request.Decision, "decision", minutes.Advisory ? "Skriv rådet eller ställningstagandet." : "Skriv beslutet.");
            input.ThrowIfAny();
            if (request.AgendaItemId is { } agendaItemId && meeting.Agenda.All(a => a.Id != agendaItemId))
            {
                throw new NotFoundException("Ärendet finns inte på sammanträdets föredragningslista.");
            }

            var paragraph = await MinutesRegister.NextParagraphAsync(db, minutes, cancellationToken);
            return minutes.AddItem(paragraph, title!, request.Discussion, decision!, request.Kind ?? DecisionKind.Information, request.AgendaItemId);
        }, cancellationToken);
        return (minutes, body);
    }

    /// <summary>
    /// Seed 003: the forum is "ej beslutande organ – enbart rådgivande". <paramref name="itemId"/> is a paragraph of the
    /// minutes, or an item of the meeting's agenda, which then gets its paragraph with the advice.
    /// </summary>
    public async Task<(Minutes Minutes, Body Body)> RecordAdviceAsync(Guid meetingId, Guid itemId, AdviceRequest request, CancellationToken cancellationToken,
        Guid? countyId = null)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: true, numbers: true, async (minutes, meeting, _) =>
        {
            StaleVersionException.Ensure(minutes.Version, request.Version, Changed);
            var kind = request.Kind ?? DecisionKind.Advice;
            if (string.IsNullOrWhiteSpace(request.Advice))
            {
                // A decision is refused by its rule before anything else: the forum never decides, however the request reads.
                if (minutes.Advisory && DecisionKinds.IsDecision(kind))
                {
                    throw new DomainRuleException("ForumNeverDecides", "Samrådet är inte ett beslutande organ; det ger enbart råd och ställningstaganden inför nämndens beslut.");
                }

                throw InputValidationException.For("advice", "Skriv rådet eller ställningstagandet.");
            }

            if (minutes.Items.Any(i => i.Id == itemId))
            {
                return minutes.RecordAdvice(itemId, request.Advice, kind);
            }

            var agendaItem = meeting.Agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new NotFoundException("Paragrafen eller ärendet finns inte i sammanträdet.");
            var paragraph = await MinutesRegister.NextParagraphAsync(db, minutes, cancellationToken);
            var item = minutes.AddItem(paragraph, agendaItem.Title, null, request.Advice, DecisionKind.Information);
            return minutes.RecordAdvice(item.Id, request.Advice, kind);
        }, cancellationToken);
        return (minutes, body);
    }

    /// <summary>Parties' positions on a recommendation: the API records one at a time, the page every party's in one form.</summary>
    public async Task<(Minutes Minutes, Body Body)> RecordPositionsAsync(Guid meetingId, Guid itemId, IReadOnlyList<PositionRequest> requests,
        CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: true, numbers: false, async (minutes, _, _) =>
        {
            var input = new InputCheck();
            if (requests.Count == 0 || requests.Any(r => r.PartyId is null))
            {
                input.Add("partyId", "Välj en part.");
            }

            input.ThrowIfAny();
            var partyIds = requests.Select(r => r.PartyId!.Value).ToList();
            var known = await db.Parties.Where(p => p.CountyId == minutes.CountyId && partyIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var request in requests)
            {
                if (!known.Contains(request.PartyId!.Value))
                {
                    throw new DomainRuleException("PositionParty", "Välj en part i länet.");
                }

                minutes.RecordPosition(itemId, request.PartyId.Value, request.Position ?? PartyPosition.Agree, request.Note);
            }

            return true;
        }, cancellationToken);
        return (minutes, body);
    }

    /// <summary>One member's attendance (the API), or the whole roll call with the checker (the page).</summary>
    public Task<(Minutes Minutes, Body Body)> RecordAttendanceAsync(Guid meetingId, AttendanceRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(meetingId, countyId, (minutes, _, body) => minutes.RecordAttendance(Member(body, request.MembershipId, "AttendanceMember"), request.Present), cancellationToken);

    public Task<(Minutes Minutes, Body Body)> RecordRollCallAsync(Guid meetingId, RollCallRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(meetingId, countyId, (minutes, _, body) =>
        {
            foreach (var member in body.ActiveMemberships(Today).Where(m => m.CountsAsMember))
            {
                minutes.RecordAttendance(member, request.Present.Contains(member.Id));
            }

            if (request.CheckerId is { } checker)
            {
                minutes.AppointChecker(Member(body, checker, "CheckerMember"));
            }
        }, cancellationToken);

    public Task<(Minutes Minutes, Body Body)> AppointCheckerAsync(Guid meetingId, CheckerRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(meetingId, countyId, (minutes, _, body) => minutes.AppointChecker(Member(body, request.MembershipId, "CheckerMember")), cancellationToken);

    /// <summary>The chair signs, as the signed-in person (a vice chair when the chair was absent: the domain's rule).</summary>
    public async Task<(Minutes Minutes, Body Body)> SignAsync(Guid meetingId, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: false, numbers: false, async (minutes, meeting, body) =>
        {
            var seat = OwnSeat(body);
            minutes.Sign(seat, body.ActiveMemberships(meeting.StartsAt.SwedishDay()), await MinutesRegister.SignatureAsync(db, seat, cancellationToken), time.GetUtcNow(),
                meeting.StartsAt);
            return true;
        }, cancellationToken);
        return (minutes, body);
    }

    /// <summary>
    /// Signing fixes the paragraph numbers, which follow the meetings' dates within the body's year: an earlier meeting's
    /// draft minutes are signed first, so that a later meeting never holds lower numbers than one before it.
    /// </summary>
    private async Task EnsureEarlierMinutesSignedAsync(Minutes minutes, Meeting meeting, CancellationToken cancellationToken)
    {
        var earlier = await db.Minutes.AsNoTracking()
            .Where(m => m.BodyId == minutes.BodyId && m.Year == minutes.Year && m.Id != minutes.Id && m.Status == MinutesStatus.Draft)
            .Join(db.Meetings.AsNoTracking(), m => m.MeetingId, x => x.Id, (m, x) => x.StartsAt)
            .ToListAsync(cancellationToken);
        earlier = earlier.Where(startsAt => startsAt < meeting.StartsAt).ToList(); // compared here: SQLite cannot compare offsets
        if (earlier.Count > 0)
        {
            throw new DomainRuleException("ParagraphOrder",
                $"Protokollet från sammanträdet {earlier.Min().SwedishDay():yyyy-MM-dd} är inte undertecknat. Paragraferna numreras i sammanträdenas ordning; underteckna det först.",
                RuleSeverity.Conflict);
        }
    }

    /// <summary>The appointed member checks (justerar), as the signed-in person; the cases the minutes handled record their steps.</summary>
    public async Task<(Minutes Minutes, Body Body)> CheckAsync(Guid meetingId, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: false, numbers: false, async (minutes, meeting, body) =>
        {
            var seat = OwnSeat(body);
            minutes.Check(seat, await MinutesRegister.SignatureAsync(db, seat, cancellationToken), time.GetUtcNow());
            await Cases.CaseCouncils.RecordHandledStepsAsync(db, minutes, body, meeting.StartsAt.SwedishDay(), Today, cancellationToken);
            return true;
        }, cancellationToken);
        return (minutes, body);
    }

    public async Task<(Minutes Minutes, Body Body)> DispatchAsync(Guid meetingId, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: true, numbers: false, async (minutes, meeting, body) =>
        {
            Dispatching.Dispatch(db, time, minutes, meeting, body, await db.Parties.AsNoTracking().Where(p => p.CountyId == minutes.CountyId).ToListAsync(cancellationToken));
            return true;
        }, cancellationToken);
        return (minutes, body);
    }

    public Task<(Minutes Minutes, Body Body)> CorrectAsync(Guid meetingId, CorrectionRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(meetingId, countyId, (minutes, _, _) =>
        {
            var input = new InputCheck();
            var text = input.Required(request.Text, "text", "Beskriv rättelsen.");
            input.ThrowIfAny();
            minutes.Correct(text!, access.UserName, time.GetUtcNow());
        }, cancellationToken);

    /// <summary>
    /// A party's own decision on a recommendation in checked minutes: by the party's official or the secretariat. Whose
    /// data it is comes before whether the request is complete, so other counties learn nothing.
    /// </summary>
    public Task<PartyDecision> RecordPartyDecisionAsync(Guid itemId, PartyDecisionRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var minutes = await db.Minutes.Include(m => m.Items).FirstOrDefaultAsync(m => m.Items.Any(i => i.Id == itemId), cancellationToken);
            if (minutes is null || (countyId is { } county && minutes.CountyId != county))
            {
                throw new NotFoundException("Rekommendationen finns inte.");
            }

            access.EnsureRead(minutes.CountyId);
            var input = new InputCheck();
            var partyId = input.Required(request.PartyId, "partyId", "Välj part.");
            var outcome = input.Required(request.Outcome, "outcome", "Välj partens beslut.");
            var decidedOn = input.Required(request.DecidedOn, "decidedOn", "Ange beslutsdatum (ÅÅÅÅ-MM-DD).");
            var reference = input.Required(request.Reference, "reference", "Ange beslutets referens, till exempel \"KS 2026-10-05 § 112\".");
            input.ThrowIfAny();

            access.EnsureActFor(minutes.CountyId, partyId!.Value);
            if (!await db.Parties.AnyAsync(p => p.Id == partyId && p.CountyId == minutes.CountyId, cancellationToken))
            {
                throw new NotFoundException("Parten finns inte i länet.");
            }

            if (await db.PartyDecisions.AnyAsync(d => d.MinutesItemId == itemId && d.PartyId == partyId, cancellationToken))
            {
                throw new DomainRuleException("DecisionTwice", "Partens beslut om rekommendationen är redan registrerat.", RuleSeverity.Conflict);
            }

            var decision = new PartyDecision(minutes, minutes.Items.Single(i => i.Id == itemId), partyId.Value, outcome!.Value, decidedOn!.Value, reference!,
                access.UserName, Today);
            db.PartyDecisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            return decision;
        }, cancellationToken);

    /// <summary>The minutes of a meeting the user may read, tracked; when the page names a county, only that county's.</summary>
    public async Task<(Minutes Minutes, Meeting Meeting, Body Body)> LoadAsync(Guid meetingId, Guid? countyId, CancellationToken cancellationToken)
    {
        var loaded = await MinutesRegister.LoadAsync(db, access, meetingId, cancellationToken);
        EnsureCounty(loaded.Minutes.CountyId, countyId);
        return loaded;
    }

    private static void EnsureCounty(Guid actual, Guid? countyId)
    {
        if (countyId is { } county && actual != county)
        {
            throw new NotFoundException("Sammanträdet finns inte i det här länet.");
        }
    }

    /// <summary>The signed-in member's own seat in the body today: only members sign or check, and only themselves.</summary>
    private Membership OwnSeat(Body body) =>
        access.MembershipId is { } id && body.ActiveMemberships(Today).FirstOrDefault(m => m.Id == id) is { } seat
            ? seat
            : throw new ForbiddenException("Bara ledamöter i organet kan underteckna eller justera dess protokoll, och bara själva.");

    private static Membership Member(Body body, Guid? membershipId, string rule) =>
        body.Memberships.FirstOrDefault(m => m.Id == membershipId) ?? throw new DomainRuleException(rule, "Välj en ledamot i organet.");

    /// <summary>A change by the secretariat that never adds a paragraph.</summary>
    private async Task<(Minutes Minutes, Body Body)> ChangeAsync(Guid meetingId, Guid? countyId, Action<Minutes, Meeting, Body> change, CancellationToken cancellationToken)
    {
        var (minutes, body, _) = await ChangeAsync(meetingId, countyId, manage: true, numbers: false, (minutes, meeting, body) =>
        {
            change(minutes, meeting, body);
            return Task.FromResult(true);
        }, cancellationToken);
        return (minutes, body);
    }

    private Task<(Minutes Minutes, Body Body, T Result)> ChangeAsync<T>(Guid meetingId, Guid? countyId, bool manage, bool numbers,
        Func<Minutes, Meeting, Body, Task<T>> change, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var (minutes, meeting, body) = await LoadAsync(meetingId, countyId, cancellationToken);
            if (manage)
            {
                access.EnsureManage(minutes.CountyId);
            }

            await using var transaction = numbers ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var result = await change(minutes, meeting, body);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await MinutesRegister.RenumberAsync(db, minutes.BodyId, minutes.Year, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return (minutes, body, result);
        }, cancellationToken);
}
