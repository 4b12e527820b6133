using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// Reminds a referral's drafter 14 and 3 days before the reply deadline, each once, through the outbox. Safe with several
/// instances: the reminder is claimed by a guarded update before the message is queued, in the same transaction.
/// </summary>
public sealed class ReferralReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReferralReminders> logger)
    : Infrastructure.Mail.HourlyReminders(time, logger, "Referral reminders")
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Time.TodayInSweden();
        var horizon = today.AddDays(Case.ReminderDays);
        var due = await db.Cases.AsNoTracking()
            .Where(c => c.Kind == CaseKind.Referral && c.Status == CaseStatus.Open && c.ReplySentOn == null && c.DrafterPersonId != null
                && c.ReplyBy >= today && c.ReplyBy <= horizon && (!c.FirstReminderSent || !c.LastReminderSent))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var referral in due)
        {
            var daysLeft = referral.ReplyBy!.Value.DayNumber - today.DayNumber;
            var last = daysLeft <= Case.LastReminderDays;
            if (!last && referral.FirstReminderSent || last && referral.LastReminderSent)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = last
                ? await db.Cases.Where(c => c.Id == referral.Id && !c.LastReminderSent)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastReminderSent, true).SetProperty(c => c.FirstReminderSent, true), cancellationToken)
                : await db.Cases.Where(c => c.Id == referral.Id && !c.FirstReminderSent)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstReminderSent, true), cancellationToken);
            if (claimed == 1)
            {
                var drafter = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == referral.DrafterPersonId, cancellationToken);
                if (drafter?.Email is { } email)
                {
                    Outbox.Enqueue(db, Time, referral.CountyId, email,
                        $"Remissvar senast {SwedishText.Date(referral.ReplyBy.Value)}: {referral.CaseNumber} {referral.Title}",
                        $"Hej {drafter.FullName},\n\nRemissen {referral.Title} från {referral.Issuer}{(referral.IssuerReference is null ? string.Empty : $" ({referral.IssuerReference})")} " +
                        $"ska besvaras senast {SwedishText.Date(referral.ReplyBy.Value)}, om {SwedishText.Count(daysLeft, "dag", "dagar")}. Du är utsedd att skriva svaret.\n\n" +
                        $"Ärendet är {referral.CaseNumber} i Samverkan, under Ärenden och Remisser.");
                    await db.SaveChangesAsync(cancellationToken);
                }

                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }
}
