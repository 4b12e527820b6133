using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>File content stored once per SHA-256, whoever uploads it and to whichever item.</summary>
public sealed class StoredFile
{
    public string Hash { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public long Size { get; set; }
}

/// <summary>A document (handling) attached to an agenda item; not public documents never reach the public pages.</summary>
public sealed class AgendaDocument : ICountyOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CountyId { get; set; }

    public Guid MeetingId { get; set; }

    public Guid AgendaItemId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public long Size { get; set; }

    public bool IsPublic { get; set; }

    public string UploadedBy { get; set; } = string.Empty;
}

/// <summary>
/// Uploads of agenda documents: PDF, DOCX, XLSX and ODT only, recognised by their first bytes as well as their name,
/// up to a size limit; served as downloads with a fixed content type, never shown inline.
/// </summary>
public static class Documents
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
    };

    /// <summary>Checks name, size and content; returns the content type to serve it with.</summary>
    public static string Validate(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type))
        {
            throw new DomainRuleException("DocumentType", $"Filen \"{fileName}\" är inte en tillåten typ; ladda upp PDF, DOCX, XLSX eller ODT.");
        }

        if (content.Length == 0 || content.Length > MaxBytes)
        {
            throw new DomainRuleException("DocumentSize", $"Filen \"{fileName}\" är {(content.Length == 0 ? "tom" : "större än 20 MB")}.");
        }

        var pdf = content.AsSpan().StartsWith("%PDF-"u8);
        var zip = content.AsSpan().StartsWith("PK\u0003\u0004"u8);
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? !pdf : !zip)
        {
            throw new DomainRuleException("DocumentContent", $"Innehållet i \"{fileName}\" stämmer inte med filtypen.");
        }

        return type;
    }

    public static async Task<AgendaDocument> AddAsync(AppDbContext db, Meeting meeting, Guid itemId, string fileName, byte[] content, bool isPublic, string uploadedBy,
        CancellationToken cancellationToken = default)
    {
        if (meeting.Agenda.All(a => a.Id != itemId))
        {
            throw new NotFoundException("Ärendet finns inte på föredragningslistan.");
        }

        var type = Validate(fileName, content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!await db.StoredFiles.AnyAsync(f => f.Hash == hash, cancellationToken))
        {
            db.StoredFiles.Add(new StoredFile { Hash = hash, Content = content, Size = content.Length });
        }

        var document = new AgendaDocument
        {
            CountyId = meeting.CountyId,
            MeetingId = meeting.Id,
            AgendaItemId = itemId,
            FileName = Path.GetFileName(fileName),
            ContentType = type,
            Hash = hash,
            Size = content.Length,
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
        if (file is null || file.Length > MaxBytes)
        {
            throw new DomainRuleException(file is null ? "DocumentFile" : "DocumentSize", file is null ? "Välj en fil." : $"Filen \"{file.FileName}\" är större än 20 MB.");
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        return await AddAsync(db, meeting, itemId, file.FileName, memory.ToArray(), isPublic, uploadedBy);
    }

    public static async Task<FileContentHttpResult> DownloadAsync(AppDbContext db, AgendaDocument document, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Hash == document.Hash, cancellationToken);
        return TypedResults.File(file.Content, document.ContentType, document.FileName);
    }

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
        var (meeting, _) = await MeetingsApi.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(meeting.CountyId);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var file = form?.Files["file"] ?? throw new DomainRuleException("DocumentFile", "Skicka filen som multipart/form-data i fältet \"file\".");
        if (file.Length > MaxBytes)
        {
            throw new DomainRuleException("DocumentSize", $"Filen \"{file.FileName}\" är större än 20 MB.");
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, cancellationToken);
        // Public access is a decision per document (offentlighetsprincipen, OSL): only an explicit "true" makes it public.
        var isPublic = string.Equals(form["isPublic"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var document = await AddAsync(db, meeting, itemId, file.FileName, memory.ToArray(), isPublic, http.User.Identity?.Name ?? "okänd", cancellationToken);
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
