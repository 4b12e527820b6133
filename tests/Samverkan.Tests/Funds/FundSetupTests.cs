using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Funds;

/// <summary>
/// Issue 18: a county's secretariat sets a fund up in the UI or the API, and the fund's criteria are its own: the fund's
/// page lists them, GET returns them, and a preparation answers exactly them, whatever their number.
/// </summary>
public sealed class FundSetupTests
{
    private static readonly string[] ThreeCriteria = ["Gäller minst tre kommuner", "Har en plan för uppföljning", "Medfinansiering (önskvärt)"];

    /// <summary>The demo fund's supplement and deciding party (the region), to set a second fund up under.</summary>
    private static async Task<(string Fund, string Supplement, string Region)> DemoFundAsync(HttpClient client)
    {
        var id = (await client.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().First().Str("id");
        var fund = await client.GetJsonAsync($"/api/v1/funds/{id}");
        return (id, fund.Str("supplementId"), fund.Str("decidingPartyId"));
    }

    private static object Definition(string supplement, string region, string[] criteria, string name = "Testfonden") => new
    {
        supplementId = supplement,
        name,
        openedOn = "2026-01-01",
        sources = new[] { new { name = "Källa X", amount = 1_234_567.89m }, new { name = "Källa Y", amount = 500_000m } },
        decidingPartyId = region,
        criteria,
        goals = new[] { new { document = "Länsstrategin", text = "Hållbar tillväxt" } },
    };

    private static async Task<string> CreateAsync(HttpClient api, object definition)
    {
        var created = await api.PostAsJsonAsync("/api/v1/counties/17/funds", definition);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).Str("id");
    }

    private static List<string> Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(c => c.GetString()!).ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AFundCreatedThroughTheApi_IsOnItsPageAndInGet_WithExactlyItsOwnCriteria(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        using var page = await factory.PageClientAsync("sekretariat.varmland");
        var (_, supplement, region) = await DemoFundAsync(api);

        var created = await api.PostAsJsonAsync("/api/v1/counties/17/funds", Definition(supplement, region, ThreeCriteria));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.JsonAsync();
        var id = body.Str("id");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/funds/{id}");
        Strings(body, "criteria").ShouldBe(ThreeCriteria);

        var fund = await api.GetJsonAsync($"/api/v1/funds/{id}");
        Strings(fund, "criteria").ShouldBe(ThreeCriteria);
        fund.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("amount").GetDecimal()).ShouldBe([1_234_567.89m, 500_000m]);
        fund.GetProperty("opening").GetDecimal().ShouldBe(1_734_567.89m);
        fund.Str("decidingPartyId").ShouldBe(region);
        fund.GetProperty("goals").EnumerateArray().Single().Str("text").ShouldBe("Hållbar tillväxt");

        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/17/funds/{id}"));
        foreach (var criterion in ThreeCriteria)
        {
            html.ShouldContain($"<li>{criterion}</li>");
        }

