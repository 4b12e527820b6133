using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Caching;

namespace Samverkan.Tests.Performance;

/// <summary>The demo on SQLite with every SQL command of a request counted.</summary>
public sealed class CountingFactory() : SamverkanFactory(DatabaseProvider.Sqlite)
{
    public QueryCounter Counter => Services.GetRequiredService<QueryCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<QueryCounter>();
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<QueryCounter>());
        });
    }
}

/// <summary>
/// Issue 12: the busiest pages and API calls send a number of SQL queries that does not grow with the data. Each test
/// counts the queries of one request, adds more of what the page lists (meetings, agenda items, invoices, cases, steps,
/// initiatives) and counts again: the two counts are equal. Caches are emptied before each count, so what a page
/// computes once per change (the menu's areas, the attention list) is counted too.
/// </summary>
public sealed class QueryCountTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private async Task<int> QueriesAsync(HttpClient client, string pathAndQuery)
    {
        factory.Services.GetRequiredService<DataChanges>().Changed();
        factory.Counter.Watch(pathAndQuery);
        using var response = await client.GetAsync(pathAndQuery);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, pathAndQuery);
        var count = factory.Counter.Count;
        factory.Counter.Watch("(none)");
        count.ShouldBeGreaterThan(0, pathAndQuery);
        return count;
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Guid> BodyAsync(string countyCode, string shortName) =>
        ReadAsync(db => db.Bodies.Where(b => b.ShortName == shortName && db.Counties.Any(c => c.Id == b.CountyId && c.Code == countyCode)).Select(b => b.Id).SingleAsync());

    private static async Task<Guid> AddMeetingAsync(HttpClient api, Guid bodyId, DateTimeOffset startsAt, int agendaItems)
    {
        var created = await api.PostAsJsonAsync($"/api/v1/bodies/{bodyId}/meetings", new { startsAt, endsAt = startsAt.AddHours(3), location = "Regionhuset" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = Guid.Parse((await created.JsonAsync()).Str("id"));
        await AddAgendaItemsAsync(api, id, agendaItems);
        return id;
    }

    private static async Task AddAgendaItemsAsync(HttpClient api, Guid meetingId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var item = await api.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/agenda-items",
                new { title = $"Ärende {i + 1}", caseReference = $"RS {100 + i}-2027", presenter = "Handläggare", proposedDecision = "Beredningen föreslås besluta." });
            item.StatusCode.ShouldBe(HttpStatusCode.Created, await item.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task CountyStartPage_SendsAsManyQueriesWithMoreMeetingsAndAgendaItems()
    {
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await BodyAsync("19", "SRB");
        await AddMeetingAsync(api, srb, new DateTimeOffset(2027, 2, 4, 9, 0, 0, TimeSpan.Zero), 2);
        var small = await QueriesAsync(pages, "/counties/19");

        for (var month = 3; month <= 8; month++)
        {
            await AddMeetingAsync(api, srb, new DateTimeOffset(2027, month, 4, 9, 0, 0, TimeSpan.Zero), 4);
        }

        (await QueriesAsync(pages, "/counties/19")).ShouldBe(small);
    }

    [Fact]
    public async Task MeetingPageAndApi_SendAsManyQueriesWithMoreAgendaItems()
    {
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var meeting = await AddMeetingAsync(api, await BodyAsync("19", "SRB"), new DateTimeOffset(2027, 9, 9, 9, 0, 0, TimeSpan.Zero), 2);
        var page = await QueriesAsync(pages, $"/counties/19/meetings/{meeting}");
        var json = await QueriesAsync(api, $"/api/v1/meetings/{meeting}");

        await AddAgendaItemsAsync(api, meeting, 12);

        (await QueriesAsync(pages, $"/counties/19/meetings/{meeting}")).ShouldBe(page);
        (await QueriesAsync(api, $"/api/v1/meetings/{meeting}")).ShouldBe(json);
    }

    [Fact]
    public async Task CostSharingAndInvoiceRegister_SendAsManyQueriesWithMoreInvoices()
    {
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        await Invoicing.InvoicingTests.EveryCouncilAdoptsAsync(api);
        (await api.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await QueriesAsync(pages, "/counties/19/cost-sharing?year=2026");
        var json = await QueriesAsync(api, "/api/v1/counties/19/cost-sharing/2026");
        var register = await QueriesAsync(pages, "/counties/19/invoices?year=2026");

        (await api.PostAsync("/api/v1/counties/19/invoices/2026/instalments/2", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await QueriesAsync(pages, "/counties/19/invoices?year=2026")).ShouldBe(register);
        (await QueriesAsync(pages, "/counties/19/cost-sharing?year=2026")).ShouldBe(page);
        (await QueriesAsync(api, "/api/v1/counties/19/cost-sharing/2026")).ShouldBe(json);
    }

    [Fact]
    public async Task PublicPages_SendAsManyQueriesWithMoreMeetings()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var anonymous = factory.CreateClient();
        var run = await BodyAsync("24", "RUN");
        var start = await QueriesAsync(anonymous, "/public");
        var body = await QueriesAsync(anonymous, $"/public/bodies/{run}");

        for (var month = 1; month <= 6; month++)
        {
            await AddMeetingAsync(api, run, new DateTimeOffset(2027, month, 12, 9, 0, 0, TimeSpan.Zero), 3);
        }

        (await QueriesAsync(anonymous, "/public")).ShouldBe(start);
        (await QueriesAsync(anonymous, $"/public/bodies/{run}")).ShouldBe(body);
    }

    [Fact]
    public async Task CaseRegister_SearchAndCase_SendAsManyQueriesWithMoreCasesAndSteps()
    {
        using var pages = await factory.PageClientAsync("sekretariat.vasterbotten");
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        async Task<Guid> AddCaseAsync(string title)
        {
            var created = await api.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title, kind = "strategy" });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return Guid.Parse((await created.JsonAsync()).Str("id"));
        }

        async Task AddStepsAsync(Guid caseId, int count)
        {
            var run = await BodyAsync("24", "RUN");
            for (var i = 0; i < count; i++)
            {
                var step = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { bodyId = run, role = "prepare" });
                step.StatusCode.ShouldBe(HttpStatusCode.Created, await step.Content.ReadAsStringAsync());
            }
        }

        var first = await AddCaseAsync("Mätning av frågor: kollektivtrafik 1");
        await AddStepsAsync(first, 1);
        var register = await QueriesAsync(pages, "/counties/24/cases");
        var search = await QueriesAsync(pages, "/counties/24/cases?q=kollektivtrafik");
        var registerApi = await QueriesAsync(api, "/api/v1/counties/24/cases?q=kollektivtrafik");
        var details = await QueriesAsync(pages, $"/counties/24/cases/{first}");

        for (var i = 2; i <= 8; i++)
        {
            await AddStepsAsync(await AddCaseAsync($"Mätning av frågor: kollektivtrafik {i}"), 2);
        }

        await AddStepsAsync(first, 6);

        (await QueriesAsync(pages, "/counties/24/cases")).ShouldBe(register);
        (await QueriesAsync(pages, "/counties/24/cases?q=kollektivtrafik")).ShouldBe(search);
        (await QueriesAsync(api, "/api/v1/counties/24/cases?q=kollektivtrafik")).ShouldBe(registerApi);
        (await QueriesAsync(pages, $"/counties/24/cases/{first}")).ShouldBe(details);
    }

    [Fact]
    public async Task FundPageAndYearlyReport_SendAsManyQueriesWithMoreInitiatives()
    {
        using var pages = await factory.PageClientAsync("sekretariat.varmland");
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = await ReadAsync(db => db.Funds.Select(f => f.Id).SingleAsync());
        var party = await ReadAsync(db => db.Parties.Where(p => p.Name == "Karlstad").Select(p => p.Id).SingleAsync());
        var fundPage = await QueriesAsync(pages, $"/counties/17/funds/{fund}");
        var report = await QueriesAsync(pages, $"/counties/17/funds/{fund}/reports/2026");
        var fundApi = await QueriesAsync(api, $"/api/v1/funds/{fund}");

        for (var i = 0; i < 6; i++)
        {
            var created = await api.PostAsJsonAsync($"/api/v1/funds/{fund}/initiatives", new
            {
                title = string.Create(CultureInfo.InvariantCulture, $"Mätsatsning {i}"), purpose = "Syfte", budget = 100_000m, proposingPartyId = party,
                startsOn = "2027-01-01", endsOn = "2027-12-31",
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        (await QueriesAsync(pages, $"/counties/17/funds/{fund}")).ShouldBe(fundPage);
        (await QueriesAsync(pages, $"/counties/17/funds/{fund}/reports/2026")).ShouldBe(report);
        (await QueriesAsync(api, $"/api/v1/funds/{fund}")).ShouldBe(fundApi);
    }
}
