using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>Minutes: drafted by the secretariat, signed by the chair, checked by the appointed member, dispatched; every change through <see cref="MinutesDesk"/>.</summary>
public static class MinutesApi
{
    public static RouteGroupBuilder MapMinutesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/minutes", CreateAsync).WithSummary("Starts the minutes of a meeting. Secretariat.");
        api.MapGet("/meetings/{id:guid}/minutes", GetAsync).WithSummary("The minutes as JSON, with status, hashes and each recommendation's consensus.");
        api.MapGet("/meetings/{id:guid}/minutes/pdf", PdfAsync).WithSummary("The minutes as PDF with their signature block.");
        api.MapPost("/meetings/{id:guid}/minutes/items", AddItemAsync).WithSummary("Adds a paragraph; § numbers run on per body and year. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/items/{itemId:guid}/advice", AdviceAsync)
            .WithSummary("The consultation forum's advice or position {advice, kind: Advice|Position} on a paragraph (or on an agenda item, which gets a paragraph). Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/items/{itemId:guid}/positions", PositionAsync).WithSummary("Records a party's position on a recommendation. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/attendance", AttendanceAsync).WithSummary("Records whether a member attended. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/checker", CheckerAsync).WithSummary("Records the member appointed to check the minutes. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/sign", SignAsync).WithSummary("The chair signs, as the signed-in person.");
        api.MapPost("/meetings/{id:guid}/minutes/check", CheckAsync).WithSummary("The appointed member checks (justerar), as the signed-in person.");
        api.MapPost("/meetings/{id:guid}/minutes/dispatch", DispatchAsync)
            .WithSummary("Sends the checked minutes to the regional board and every municipal executive board, and publishes them. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/corrections", CorrectAsync).WithSummary("Records a correction of checked minutes. Secretariat.");
        return api;
    }

    private static async Task<Created<MinutesResponse>> CreateAsync(Guid id, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, body) = await desk.OpenAsync(id, fromAgenda: false, cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{id}/minutes", await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Created<MinutesResponse>> AddItemAsync(Guid id, MinutesItemRequest request, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, body) = await desk.AddItemAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{id}/minutes", await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static Task<Ok<MinutesResponse>> AdviceAsync(Guid id, Guid itemId, AdviceRequest request, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.RecordAdviceAsync(id, itemId, request, cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> PositionAsync(Guid id, Guid itemId, PositionRequest request, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.RecordPositionsAsync(id, itemId, [request], cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> AttendanceAsync(Guid id, AttendanceRequest request, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.RecordAttendanceAsync(id, request, cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> CheckerAsync(Guid id, CheckerRequest request, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.AppointCheckerAsync(id, request, cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> SignAsync(Guid id, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.SignAsync(id, cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> CheckAsync(Guid id, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.CheckAsync(id, cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> DispatchAsync(Guid id, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.DispatchAsync(id, cancellationToken), cancellationToken);

    private static Task<Ok<MinutesResponse>> CorrectAsync(Guid id, CorrectionRequest request, MinutesDesk desk, AppDbContext db, CancellationToken cancellationToken) =>
        OkAsync(db, desk.CorrectAsync(id, request, cancellationToken), cancellationToken);

    private static async Task<FileContentHttpResult> PdfAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, meeting, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == minutes.CountyId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return TypedResults.File(MinutesDocument.Pdf(minutes, meeting, body, parties), "application/pdf",
            $"protokoll-{meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    private static async Task<Ok<MinutesResponse>> OkAsync(AppDbContext db, Task<(Domain.Meetings.Minutes Minutes, Domain.Bodies.Body Body)> change, CancellationToken cancellationToken)
    {
        var (minutes, body) = await change;
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }
}
