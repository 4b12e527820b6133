using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Cases;

/// <summary>
/// A case page names the case it follows and the cases that follow it, on both engines (a tuple projection once
/// failed on PostgreSQL only, found by the national-scale load).
/// </summary>
public abstract class RelatedCasePageTests(SamverkanFactory factory)
{
    [Fact]
    public async Task CasePage_NamesTheRelatedCase_AndTheRelatedCaseNamesItsFollower()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var innovation = await db.Cases.Where(c => c.Title == "Regional innovationsstrategi för Västerbotten").Select(c => new { c.Id, c.RelatedCaseId }).SingleAsync();
        using var pages = await factory.PageClientAsync("sekretariat.vasterbotten");

        var follower = await pages.GetAsync($"/counties/24/cases/{innovation.Id}");
        var followed = await pages.GetAsync($"/counties/24/cases/{innovation.RelatedCaseId}");

        follower.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await follower.Content.ReadAsStringAsync()).ShouldContain("RUN 45-2019");
        followed.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await followed.Content.ReadAsStringAsync()).ShouldContain("Regional innovationsstrategi för Västerbotten");
    }
}

public sealed class SqliteRelatedCasePageTests(SqliteFactory factory) : RelatedCasePageTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRelatedCasePageTests(PostgresFactory factory) : RelatedCasePageTests(factory), IClassFixture<PostgresFactory>;
