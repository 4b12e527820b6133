using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Reminds the secretariat of a relevance review due within 60 days that is not recorded, once, through the outbox;
/// safe with several instances (a guarded update claims each reminder, as the group reports' reminders do).
/// </summary>
public sealed class ReviewReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReviewReminders> logger)
    : Infrastructure.Mail.HourlyReminders(time, logger, "Relevance review reminders")
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Time.TodayInSweden();
        var horizon = today.AddDays(RelevanceReview.ReminderDays);
        var due = await db.Set<RelevanceReview>().AsNoTracking()
            .Where(r => r.HeldOn == null && r.ReminderSentOn == null && r.DueOn >= today && r.DueOn <= horizon)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var review in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await ClaimAsync(db, review.Id, today, cancellationToken))
            {
                var agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == review.AgreementId, cancellationToken);
                // The region keeps the agreement's secretariat: the reminder goes to its registry.
                var region = await db.Parties.AsNoTracking()
                    .FirstOrDefaultAsync(p => p.CountyId == agreement.CountyId && p.Kind == Domain.Counties.PartyKind.Region, cancellationToken);
                if (region?.RegistryEmail is { } email)
                {
                    Outbox.Enqueue(db, Time, agreement.CountyId, email, $"{agreement.Title}: aktualitetsprövning {review.Year} senast {SwedishText.Date(review.DueOn)}",
                        $"Överenskommelsen \"{agreement.Title}\" ska aktualitetsprövas under {review.Year}. Vid prövningen förs dialog om överenskommelsen i sin helhet: " +
                        $"arbetsformer och resultat, finansiering och samverkansstruktur. Registrera prövningen i Samverkan senast {SwedishText.Date(review.DueOn)}.");
                    await db.SaveChangesAsync(cancellationToken);
                }

                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>Claims a review's reminder for this instance: true for exactly one caller, however many ask at once.</summary>
    public static async Task<bool> ClaimAsync(AppDbContext db, Guid reviewId, DateOnly today, CancellationToken cancellationToken = default) =>
        await db.Set<RelevanceReview>().Where(r => r.Id == reviewId && r.ReminderSentOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentOn, today), cancellationToken) == 1;
}
