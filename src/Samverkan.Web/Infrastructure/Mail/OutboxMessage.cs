namespace Samverkan.Web.Infrastructure.Mail;

/// <summary>
/// An e-mail waiting to go out. Written in the same transaction as the change that causes it; the sender claims
/// rows with a guarded update, so with several instances each mail goes out once, and a server that is down only
/// delays it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Guid? CountyId { get; set; }

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public string? AttachmentText { get; set; }

    /// <summary>A binary attachment such as a PDF; used instead of <see cref="AttachmentText"/>.</summary>
    public byte[]? AttachmentBytes { get; set; }

    /// <summary>Unix milliseconds; integers compare the same on every engine.</summary>
    public long CreatedAt { get; set; }

    public long NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public long? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when the message can never be delivered as it is (it cannot be built, or the server refused it for good): never retried by itself.</summary>
    public long? FailedAt { get; set; }

    public string? ClaimedBy { get; set; }

    public long ClaimedUntil { get; set; }
}
