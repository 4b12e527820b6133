using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Support;

/// <summary>A factory with a database of its own, for a test that must assert exactly what it did.</summary>
internal static class FreshApp
{
    public static async Task<SamverkanFactory> StartAsync(DatabaseProvider provider)
    {
        var factory = new SamverkanFactory(provider);
        await factory.InitializeAsync();
        _ = factory.Server; // migrations and demo data now, not inside the first request
        return factory;
    }
}
