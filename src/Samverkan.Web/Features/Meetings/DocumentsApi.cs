using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>Agenda documents: uploaded through <see cref="MeetingPlanner"/> (as on the meeting page), downloaded here.</summary>
public static class DocumentsApi
{
    public static void MapDocuments(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/agenda-items/{itemId:guid}/documents", UploadAsync)
            .DisableAntiforgery() // the API takes bearer tokens only, which a browser never sends on its own
            .WithSummary("Uploads a document to an agenda item (PDF, DOCX, XLSX, ODT; at most 20 MB). Form fields: file, isPublic (only \"true\" makes it public; not public by default). Secretariat.");
        api.MapGet("/documents/{id:guid}", GetAsync).WithSummary("Downloads a document, always as an attachment.");
        app.MapGet("/public/documents/{id:guid}", PublicAsync).AllowAnonymous().WithSummary("A public document of a meeting whose notice is sent.");
    }

    // The form is read by hand after the access check: a bound IFormFile would make routing answer 415 before authentication.
    private static async Task<Created<DocumentResponse>> UploadAsync(Guid id, Guid itemId, HttpRequest request, MeetingPlanner planner, Access access,
        CancellationToken cancellationToken)
    {
        access.EnsureManage((await planner.LoadAsync(id, null, cancellationToken)).Meeting.CountyId);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        // Public access is a decision per document (offentlighetsprincipen, OSL): only an explicit "true" makes it public.
        var isPublic = form is not null && string.Equals(form["isPublic"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var document = await planner.AddDocumentAsync(id, itemId, form?.Files["file"], isPublic, cancellationToken);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", DocumentResponse.From(document));
    }

    private static async Task<FileContentHttpResult> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.AgendaDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Handlingen finns inte.");
        access.EnsureRead(document.CountyId);
        return await Documents.DownloadAsync(db, document, cancellationToken);
    }

    private static async Task<IResult> PublicAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.AgendaDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.IsPublic, cancellationToken);
        var noticed = document is not null && await db.Meetings.AnyAsync(m => m.Id == document.MeetingId && m.Status == MeetingStatus.NoticeSent, cancellationToken);
        return noticed ? await Documents.DownloadAsync(db, document!, cancellationToken) : TypedResults.NotFound();
    }
}
