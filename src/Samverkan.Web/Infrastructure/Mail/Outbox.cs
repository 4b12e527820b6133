using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure.Mail;

/// <summary>SMTP settings (section <c>Smtp</c>); the README says how to point them at a real server.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>TLS: on port 465 from the start, otherwise STARTTLS, required.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "samverkan@localhost";

    /// <summary>When set, mail is written as .eml files into this folder instead of being sent (demo mode).</summary>
    public string? PickupDirectory { get; set; }

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
            Subject = SingleLine(subject, 500),
            Body = body,
            AttachmentName = attachmentName is null ? null : SingleLine(attachmentName, 200),
            AttachmentContentType = attachmentContentType,
            AttachmentText = attachmentText,
            AttachmentBytes = attachmentBytes,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>A header value never carries a line break: control characters become spaces.</summary>
    public static string SingleLine(string value, int maxLength)
    {
        var cleaned = new string(value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray()).Trim();
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength];
    }

    /// <summary>The Message-ID of an outbox message: the same on every attempt, so a receiver can drop a repeat.</summary>
    public static string MessageId(OutboxMessage message, string from)
    {
        var domain = MailboxAddress.TryParse(from, out var address) && address.Domain.Length > 0 ? address.Domain : "samverkan.invalid";
        return $"outbox-{message.Id}-{message.CreatedAt}@{domain}";
    }

    /// <summary>Builds the MIME message; throws <see cref="UnbuildableMessageException"/> when it cannot be built as it is.</summary>
    public static MimeMessage Build(OutboxMessage message, string from)
    {
        try
        {
            var mime = new MimeMessage();
            mime.From.Add(MailboxAddress.Parse(from));
            mime.To.Add(MailboxAddress.Parse(message.To));
            mime.Subject = SingleLine(message.Subject, 500);
            mime.MessageId = MessageId(message, from);
            mime.Date = DateTimeOffset.FromUnixTimeMilliseconds(message.CreatedAt);
            var builder = new BodyBuilder { TextBody = message.Body };
            if (message.AttachmentName is { } name)
            {
                var type = ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream");
                MimePart part;
                if (message.AttachmentText is { } text)
                {
                    // Text such as an invitation (text/calendar; method=REQUEST): kept as text in UTF-8 with its parameters.
                    var textPart = new TextPart(type.MediaSubtype);
                    foreach (var parameter in type.Parameters.Where(p => !p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
                    {
                        textPart.ContentType.Parameters.Add(parameter.Name, parameter.Value);
                    }

                    textPart.SetText("utf-8", text);
                    part = textPart;
                }
                else
                {
                    part = new MimePart(type) { Content = new MimeContent(new MemoryStream(message.AttachmentBytes ?? [])), ContentTransferEncoding = ContentEncoding.Base64 };
                }

                part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
                part.FileName = name;
                builder.Attachments.Add(part);
            }

            mime.Body = builder.ToMessageBody();
            return mime;
        }
        catch (Exception e) when (e is ParseException or FormatException or ArgumentException)
        {
            throw new UnbuildableMessageException($"Meddelandet kan inte byggas: {e.Message}", e);
        }
    }
}

/// <summary>The message cannot be turned into an e-mail as it is (an invalid address, say): it fails, it is not retried.</summary>
public sealed class UnbuildableMessageException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Delivers the outbox over SMTP with MailKit. A batch is claimed with one guarded UPDATE (only rows nobody holds),
/// so two instances on one PostgreSQL never send the same mail. Each message is then handled and saved on its
/// own: the attempt is recorded before sending, so a process that dies after sending sends again only once its
/// claim has run out, with the same Message-ID for the receiver to recognise. A message that cannot be built or
/// that the server refuses for good is marked failed with the reason and waits for the secretariat; a server
/// that cannot be reached delays the message with a growing pause.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider time, IHostEnvironment environment,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private const int MaxErrorLength = 1000;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private readonly string instance = Guid.NewGuid().ToString("N");
    private bool? serverReachable;

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
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && m.ClaimedUntil < now)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.SentAt == null && m.FailedAt == null && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance).SetProperty(m => m.ClaimedUntil, claimUntil), cancellationToken);
        var mine = await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.ClaimedBy == instance && m.ClaimedUntil == claimUntil)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

        using var batch = Telemetry.Source.StartActivity("outbox.send_batch");
        batch?.SetTag("samverkan.outbox.claimed", mine.Count);
        var sent = 0;
        using var connection = new Connection(options.Value, environment);
        foreach (var message in mine)
        {
            if (await SendOneAsync(db, connection, message, cancellationToken))
            {
                sent++;
            }
        }

        await connection.CloseAsync(cancellationToken);
        batch?.SetTag("samverkan.outbox.sent", sent);
        return sent;
    }

    private async Task<bool> SendOneAsync(AppDbContext db, Connection connection, OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var activity = Telemetry.Source.StartActivity("outbox.send");
        activity?.SetTag("samverkan.outbox.message_id", message.Id);
        MimeMessage mime;
        try
        {
            mime = Outbox.Build(message, settings.From);
        }
        catch (UnbuildableMessageException e)
        {
            Fail(message, e.Message, activity);
            logger.LogError("Mail {Id} cannot be built and is marked failed: {Error}", message.Id, e.Message);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        // The attempt is on record before anything leaves: a crash after sending cannot hide that it was tried.
        message.Attempts++;
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await connection.SendAsync(mime, cancellationToken);
            message.SentAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            message.LastError = null;
            Reachable(true, null);
            Telemetry.MailSent.Add(1);
            activity?.SetTag("samverkan.outbox.outcome", "sent");
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            Fail(message, $"E-postservern tog inte emot meddelandet ({(int)e.StatusCode}): {e.Message}", activity);
            logger.LogError("Mail {Id} to {To} was refused by the server and is marked failed: {Error}", message.Id, message.To, e.Message);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                      or SslHandshakeException or IOException or SocketException or TimeoutException)
        {
            var pause = TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, message.Attempts - 1)));
            message.NextAttemptAt = time.GetUtcNow().Add(pause).ToUnixTimeMilliseconds();
            message.LastError = Truncate(e.Message);
            connection.Reset();
            Reachable(false, e.Message);
            Telemetry.MailRetried.Add(1);
            activity?.SetTag("samverkan.outbox.outcome", "retry").SetStatus(ActivityStatusCode.Error, e.Message);
        }

        message.ClaimedUntil = 0;
        message.ClaimedBy = null;
        await db.SaveChangesAsync(cancellationToken);
        return message.SentAt is not null;
    }

    private void Fail(OutboxMessage message, string reason, Activity? activity)
    {
        Telemetry.MailFailed.Add(1);
        activity?.SetTag("samverkan.outbox.outcome", "failed").SetStatus(ActivityStatusCode.Error, reason);
        message.FailedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        message.LastError = Truncate(reason);
        message.ClaimedUntil = 0;
        message.ClaimedBy = null;
    }

    /// <summary>Logs when the mail server goes away and when it comes back, not on every attempt.</summary>
    private void Reachable(bool reachable, string? error)
    {
        if (serverReachable == reachable)
        {
            return;
        }

        if (reachable)
        {
            if (serverReachable is false)
            {
                logger.LogInformation("The mail server {Host}:{Port} takes mail again", options.Value.Host, options.Value.Port);
            }
        }
        else
        {
            logger.LogWarning("The mail server {Host}:{Port} cannot be reached; mail waits in the outbox and is retried: {Error}",
                options.Value.Host, options.Value.Port, error);
        }

        serverReachable = reachable;
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    /// <summary>One SMTP connection for a batch, opened when the first message needs it; or the pickup folder.</summary>
    private sealed class Connection(SmtpOptions settings, IHostEnvironment environment) : IDisposable
    {
        private SmtpClient? client;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
            {
                var folder = Path.IsPathRooted(settings.PickupDirectory) ? settings.PickupDirectory : Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml");
                await message.WriteToAsync(file, cancellationToken);
                return;
            }

            if (client is not { IsConnected: true })
            {
                client?.Dispose();
                client = new SmtpClient { Timeout = 30_000 };
                var security = !settings.EnableSsl ? SecureSocketOptions.None
                    : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
                await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
                if (!string.IsNullOrEmpty(settings.UserName))
                {
                    await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
                }
            }

            await client.SendAsync(message, cancellationToken);
        }

        public void Reset()
        {
            client?.Dispose();
            client = null;
        }

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            if (client is { IsConnected: true })
            {
                try
                {
                    await client.DisconnectAsync(quit: true, cancellationToken);
                }
                catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException)
                {
                    // The mail is delivered; a lost goodbye changes nothing.
                }
            }
        }

        public void Dispose() => client?.Dispose();
    }
}
