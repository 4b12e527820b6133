using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// Reminds an initiative's contact of an outcome report due within 30 days, once. A report that is not yet written has
/// no row to mark, so the claim is an insert of an <see cref="OutcomeReminder"/>, unique per initiative and year, saved
/// in the same transaction as the e-mail in the outbox: with two instances one insert wins, the other fails and sends
/// nothing.
/// </summary>
public sealed class OutcomeReportReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutcomeReportReminders> logger)
    : Infrastructure.Mail.HourlyReminders(time, logger, "Outcome report reminders")
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Time.TodayInSweden();
        var initiatives = await db.Initiatives.AsNoTracking().Include(i => i.OutcomeReports)
            .Where(i => i.DecidedOn != null && i.ContactEmail != null && i.EndsOn.Year >= today.Year - 1)
            .ToListAsync(cancellationToken);
        var ids = initiatives.Select(i => i.Id).ToList();
        var reminded = (await db.RemindedAsync(ids, cancellationToken)).ToHashSet();
        var sent = 0;
        foreach (var initiative in initiatives)
        {
            foreach (var year in initiative.ReportYears())
            {
                var due = OutcomeReport.DueFor(year);
                if (due < today || due.DayNumber - today.DayNumber > OutcomeReport.ReminderDays
                    || initiative.OutcomeReports.Any(r => r.Year == year) || reminded.Contains((initiative.Id, year)))
                {
                    continue;
                }

                db.OutcomeReminders.Add(new OutcomeReminder(initiative, year, today));
                Outbox.Enqueue(db, Time, initiative.CountyId, initiative.ContactEmail!,
                    $"{initiative.Title}: återrapport för {year} senast {SwedishText.Date(due)}",
                    $"Varje satsning som får pengar ur de gemensamma resurserna återrapporterar årligen: framdrift, resultat mot syftet, " +
                    $"medfinansiering som faktiskt erhållits och vad som händer härnäst. Återrapporten för {year} om \"{initiative.Title}\" " +
                    $"ska vara inlämnad senast {SwedishText.Date(due)}.");
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    sent++;
                }
                catch (DbUpdateException)
                {
                    // Another instance claimed the same reminder first; it sends it.
                    db.ChangeTracker.Clear();
                }
            }
        }

        return sent;
    }
}

internal static class OutcomeReminderQueries
{
    public static async Task<List<(Guid, int)>> RemindedAsync(this AppDbContext db, List<Guid> initiativeIds, CancellationToken cancellationToken) =>
        (await db.OutcomeReminders.AsNoTracking().Where(r => initiativeIds.Contains(r.InitiativeId)).Select(r => new { r.InitiativeId, r.Year })
            .ToListAsync(cancellationToken)).Select(r => (r.InitiativeId, r.Year)).ToList();
}
