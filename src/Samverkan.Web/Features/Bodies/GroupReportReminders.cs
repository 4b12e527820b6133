using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Bodies;

/// <summary>Reminds each group's chair of a report due within 30 days, once; safe with several instances (a guarded update).</summary>
public sealed class GroupReportReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<GroupReportReminders> logger)
    : Infrastructure.Mail.HourlyReminders(time, logger, "Group report reminders")
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Time.TodayInSweden();
        var horizon = today.AddDays(GroupReport.ReminderDays);
        var due = await db.GroupReports.AsNoTracking().Where(r => r.ReceivedOn == null && r.ReminderSentOn == null && r.DueOn >= today && r.DueOn <= horizon)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var report in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.GroupReports.Where(r => r.Id == report.Id && r.ReminderSentOn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentOn, today), cancellationToken);
            if (claimed == 1)
            {
                var group = await db.Bodies.AsNoTracking().WithMembers().FirstAsync(b => b.Id == report.BodyId, cancellationToken);
                if (group.ActiveMemberships(today).FirstOrDefault(m => m.Role == MembershipRole.Chair)?.Person?.Email is { } email)
                {
                    Outbox.Enqueue(db, Time, group.CountyId, email, $"{group.Name}: återrapport till beredningen senast {SwedishText.Date(report.DueOn)}",
                        $"Politiska samverkansgrupper återrapporterar till den strategiska regionala beredningen två gånger per år. Nästa återrapport från {group.Name} ska vara beredningen till handa senast {SwedishText.Date(report.DueOn)}.");
                    await db.SaveChangesAsync(cancellationToken);
                }

                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }
}