        WebUtility.HtmlDecode(await page.GetStringAsync("/counties/17/funds")).ShouldContain("Testfonden");
    }

    [Fact]
    public async Task TheDemoFund_HasTheSeedsFourCriteria_AndItsPreparationsAnswerThem()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        var (fund, _, _) = await DemoFundAsync(api);
        var criteria = Strings(await api.GetJsonAsync($"/api/v1/funds/{fund}"), "criteria");
        criteria.Count.ShouldBe(4);
        criteria[0].ShouldBe("Har betydelse för hela länet");

        var prepared = (await api.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray().First(i => i.Str("title") == "Kulturstråk längs Klarälven");
        var answers = (await api.GetJsonAsync($"/api/v1/initiatives/{prepared.Str("id")}")).GetProperty("criteria").EnumerateArray().Select(a => a.Str("criterion"));
        answers.ShouldBe(criteria);
    }

    [Fact]
    public async Task AFundWithTwoCriteria_GetsAPreparationAskingExactlyTwo_AndKeepsTheAnswersWhenItsCriteriaChange()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        using var page = await factory.PageClientAsync("sekretariat.varmland");
        var (_, supplement, region) = await DemoFundAsync(api);
        string[] two = ["Gäller hela länet", "Går utöver en part"];
        var fund = await CreateAsync(api, Definition(supplement, region, two, "Tvåkriteriefonden"));

        var proposed = await api.PostAsJsonAsync($"/api/v1/funds/{fund}/initiatives",
            new { title = "Tvåsatsning", purpose = "Syfte", budget = 100_000m, proposingPartyId = region, startsOn = "2027-01-01", endsOn = "2027-12-31" });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var initiative = (await proposed.JsonAsync()).Str("id");
        (await api.PostAsync($"/api/v1/initiatives/{initiative}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The page's preparation form asks exactly the fund's two criteria.
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/17/initiatives/{initiative}"));
        System.Text.RegularExpressions.Regex.Matches(html, "name=\"criterion\" value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ShouldBe(two);

        // The API takes exactly two answers too: the seed's four are refused.
        object Answer(string? criterion) => new { criterion, met = true, comment = (string?)null };
        var four = await api.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/preparation",
            new { recommendation = "grant", assessment = "Bra.", criteria = new[] { Answer(null), Answer(null), Answer(null), Answer(null) } });
        four.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await four.JsonAsync()).Str("detail").ShouldBe("Besvara fondens 2 kriterier, ett för ett.");
        var stale = await api.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/preparation",
            new { recommendation = "grant", assessment = "Bra.", criteria = new[] { Answer(two[0]), Answer("Ett annat kriterium") } });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var prepared = await api.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/preparation",
            new { recommendation = "grant", assessment = "Bra.", criteria = new[] { Answer(two[0]), Answer(null) } });
        prepared.StatusCode.ShouldBe(HttpStatusCode.OK, await prepared.Content.ReadAsStringAsync());
        (await prepared.JsonAsync()).GetProperty("criteria").EnumerateArray().Select(a => a.Str("criterion")).ShouldBe(two);

        // The fund's list changes; the prepared initiative still reads as it was answered.
        var version = (await api.GetJsonAsync($"/api/v1/funds/{fund}")).GetProperty("version").GetInt32();
        var changed = await api.PutAsJsonAsync($"/api/v1/funds/{fund}", new
        {
            supplementId = supplement, name = "Tvåkriteriefonden", openedOn = "2026-01-01", decidingPartyId = region, version,
            sources = new[] { new { name = "Källa X", amount = 1_234_567.89m }, new { name = "Källa Y", amount = 500_000m } },
            criteria = ThreeCriteria, goals = new[] { new { document = "Länsstrategin", text = "Hållbar tillväxt" } },
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        Strings(await api.GetJsonAsync($"/api/v1/funds/{fund}"), "criteria").ShouldBe(ThreeCriteria);
        (await api.GetJsonAsync($"/api/v1/initiatives/{initiative}")).GetProperty("criteria").EnumerateArray().Select(a => a.Str("criterion")).ShouldBe(two);
        WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/17/initiatives/{initiative}")).ShouldContain($"{two[1]}: uppfyllt");

        // The same change again from the old reading is refused.
        (await api.PutAsJsonAsync($"/api/v1/funds/{fund}", new
        {
            supplementId = supplement, name = "Annat namn", openedOn = "2026-01-01", decidingPartyId = region, version,
            sources = new[] { new { name = "Källa X", amount = 1m } }, criteria = two,
        })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ADecidingPartyOfAnotherCounty_IsRefused()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        var (fund, supplement, _) = await DemoFundAsync(api);
        Guid other;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            other = await db.Parties.Where(p => db.Counties.Any(c => c.Id == p.CountyId && c.Code == "19")).Select(p => p.Id).FirstAsync();
        }

        var refused = await api.PostAsJsonAsync("/api/v1/counties/17/funds", Definition(supplement, other.ToString(), ThreeCriteria));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("errors").GetProperty("decidingPartyId")[0].GetString().ShouldBe("Den beslutande parten finns inte i länet.");
        (await api.GetJsonAsync("/api/v1/counties/17/funds")).GetArrayLength().ShouldBe(1);
        var edit = await api.PutAsJsonAsync($"/api/v1/funds/{fund}", Definition(supplement, other.ToString(), ThreeCriteria));
        edit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OnlyTheCountysSecretariat_SetsUpOrChangesAFund()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var (fund, supplement, region) = await DemoFundAsync(secretariat);
        var definition = Definition(supplement, region, ThreeCriteria);
        foreach (var user in new[] { "tjansteperson.karlstad", "sekretariat.vastmanland" })
        {
            using var api = await factory.ApiClientAsync(user);
            (await api.PostAsJsonAsync("/api/v1/counties/17/funds", definition)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await api.PutAsJsonAsync($"/api/v1/funds/{fund}", definition)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        using var official = await factory.PageClientAsync("tjansteperson.karlstad");
        (await official.GetAsync("/counties/17/funds/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.GetStringAsync("/counties/17/funds")).ShouldNotContain("/funds/new");
        (await official.GetStringAsync($"/counties/17/funds/{fund}")).ShouldNotContain("handler=Edit");
        using var page = await factory.PageClientAsync("sekretariat.varmland");
        (await page.GetStringAsync("/counties/17/funds")).ShouldContain("/counties/17/funds/new");
        (await secretariat.GetJsonAsync("/api/v1/counties/17/funds")).GetArrayLength().ShouldBe(1);
    }
}
