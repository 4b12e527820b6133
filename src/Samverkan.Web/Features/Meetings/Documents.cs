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

    public static Task<FileContentHttpResult> DownloadAsync(AppDbContext db, AgendaDocument document, CancellationToken cancellationToken) =>
        FileStore.DownloadAsync(db, document.Hash, document.ContentType, document.FileName, cancellationToken);
}
