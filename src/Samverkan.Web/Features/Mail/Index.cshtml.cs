using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Mail;

/// <summary>The county's outgoing e-mail: waiting, sent, and failed with the reason; a failed message can be sent again.</summary>
public sealed class OutboxPageModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public const int PageSize = 100;

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public int Waiting { get; private set; }

    public int Sent { get; private set; }

    public int Failed { get; private set; }

    public bool HasMore { get; private set; }

    public static string StatusLabel(OutboxMessage m) => m.SentAt is not null ? "Skickat" : m.FailedAt is not null ? "Misslyckades" : m.Attempts > 0 ? "Försöker igen" : "I kö";

    public static string Time(long? unixMilliseconds) =>
        unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToSwedish().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "–";

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Access.EnsureSecretariatReads(County.Id, "Länets utgående e-post");
        var mine = db.OutboxMessages.AsNoTracking().Where(m => m.CountyId == County.Id);
        Waiting = await mine.CountAsync(m => m.SentAt == null && m.FailedAt == null);
        Sent = await mine.CountAsync(m => m.SentAt != null);
        Failed = await mine.CountAsync(m => m.FailedAt != null);
        var filtered = Status switch
        {
            "waiting" => mine.Where(m => m.SentAt == null && m.FailedAt == null),
            "sent" => mine.Where(m => m.SentAt != null),
            "failed" => mine.Where(m => m.FailedAt != null),
            _ => mine,
        };
        PageNumber = Math.Max(1, PageNumber);
        var page = await filtered.OrderByDescending(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(m => new OutboxMessage
            {
                Id = m.Id, To = m.To, Subject = m.Subject, CreatedAt = m.CreatedAt, SentAt = m.SentAt, FailedAt = m.FailedAt,
                Attempts = m.Attempts, LastError = m.LastError, NextAttemptAt = m.NextAttemptAt, AttachmentName = m.AttachmentName,
            }).ToListAsync();
        HasMore = page.Count > PageSize;
        Messages = page.Take(PageSize).ToList();
    }

    /// <summary>A failed message is tried again once the cause is fixed (an address corrected, the server back).</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.CountyId == County.Id)
            ?? throw new NotFoundException("Meddelandet finns inte.");
        if (message.SentAt is null)
        {
            message.FailedAt = null;
            message.NextAttemptAt = TimeSource.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync();
            TempData["Message"] = $"Meddelandet till {message.To} skickas igen.";
        }

        return RedirectToPage(new { countyCode = County.Code, status = Status });
    }
}
