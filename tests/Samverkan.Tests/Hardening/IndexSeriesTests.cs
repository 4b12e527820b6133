using System.Net;
using System.Net.Http.Json;
using System.Text;
using Samverkan.Domain.Common;
using Samverkan.Tests.Invoicing;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Hardening;

/// <summary>Index series (LPIK, LPI) are national reference data: only the administrator changes them, within range, audited for every county.</summary>
public sealed class IndexSeriesTests
{
    private static object Value(decimal change) => new { changePercent = change, isFinal = true, source = "SKR cirkulär 26:31", publishedOn = "2026-11-20" };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task IndexSeries_AreChangedOnlyByTheSystemAdministrator(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        foreach (var userName in new[] { "sekretariat.vastmanland", "sekretariat.vasterbotten", "tjansteperson.vasteras", "ordforande.srb" })
        {
            using var client = await factory.ApiClientAsync(userName);
            var refused = await client.PutAsJsonAsync("/api/v1/index-series/LPIK/2026", Value(2.0m));
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, userName);
        }

        using var admin = await factory.ApiClientAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/index-series/LPIK/2026", Value(2.0m))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lpik2026 = (await admin.GetJsonAsync("/api/v1/index-series")).EnumerateArray().Single(v => v.Str("series") == "LPIK" && v.GetProperty("year").GetInt32() == 2026);
        lpik2026.GetProperty("changePercent").GetDecimal().ShouldBe(2.0m);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "30.01")]
    [InlineData(DatabaseProvider.Sqlite, "-20.01")]
    [InlineData(DatabaseProvider.Sqlite, "1000000")]
    [InlineData(DatabaseProvider.Sqlite, "-7.9e28")]
    [InlineData(DatabaseProvider.Postgres, "-7.9e28")]
    [InlineData(DatabaseProvider.Postgres, "30.5")]
    public async Task IndexValue_OutsideMinus20To30Percent_Is422NamingTheLimit(DatabaseProvider provider, string change)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var admin = await factory.ApiClientAsync("admin");
        var body = $$"""{"changePercent":{{change}},"isFinal":true,"source":"SKR","publishedOn":"2026-11-20"}""";
        var response = await admin.PutAsync("/api/v1/index-series/LPIK/2026", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.JsonAsync();
        problem.Str("rule").ShouldBe("IndexChangeRange");
        problem.Str("detail").ShouldContain("mellan -20 % och +30 %");

        // Nothing changed, and the cost pages still answer.
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        (await secretariat.GetAsync("/api/v1/counties/19/cost-model")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lpik2026 = (await admin.GetJsonAsync("/api/v1/index-series")).EnumerateArray().Single(v => v.Str("series") == "LPIK" && v.GetProperty("year").GetInt32() == 2026);
        lpik2026.GetProperty("changePercent").GetDecimal().ShouldBe(3.1m);
    }

    [Fact]
    public async Task IndexValue_WithoutSourceOrPublicationDate_Is400NamingTheFields()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await factory.ApiClientAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/index-series/LPIK/2026", new { changePercent = 2.0m, isFinal = true });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["publishedOn", "source"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task IndexValueChange_IsAuditedWhereEveryCountysSecretariatReadsIt(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var admin = await factory.ApiClientAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/index-series/LPIK/2026", Value(2.4m))).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var (userName, county) in new[] { ("sekretariat.vastmanland", "19"), ("sekretariat.vasterbotten", "24"), ("sekretariat.varmland", "17") })
        {
            using var client = await factory.ApiClientAsync(userName);
            var entries = (await client.GetJsonAsync($"/api/v1/counties/{county}/audit?entityType=IndexValue&user=admin")).EnumerateArray().ToList();
            var entry = entries.ShouldHaveSingleItem(userName);
            entry.Str("action").ShouldBe("Modified");
            entry.Str("before").ShouldContain("\"ChangePercent\":3.1");
            entry.Str("after").ShouldContain("\"ChangePercent\":2.4");
            entry.Str("after").ShouldContain("\"Source\":\"SKR cirkulär 26:31\"");
            entry.Str("after").ShouldContain("\"PublishedOn\":\"2026-11-20\"");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task InvoicedCounty_SeesOnItsCostPage_ThatTheIndexChangedSince_AndWhatACorrectionWouldAmountTo(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var put = await secretariat.PutAsync("/api/v1/counties/19/population/2025?replace=true", new StringContent(await InvoicingTests.PopulationFileAsync(factory), Encoding.UTF8, "text/csv"));
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        await InvoicingTests.EveryCouncilAdoptsAsync(secretariat);
        (await secretariat.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var invoiced = (await secretariat.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).EnumerateArray().Sum(i => i.GetProperty("amount").GetDecimal());

        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        (await page.GetStringAsync("/counties/19/cost-sharing?year=2026")).ShouldNotContain("har ändrats sedan 2026 fakturerades");

        using var admin = await factory.ApiClientAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/index-series/LPIK/2026", Value(2.0m))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var now = await secretariat.GetJsonAsync("/api/v1/counties/19/cost-sharing/2026");
        now.GetProperty("costLevel").GetDecimal().ShouldBe(15_136_800m);
        var dueNow = now.GetProperty("rows").EnumerateArray().Sum(r => decimal.Floor(r.GetProperty("amount").GetDecimal() / 2));
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/19/cost-sharing?year=2026"));
        html.ShouldContain("Kostnadsnivån har ändrats sedan 2026 fakturerades");
        html.ShouldContain($"Fakturorna byggde på kostnadsnivån {SwedishText.Kronor(15_300_040m)}; nu är den {SwedishText.Kronor(15_136_800m)}.");
        html.ShouldContain($"Indexförändringen för 2026 var {SwedishText.Percent(3.1m)} vid faktureringen och är nu {SwedishText.Percent(2.0m)}");
        html.ShouldContain($"En rättelse nu skulle sammanlagt bli {SwedishText.Kronor(dueNow - invoiced)}");
    }
}
