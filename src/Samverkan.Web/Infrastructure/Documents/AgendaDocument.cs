using Samverkan.Domain.Common;

namespace Samverkan.Web.Infrastructure.Documents;

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
