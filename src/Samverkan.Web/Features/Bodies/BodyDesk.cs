using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// Every change of a body, for the body's pages and the API alike: appointing and ending members, opening the next
/// term, and the SRB's collaboration groups with their reports. Each use case loads the body tracked, checks access
/// through <see cref="Access"/> (only the secretariat changes a body), checks the version the form was read at and the
/// input (the same Swedish messages on both), calls the domain and saves under <see cref="ConflictRetry"/>. A body's
/// meetings change through <see cref="Meetings.MeetingPlanner"/>.
/// </summary>
public sealed class BodyDesk(AppDbContext db, Access access, TimeProvider time)
{
    public const string MembersChanged = "Någon annan har ändrat organets ledamöter under tiden. Kontrollera listan och försök igen.";

    private const string BodyChanged = "Någon annan har ändrat organet under tiden. Läs in sidan igen och gör om ändringen.";

    private DateOnly Today => time.TodayInSweden();

    /// <summary>Appoints a person of the county, for a party of the county; the domain checks the body's rules (no substitutes in the SRB, …).</summary>
    public Task<(Body Body, Membership Membership)> AddMembershipAsync(Guid bodyId, MembershipRequest request, CancellationToken cancellationToken,
        Guid? countyId = null, int? version = null) => ChangeAsync(bodyId, countyId, version, MembersChanged, async body =>
    {
        var input = new InputCheck();
        var person = request.PersonId is { } personId ? await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.CountyId == body.CountyId, cancellationToken) : null;
        if (person is null)
        {
            input.Add("personId", "Välj en person i länet.");
        }

        var party = request.AppointingPartyId is { } partyId ? await db.Parties.FirstOrDefaultAsync(p => p.Id == partyId && p.CountyId == body.CountyId, cancellationToken) : null;
        if (party is null)
        {
            input.Add("appointingPartyId", "Välj den part i länet som utser ledamoten.");
        }

        var politicalParty = string.IsNullOrWhiteSpace(request.PoliticalParty) ? null
            : await db.PoliticalParties.FirstOrDefaultAsync(p => p.Abbreviation == request.PoliticalParty, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.PoliticalParty) && politicalParty is null)
        {
            input.Add("politicalParty", $"Partiet '{request.PoliticalParty}' är okänt.");
        }

