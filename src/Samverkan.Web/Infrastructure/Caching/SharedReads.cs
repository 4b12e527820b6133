using Microsoft.Extensions.Caching.Memory;

namespace Samverkan.Web.Infrastructure.Caching;

/// <summary>
/// Read models that every signed-in page of a county shows (the menu's areas, the attention list) kept across requests
/// while domain data is unchanged: the key carries <see cref="DataChanges.Version"/>, so the first change, here or on
/// another instance, makes the next request compute them again. What depends on the day has the day in its key.
/// What is kept is only shown, never changed: strings, records, and entities read without tracking for display (the
/// county start page's agreements and bodies), never one a request saves.
/// </summary>
public sealed class SharedReads(IMemoryCache cache, DataChanges changes)
{
    // What is kept depends on domain data (the version) and at most the day (in the key); the lifetime only lets
    // memory go. Computing a county's attention list on twenty years of data took 1.5–3 s, so not every minute.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> read)
    {
        // The version is taken before reading: a change during the read leaves the result under the old version only.
        var versioned = $"{key}@{changes.Version}";
        if (cache.TryGetValue(versioned, out T? value) && value is not null)
        {
            return value;
        }

        value = await read();
        cache.Set(versioned, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return value;
    }
}
