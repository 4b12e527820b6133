using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure.Caching;

/// <summary>
/// This instance's view of whether domain data has changed. <see cref="Version"/> rises at once when this instance
/// saves a change, and within <c>Samverkan:ChangePollMilliseconds</c> (250 ms by default) when another instance on the
/// same database does: the poll compares the token of <see cref="DataVersion"/> with the one it read last. Whatever is
/// cached under a version (shared read models, anonymous pages) is then no longer used.
/// </summary>
public sealed class DataChanges(IServiceScopeFactory scopes, IOutputCacheStore outputCache, IConfiguration configuration, ILogger<DataChanges> logger)
    : BackgroundService
{
    /// <summary>The output-cache tag of every cached response that is built from domain data.</summary>
    public const string Tag = "data";

    private long version;
    private readonly Lock gate = new();
    private long? lastToken;

    public long Version => Interlocked.Read(ref version);

    public TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(configuration.GetValue("Samverkan:ChangePollMilliseconds", 250));

    /// <summary>
    /// Called after this instance committed a change to domain data that wrote <paramref name="token"/>: the poll will not
    /// take it for another instance's change.
    /// </summary>
    public void Committed(long token)
    {
        lock (gate)
        {
            lastToken = token;
        }

        Changed();
    }

    /// <summary>Called when domain data has changed, or may have (a change saved inside a transaction not yet committed).</summary>
    public void Changed()
    {
        Interlocked.Increment(ref version);
        // Evicting the in-memory store completes at once; nothing waits on it.
        _ = outputCache.EvictByTagAsync(Tag, CancellationToken.None).AsTask();
    }

    /// <summary>Reads the token once; a token other than the last one read means another instance (or this one) changed data.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingleId).Select(v => (long?)v.Token).FirstOrDefaultAsync(cancellationToken);
        bool changed;
        lock (gate)
        {
            changed = lastToken is not null && token != lastToken;
            lastToken = token;
        }

        if (changed)
        {
            Changed();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
                if (failing)
                {
                    logger.LogInformation("The data version can be read again.");
                    failing = false;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // While the database cannot be read, nothing cached may outlive a change we cannot see: drop it all.
                Changed();
                if (!failing)
                {
                    logger.LogWarning(e, "The data version could not be read; caches are emptied until it can.");
                    failing = true;
                }
            }

            try
            {
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