        var from = input.Required(request.From, "from", "Ange från vilket datum uppdraget gäller (ÅÅÅÅ-MM-DD).");
        input.ThrowIfAny();
        return body.AddMembership(person!, party!, request.Role ?? MembershipRole.Member, politicalParty, request.Side, request.Office ?? QualifyingOffice.None,
            request.OfficeTitle, from!.Value, request.To);
    }, cancellationToken);

    public Task<(Body Body, Membership Membership)> EndMembershipAsync(Guid bodyId, Guid membershipId, EndMembershipRequest request, CancellationToken cancellationToken,
        Guid? countyId = null, int? version = null) => ChangeAsync(bodyId, countyId, version, MembersChanged, body =>
    {
        var input = new InputCheck();
        var on = input.Required(request.On, "on", "Ange sista dagen för uppdraget (ÅÅÅÅ-MM-DD).");
        input.ThrowIfAny();
        body.EndMembership(membershipId, on!.Value);
        return Task.FromResult(body.Memberships.First(m => m.Id == membershipId));
    }, cancellationToken);

    /// <summary>Opens the next term (after the election year), with today's seats copied as a starting point when asked.</summary>
    public Task<(Body Body, TermOfOffice Term)> OpenNextTermAsync(Guid bodyId, bool copySeats, CancellationToken cancellationToken, Guid? countyId = null,
        int? version = null) => ChangeAsync(bodyId, countyId, version, BodyChanged, body => Task.FromResult(body.OpenNextTerm(copySeats)), cancellationToken);

    /// <summary>Sets up a collaboration group by an SRB decision (seed 001 §3); its report dates follow for the term.</summary>
    public Task<GroupView> CreateGroupAsync(Guid srbId, GroupRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var srb = await LoadAsync(srbId, countyId, cancellationToken);
            access.EnsureManage(srb.CountyId);
            if (!srb.Rules.SetsUpCollaborationGroups)
            {
                throw new DomainRuleException("GroupUnderSrb", $"{srb.Name} inrättar inte politiska samverkansgrupper enligt sina regler.");
            }

            // Every id in a body is checked against the county like ids in the path.
            if (request.DecisionItemId is { } itemId
                && !await db.Set<Domain.Meetings.MinutesItem>().AnyAsync(i => i.Id == itemId && i.CountyId == srb.CountyId, cancellationToken))
            {
                throw InputValidationException.For("decisionItemId", "Beslutsparagrafen (decisionItemId) finns inte i länets protokoll.");
            }

            var established = request.EstablishedOn ?? Today;
            var term = srb.TermOn(established) ?? throw new DomainRuleException("TermOfOffice", "Beredningen har ingen mandatperiod för det datumet.");
            var group = new Body(srb.CountyId, BodyKind.CollaborationGroup, request.Name ?? string.Empty, request.ShortName, BodyRules.Default, srb.OwnerPartyId, srb.Id);
            group.AddTerm(term.StartsOn, term.EndsOn, term.DeviationReference);
            var charter = new GroupCharter(group, request.Remit ?? string.Empty, request.WorkingForms, request.Decision ?? string.Empty, request.DecisionItemId, established);
            db.Bodies.Add(group);
            db.GroupCharters.Add(charter);
            var reports = GroupReport.Schedule(established, term.EndsOn).Select(d => new GroupReport(group, d)).ToList();
            db.GroupReports.AddRange(reports);
            await db.SaveChangesAsync(cancellationToken);
            return new GroupView(group, charter, reports);
        }, cancellationToken);

    /// <summary>Closes a collaboration group by an SRB decision; reports not yet due after the day fall away.</summary>
    public Task<GroupView> CloseGroupAsync(Guid groupId, CloseRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var group = await LoadAsync(groupId, countyId, cancellationToken);
            access.EnsureManage(group.CountyId);
            var charter = await db.GroupCharters.FirstOrDefaultAsync(c => c.BodyId == group.Id, cancellationToken)
                ?? throw new DomainRuleException("GroupCharter", "Gruppen har inget beslut om inrättande registrerat.");
            var on = request.ClosedOn ?? Today;
            charter.Close(request.Decision ?? string.Empty, on);
            db.GroupReports.RemoveRange(await db.GroupReports.Where(r => r.BodyId == group.Id && r.ReceivedOn == null && r.DueOn > on).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            var reports = await db.GroupReports.Where(r => r.BodyId == group.Id).OrderBy(r => r.DueOn).ToListAsync(cancellationToken);
            return new GroupView(group, charter, reports);
        }, cancellationToken);

    /// <summary>Records a group's report to the SRB, received today unless told.</summary>
    public Task<GroupReport> ReceiveReportAsync(Guid reportId, ReceiveRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var report = await db.GroupReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
            if (report is null || (countyId is { } county && report.CountyId != county))
            {
                throw new NotFoundException("Återrapporten finns inte.");
            }

            access.EnsureManage(report.CountyId);
            var input = new InputCheck();
            var summary = input.Required(request.Summary, "summary", "Sammanfatta återrapporten.");
            input.ThrowIfAny();
            report.Receive(request.ReceivedOn ?? Today, summary!);
            await db.SaveChangesAsync(cancellationToken);
            return report;
        }, cancellationToken);

    /// <summary>A body the user may read, tracked with its terms and members; when the page names a county, only that county's.</summary>
    public async Task<Body> LoadAsync(Guid bodyId, Guid? countyId, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, bodyId, cancellationToken);
        if (countyId is { } county && body.CountyId != county)
        {
            throw new NotFoundException("Organet finns inte i det här länet.");
        }

        return body;
    }

    private Task<(Body Body, T Result)> ChangeAsync<T>(Guid bodyId, Guid? countyId, int? version, string changed, Func<Body, Task<T>> change,
        CancellationToken cancellationToken) => ConflictRetry.RunAsync(db, async () =>
    {
        var body = await LoadAsync(bodyId, countyId, cancellationToken);
        access.EnsureManage(body.CountyId);
        StaleVersionException.Ensure(body.Version, version, changed);
        var result = await change(body);
        await db.SaveChangesAsync(cancellationToken);
        return (body, result);
    }, cancellationToken);
}
