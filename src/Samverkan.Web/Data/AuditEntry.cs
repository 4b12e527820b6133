namespace Samverkan.Web.Data;

/// <summary>One recorded change to domain data. Append-only: the context refuses to change or delete these.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? CountyId { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The values before the change as a JSON object; none for an addition.</summary>
    public string? Before { get; set; }

    /// <summary>The values after the change as a JSON object; none for a deletion.</summary>
    public string? After { get; set; }
}
