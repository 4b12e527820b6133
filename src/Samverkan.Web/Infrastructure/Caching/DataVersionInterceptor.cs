using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samverkan.Domain.Common;

namespace Samverkan.Web.Infrastructure.Caching;

/// <summary>
/// Writes a new <see cref="DataVersion"/> token in the same transaction as any change to domain data (the entities the
/// audit records), and tells <see cref="DataChanges"/> once the change is saved.
/// </summary>
internal sealed class DataVersionInterceptor(DataChanges changes) : SaveChangesInterceptor
{
    private long? pending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => pending = null;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        pending = null;
        return Task.CompletedTask;
    }

    /// <summary>Whether the change touches domain data: the same rule the audit follows.</summary>
    public static bool IsDomainChange(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.Entity is ICountyOwned or IAudited && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private void Bump(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(IsDomainChange))
        {
            return;
        }

        var entry = context.ChangeTracker.Entries<DataVersion>().FirstOrDefault() ?? context.Attach(new DataVersion());
        var token = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        entry.Property(v => v.Token).CurrentValue = token;
        entry.Property(v => v.Token).IsModified = true;
        pending = token;
    }

    private void Notify(DbContext? context)
    {
        if (pending is not { } token)
        {
            return;
        }

        pending = null;
        if (context?.Database.CurrentTransaction is null)
        {
            // Committed by SaveChanges itself: the token is known, and the poll need not see it as another's.
            changes.Committed(token);
        }
        else
        {
            // Inside a transaction not yet committed: drop what is cached now, and let the poll see the token once
            // it is committed (a request in between may have cached the old data again).
            changes.Changed();
        }
    }
}
