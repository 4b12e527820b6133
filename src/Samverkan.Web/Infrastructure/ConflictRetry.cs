using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Runs a change again from fresh data when a concurrent change of the same numbers won (a unique index or a
/// version refused it): used where the next number is taken, such as agenda items and minutes paragraphs. After the
/// last attempt the conflict goes on to the caller as a 409 that says to try again.
/// </summary>
public static class ConflictRetry
{
    private const int Attempts = 12;

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await change();
            }
            catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || DatabaseFailures.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }
}

/// <summary>
/// A change made from what the user read before somebody else changed it (the form's version is behind the stored
/// one): refused at once as a 409 and never retried, since a retry would apply the change over what the user never saw.
/// </summary>
public sealed class StaleVersionException(string message) : Exception(message)
{
    /// <summary>Refuses a change read at <paramref name="read"/> when the stored version is past it; no version read means the latest.</summary>
    public static void Ensure(int stored, int? read, string message)
    {
        if (read is { } version && version != stored)
        {
            throw new StaleVersionException(message);
        }
    }
}
