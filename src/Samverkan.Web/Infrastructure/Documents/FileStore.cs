using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure.Documents;

/// <summary>File content stored once per SHA-256, whoever uploads it and to whichever record.</summary>
public sealed class StoredFile
{
    public string Hash { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public long Size { get; set; }
}

/// <summary>
/// The one file store for every upload (agenda documents, case documents, signed contracts): PDF, DOCX, XLSX and ODT
/// only, recognised by their first bytes as well as their name, up to <see cref="MaxBytes"/>; stored once per content
/// hash in the database, in the caller's transaction; served as downloads with a fixed content type, never inline.
/// </summary>
public static class FileStore
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The limit as users read it, on forms and in refusals.</summary>
    public const string MaxSizeText = "20 MB";

    /// <summary>What the file field of a form accepts.</summary>
    public const string Accept = ".pdf,.docx,.xlsx,.odt";

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
            throw content.Length == 0 ? new DomainRuleException("DocumentSize", $"Filen \"{fileName}\" är tom.") : TooLarge(fileName);
        }

        var pdf = content.AsSpan().StartsWith("%PDF-"u8);
        var zip = content.AsSpan().StartsWith("PK\u0003\u0004"u8);
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? !pdf : !zip)
        {
            throw new DomainRuleException("DocumentContent", $"Innehållet i \"{fileName}\" stämmer inte med filtypen.");
        }

        return type;
    }

    /// <summary>Reads an uploaded file, refusing one over the limit before it is read into memory.</summary>
    public static async Task<(string FileName, byte[] Content)> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxBytes)
        {
            throw TooLarge(file.FileName);
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, cancellationToken);
        return (file.FileName, memory.ToArray());
    }

    /// <summary>
    /// Validates and stores the content (once per hash, also when the same content was added earlier in this unit of
    /// work) and returns the reference a record keeps. Saved with the caller's change.
    /// </summary>
    public static async Task<StoredFileRef> StoreAsync(AppDbContext db, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var type = Validate(fileName, content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (db.StoredFiles.Local.All(f => f.Hash != hash) && !await db.StoredFiles.AnyAsync(f => f.Hash == hash, cancellationToken))
        {
            db.StoredFiles.Add(new StoredFile { Hash = hash, Content = content, Size = content.Length });
        }

        return new StoredFileRef(hash, Path.GetFileName(fileName), type, content.Length);
    }

    public static async Task<StoredFileRef> StoreAsync(AppDbContext db, IFormFile file, CancellationToken cancellationToken)
    {
        var (name, content) = await ReadAsync(file, cancellationToken);
        return await StoreAsync(db, name, content, cancellationToken);
    }

    /// <summary>A stored file as a download under the name and type its record gives.</summary>
    public static async Task<FileContentHttpResult> DownloadAsync(AppDbContext db, string hash, string contentType, string fileName, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Hash == hash, cancellationToken)
            ?? throw new NotFoundException("Filen finns inte.");
        return TypedResults.File(file.Content, contentType, fileName);
    }

    private static DomainRuleException TooLarge(string fileName) => new("DocumentSize", $"Filen \"{fileName}\" är större än {MaxSizeText}.");
}
