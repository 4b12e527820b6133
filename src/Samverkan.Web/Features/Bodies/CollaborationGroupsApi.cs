using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// Collaboration groups (seed 001 §3): set up and closed by an SRB decision, reporting to the SRB twice a year. Every
/// change through <see cref="BodyDesk"/>.
/// </summary>
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

    private static async Task<Created<GroupResponse>> CreateAsync(Guid id, GroupRequest request, BodyDesk desk, TimeProvider time, CancellationToken cancellationToken)
    {
        var group = await desk.CreateGroupAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/bodies/{group.Group.Id}", GroupResponse.From(group, time.TodayInSweden()));
    }

    private static async Task<Ok<GroupResponse>> CloseAsync(Guid id, CloseRequest request, BodyDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(GroupResponse.From(await desk.CloseGroupAsync(id, request, cancellationToken), time.TodayInSweden()));

    private static async Task<Ok<ReportResponse>> ReceiveAsync(Guid id, ReceiveRequest request, BodyDesk desk, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(ReportResponse.From(await desk.ReceiveReportAsync(id, request, cancellationToken), time.TodayInSweden()));
}
