using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure.Mail;

/// <summary>SMTP settings (section <c>Smtp</c>); the README says how to point them at a real server.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "samverkan@localhost";

    /// <summary>How often the sender looks for mail to send.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Off in tests that drive <see cref="OutboxSender.SendDueAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
}

public static class Outbox
{
    public static void Enqueue(AppDbContext db, TimeProvider time, Guid? countyId, string to, string subject, string body,
        string? attachmentName = null, string? attachmentContentType = null, string? attachmentText = null, byte[]? attachmentBytes = null)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        db.OutboxMessages.Add(new OutboxMessage
        {
            CountyId = countyId,
            To = to,
            Subject = subject,
            Body = body,
            AttachmentName = attachmentName,
            AttachmentContentType = attachmentContentType,
            AttachmentText = attachmentText,
            AttachmentBytes = attachmentBytes,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

/// <summary>
/// Delivers the outbox over SMTP. A batch is claimed with one guarded UPDATE (only rows nobody holds), so two
/// instances on one PostgreSQL never send the same mail; a failed delivery is retried later with a growing pause.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private readonly string instance = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox could not be processed");
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
        }
    }

    /// <summary>Sends what is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var claimUntil = now + (long)ClaimFor.TotalMilliseconds;
        var due = await db.OutboxMessages.Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.ClaimedUntil < now)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.SentAt == null && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance).SetProperty(m => m.ClaimedUntil, claimUntil), cancellationToken);
        var mine = await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.ClaimedBy == instance && m.ClaimedUntil == claimUntil).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in mine)
        {
            try
            {
                await DeliverAsync(message, cancellationToken);
                message.SentAt = time.GetUtcNow().ToUnixTimeMilliseconds();
                message.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                message.Attempts++;
                message.LastError = e.Message;
                var pause = TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, message.Attempts - 1)));
                message.NextAttemptAt = time.GetUtcNow().Add(pause).ToUnixTimeMilliseconds();
                logger.LogWarning("Mail {Id} to {To} not delivered (attempt {Attempts}): {Error}", message.Id, message.To, message.Attempts, e.Message);
            }

            message.ClaimedUntil = 0;
            message.ClaimedBy = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.Body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        if (message.AttachmentText is not null)
        {
            var attachment = Attachment.CreateAttachmentFromString(message.AttachmentText, new ContentType(message.AttachmentContentType ?? "text/plain"));
            attachment.Name = message.AttachmentName;
            mail.Attachments.Add(attachment);
        }
        else if (message.AttachmentBytes is not null)
        {
            mail.Attachments.Add(new Attachment(new MemoryStream(message.AttachmentBytes), message.AttachmentName, message.AttachmentContentType ?? "application/octet-stream"));
        }

        await client.SendMailAsync(mail, cancellationToken);
    }
}
