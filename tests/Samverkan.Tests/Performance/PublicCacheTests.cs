using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Performance;

/// <summary>
/// Issue 12: anonymous public pages are served from the output cache, and a change to the data behind them is seen at
/// once on the instance that made it and within a second on another instance on the same PostgreSQL database.
/// </summary>
public sealed class PublicCacheTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    [Fact]
    public async Task AnonymousPublicPage_IsServedFromTheCache_WithoutAQuery()
    {
        using var anonymous = factory.CreateClient();
        var first = await anonymous.GetStringAsync("/public");

        factory.Counter.Watch("/public");
        var second = await anonymous.GetStringAsync("/public");

        factory.Counter.Count.ShouldBe(0);
        second.ShouldBe(first);
    }

    [Fact]
    public async Task SignedInPages_AreNeverTakenFromTheCache()
    {
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        await pages.GetStringAsync("/public");

        factory.Counter.Watch("/public");
        var html = await pages.GetStringAsync("/public");

        factory.Counter.Count.ShouldBeGreaterThan(0);
        html.ShouldContain("Logga ut");
    }

    [Fact]
    public async Task AChangeToTheData_IsOnThePublicPageAtOnce()
    {
        using var anonymous = factory.CreateClient();
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(factory);
        (await anonymous.GetStringAsync("/public")).ShouldNotContain("Samverkansgrupp för cacheprovet");

        await AddGroupAsync(api, srb, "Samverkansgrupp för cacheprovet");

        (await anonymous.GetStringAsync("/public")).ShouldContain("Samverkansgrupp för cacheprovet");
    }

    internal static async Task<Guid> SrbAsync(SamverkanFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Bodies.Where(b => b.ShortName == "SRB").Select(b => b.Id).SingleAsync();
    }

    internal static async Task AddGroupAsync(HttpClient api, Guid srb, string name)
    {
        var created = await api.PostAsJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups",
            new { name, remit = "Prova att den öppna sidan visar ändringar.", decision = "SRB 2026-09-17 § 9", establishedOn = "2026-11-22" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}

/// <summary>Two instances on one PostgreSQL database: a change made on one is not served stale by the other for more than a second.</summary>
public sealed class PublicCacheTwoInstancesTests(PostgresFactory first) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task AChangeOnOneInstance_IsOnTheOtherInstancesPublicPageWithinASecond()
    {
        first.CreateClient().Dispose();
        await using var second = new SamverkanFactory(DatabaseProvider.Postgres, first.ConnectionString);
        await second.InitializeAsync();
        using var atSecond = second.CreateClient();
        using var api = await first.ApiClientAsync("sekretariat.vastmanland");
        var srb = await PublicCacheTests.SrbAsync(first);
        // The second instance has the page cached from before the change.
        (await atSecond.GetStringAsync("/public")).ShouldNotContain("Samverkansgrupp från den andra instansen");
        (await atSecond.GetStringAsync("/public")).ShouldNotContain("Samverkansgrupp från den andra instansen");

        await PublicCacheTests.AddGroupAsync(api, srb, "Samverkansgrupp från den andra instansen");
        var changed = Stopwatch.StartNew();

        var seen = false;
        while (!seen && changed.Elapsed < TimeSpan.FromSeconds(1))
        {
            seen = (await atSecond.GetStringAsync("/public")).Contains("Samverkansgrupp från den andra instansen", StringComparison.Ordinal);
            if (!seen)
            {
                await Task.Delay(20);
            }
        }

        seen.ShouldBeTrue($"still stale after {changed.ElapsedMilliseconds} ms");
    }
}
