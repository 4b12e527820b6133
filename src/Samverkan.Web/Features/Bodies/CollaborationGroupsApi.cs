using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Bodies;

/// <summary>Collaboration groups (seed 001 §3): set up and closed by an SRB decision, reporting to the SRB twice a year.</summary>
public static class CollaborationGroupsApi
{
    public static RouteGroupBuilder MapCollaborationGroupsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bodies/{id:guid}/collaboration-groups", ListAsync).WithSummary("The SRB's collaboration groups, their charters and report dates (received, due, overdue).");
        api.MapPost("/bodies/{id:guid}/collaboration-groups", CreateAsync).WithSummary("Sets up a collaboration group by an SRB decision; report dates follow for the term. Secretariat.");
        api.MapPost("/bodies/{id:guid}/close", CloseAsync).WithSummary("Closes a collaboration group by an SRB decision. Secretariat.");
        api.MapPost("/group-reports/{id:guid}/received", ReceiveAsync).WithSummary("Records a group's report to the SRB. Secretariat.");
        return api;
    }


    private static async Task<Ok<List<GroupResponse>>> ListAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var srb = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var today = time.TodayInSweden();
        return TypedResults.Ok((await CollaborationGroups.GroupsAsync(db, srb.Id, cancellationToken)).Select(g => GroupResponse.From(g, today)).ToList());
    }

    private static async Task<Created<GroupResponse>> CreateAsync(Guid id, GroupRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var srb = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(srb.CountyId);
        if (srb.Rules.CompositionRules != CompositionRuleSet.StrategicRegionalCommittee)
        {
            throw new DomainRuleException("GroupUnderSrb", "Politiska samverkansgrupper inrättas av den strategiska regionala beredningen.");
        }

        // Every id in a body is checked against the county like ids in the path.
        if (request.DecisionItemId is { } itemId && !await db.Set<Domain.Meetings.MinutesItem>().AnyAsync(i => i.Id == itemId && i.CountyId == srb.CountyId, cancellationToken))
        {
            throw InputValidationException.For("decisionItemId", "Beslutsparagrafen (decisionItemId) finns inte i länets protokoll.");
        }

        var today = time.TodayInSweden();
        var established = request.EstablishedOn ?? today;
        var term = srb.TermOn(established) ?? throw new DomainRuleException("TermOfOffice", "Beredningen har ingen mandatperiod för det datumet.");
        var group = new Body(srb.CountyId, BodyKind.CollaborationGroup, request.Name ?? string.Empty, request.ShortName, BodyRules.Default, srb.OwnerPartyId, srb.Id);
        group.AddTerm(term.StartsOn, term.EndsOn, term.DeviationReference);
        var charter = new GroupCharter(group, request.Remit ?? string.Empty, request.WorkingForms, request.Decision ?? string.Empty, request.DecisionItemId, established);
        db.Bodies.Add(group);
        db.GroupCharters.Add(charter);
        var reports = GroupReport.Schedule(established, term.EndsOn).Select(d => new GroupReport(group, d)).ToList();
        db.GroupReports.AddRange(reports);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/bodies/{group.Id}", GroupResponse.From(new GroupView(group, charter, reports), today));
    }

    private static async Task<Ok<GroupResponse>> CloseAsync(Guid id, CloseRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var group = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(group.CountyId);
        var charter = await db.GroupCharters.FirstOrDefaultAsync(c => c.BodyId == group.Id, cancellationToken)
            ?? throw new DomainRuleException("GroupCharter", "Gruppen har inget beslut om inrättande registrerat.");
        var on = request.ClosedOn ?? time.TodayInSweden();
        charter.Close(request.Decision ?? string.Empty, on);
        db.GroupReports.RemoveRange(await db.GroupReports.Where(r => r.BodyId == group.Id && r.ReceivedOn == null && r.DueOn > on).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        var reports = await db.GroupReports.Where(r => r.BodyId == group.Id).OrderBy(r => r.DueOn).ToListAsync(cancellationToken);
        return TypedResults.Ok(GroupResponse.From(new GroupView(group, charter, reports), time.TodayInSweden()));
    }

    private static async Task<Ok<ReportResponse>> ReceiveAsync(Guid id, ReceiveRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var report = await db.GroupReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Återrapporten finns inte.");
        access.EnsureManage(report.CountyId);
        report.Receive(request.ReceivedOn ?? time.TodayInSweden(), request.Summary ?? string.Empty);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReportResponse.From(report, time.TodayInSweden()));
    }
}

/// <summary>Reminds each group's chair of a report due within 30 days, once; safe with several instances (a guarded update).</summary>
public sealed class GroupReportReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<GroupReportReminders> logger)
    : Infrastructure.Mail.HourlyReminders(time, logger, "Group report reminders")
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Time.TodayInSweden();
        var horizon = today.AddDays(GroupReport.ReminderDays);
        var due = await db.GroupReports.AsNoTracking().Where(r => r.ReceivedOn == null && r.ReminderSentOn == null && r.DueOn >= today && r.DueOn <= horizon)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var report in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.GroupReports.Where(r => r.Id == report.Id && r.ReminderSentOn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentOn, today), cancellationToken);
            if (claimed == 1)
            {
                var group = await db.Bodies.AsNoTracking().WithMembers().FirstAsync(b => b.Id == report.BodyId, cancellationToken);
                if (group.ActiveMemberships(today).FirstOrDefault(m => m.Role == MembershipRole.Chair)?.Person?.Email is { } email)
                {
                    Outbox.Enqueue(db, Time, group.CountyId, email, $"{group.Name}: återrapport till beredningen senast {SwedishText.Date(report.DueOn)}",
                        $"Politiska samverkansgrupper återrapporterar till den strategiska regionala beredningen två gånger per år. Nästa återrapport från {group.Name} ska vara beredningen till handa senast {SwedishText.Date(report.DueOn)}.");
                    await db.SaveChangesAsync(cancellationToken);
                }

                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }
}

public sealed record GroupRequest(string? Name, string? ShortName, string? Remit, string? WorkingForms, string? Decision, Guid? DecisionItemId, DateOnly? EstablishedOn);

public sealed record CloseRequest(string? Decision, DateOnly? ClosedOn);

public sealed record ReceiveRequest(DateOnly? ReceivedOn, string? Summary);

public sealed record ReportResponse(Guid Id, DateOnly DueOn, DateOnly? ReceivedOn, string? Summary, bool Overdue)
{
    public static ReportResponse From(GroupReport r, DateOnly today) => new(r.Id, r.DueOn, r.ReceivedOn, r.Summary, r.IsOverdue(today));
}

public sealed record GroupResponse(Guid Id, string Name, string? Remit, string? WorkingForms, string? EstablishedBy, DateOnly? EstablishedOn, string? ClosedBy, DateOnly? ClosedOn,
    IReadOnlyList<ReportResponse> Reports)
{
    public static GroupResponse From(GroupView g, DateOnly today) => new(g.Group.Id, g.Group.Name, g.Charter?.Remit, g.Charter?.WorkingForms,
        g.Charter?.EstablishedBy, g.Charter?.EstablishedOn, g.Charter?.ClosedBy, g.Charter?.ClosedOn, g.Reports.Select(r => ReportResponse.From(r, today)).ToList());
}
