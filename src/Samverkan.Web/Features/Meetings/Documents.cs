using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// Agenda documents: uploaded through the file store (<see cref="FileStore"/>), attached to an agenda item, and
/// downloaded by the county's users or, when public and the meeting is noticed, by anyone.
/// </summary>
public static class Documents
{
    public static async Task<AgendaDocument> AddAsync(AppDbContext db, Meeting meeting, Guid itemId, string fileName, byte[] content, bool isPublic, string uploadedBy,
        CancellationToken cancellationToken = default)
    {
        if (meeting.Agenda.All(a => a.Id != itemId))
        {
            throw new NotFoundException("Ärendet finns inte på föredragningslistan.");
        }

        var stored = await FileStore.StoreAsync(db, fileName, content, cancellationToken);
        var document = new AgendaDocument
        {
            CountyId = meeting.CountyId,
            MeetingId = meeting.Id,
            AgendaItemId = itemId,
            FileName = stored.FileName,
            ContentType = stored.ContentType,
            Hash = stored.Hash,
            Size = stored.Size,
            IsPublic = isPublic,
            UploadedBy = uploadedBy,
        };
        db.AgendaDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    /// <summary>A file from the meeting page's form: refused when none was chosen or when it is too large to read.</summary>
    public static async Task<AgendaDocument> AddFromFormAsync(AppDbContext db, Meeting meeting, Guid itemId, IFormFile? file, bool isPublic, string uploadedBy)
    {
        var (fileName, content) = await FileStore.ReadAsync(file ?? throw new DomainRuleException("DocumentFile", "Välj en fil."), CancellationToken.None);
        return await AddAsync(db, meeting, itemId, fileName, content, isPublic, uploadedBy);
    }

    public static Task<FileContentHttpResult> DownloadAsync(AppDbContext db, AgendaDocument document, CancellationToken cancellationToken) =>
        FileStore.DownloadAsync(db, document.Hash, document.ContentType, document.FileName, cancellationToken);

    public static void MapDocuments(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/agenda-items/{itemId:guid}/documents", UploadAsync)
            .DisableAntiforgery() // the API takes bearer tokens only, which a browser never sends on its own
            .WithSummary("Uploads a document to an agenda item (PDF, DOCX, XLSX, ODT; at most 20 MB). Form fields: file, isPublic (only \"true\" makes it public; not public by default). Secretariat.");
        api.MapGet("/documents/{id:guid}", GetAsync).WithSummary("Downloads a document, always as an attachment.");
        app.MapGet("/public/documents/{id:guid}", PublicAsync).AllowAnonymous().WithSummary("A public document of a meeting whose notice is sent.");
    }

    // The form is read by hand after the access check: a bound IFormFile would make routing answer 415 before authentication.
    private static async Task<Created<DocumentResponse>> UploadAsync(Guid id, Guid itemId, HttpRequest request, Access access, AppDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (meeting, _) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(meeting.CountyId);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var file = form?.Files["file"] ?? throw new DomainRuleException("DocumentFile", "Skicka filen som multipart/form-data i fältet \"file\".");
        var (fileName, content) = await FileStore.ReadAsync(file, cancellationToken);
        // Public access is a decision per document (offentlighetsprincipen, OSL): only an explicit "true" makes it public.
        var isPublic = string.Equals(form["isPublic"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var document = await AddAsync(db, meeting, itemId, fileName, content, isPublic, access.UserName, cancellationToken);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", DocumentResponse.From(document));
    }

    private static async Task<FileContentHttpResult> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.AgendaDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Handlingen finns inte.");
        access.EnsureRead(document.CountyId);
        return await DownloadAsync(db, document, cancellationToken);
    }

    private static async Task<IResult> PublicAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.AgendaDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.IsPublic, cancellationToken);
        var noticed = document is not null && await db.Meetings.AnyAsync(m => m.Id == document.MeetingId && m.Status == MeetingStatus.NoticeSent, cancellationToken);
        return noticed ? await DownloadAsync(db, document!, cancellationToken) : TypedResults.NotFound();
    }
}

public sealed record DocumentResponse(Guid Id, Guid AgendaItemId, string FileName, string ContentType, long Size, bool IsPublic, string Hash)
{
    public static DocumentResponse From(AgendaDocument d) => new(d.Id, d.AgendaItemId, d.FileName, d.ContentType, d.Size, d.IsPublic, d.Hash);
}
