using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Counties;

/// <summary>
/// Issue 18, a county's setup as a file: exported without personal data, read into a new county through the same
/// services as the forms, in one transaction (a refused file leaves nothing behind, not even the county), on both
/// engines; only an administrator creates a county that way and only into an empty one.
/// </summary>
public abstract class CountyConfigurationTests(SamverkanFactory factory)
{
    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(expected, json.ToString());
        return json;
    }

    [Fact]
    public async Task Vastmanlands_Model_SetsUpDalarna_WithDalarnasOwnParties_AndTheSameRules()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var file = await ExpectAsync(await admin.GetAsync("/api/v1/counties/19/configuration"), HttpStatusCode.OK);
        file.Str("format").ShouldBe("samverkan-county-configuration");
        file.Str("sourceCountyCode").ShouldBe("19");
        var srb = file.GetProperty("bodies").EnumerateArray().Single(b => b.Str("key") == "SRB");

        // No personal data: not one person of the county appears in the file.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var names = (await db.People.AsNoTracking().ToListAsync()).Select(p => p.FullName).ToList();
            names.ShouldNotBeEmpty();
            var text = file.ToString();
            names.Where(text.Contains).ShouldBeEmpty();
        }

        var result = await ExpectAsync(await admin.PostAsync("/api/v1/counties/20/configuration",
            new StringContent(file.ToString(), Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        result.Str("countyName").ShouldBe("Dalarnas län");
        result.GetProperty("parties").GetInt32().ShouldBe(16);
        result.GetProperty("bodies").GetInt32().ShouldBe(file.GetProperty("bodies").GetArrayLength());
        result.GetProperty("costModel").GetBoolean().ShouldBeTrue();
        result.GetProperty("leftToDo").EnumerateArray().Select(x => x.GetString()).ShouldContain("Ange regionens bankgiro i kostnadsmodellen.");

        // Dalarna's parties are its own, from SCB's list, and the agreement is a draft of all of them.
        var parties = (await admin.GetJsonAsync("/api/v1/counties/20/parties")).EnumerateArray().Select(p => p.Str("name")).ToList();
        parties.ShouldContain("Region Dalarna");
        parties.ShouldContain("Falun");
        parties.ShouldNotContain("Västerås");

        // The exported SRB's rules came across unchanged: Dalarna's own export says the same.
        var again = await ExpectAsync(await admin.GetAsync("/api/v1/counties/20/configuration"), HttpStatusCode.OK);
        var dalarnasSrb = again.GetProperty("bodies").EnumerateArray().Single(b => b.Str("key") == "SRB");
        dalarnasSrb.GetProperty("rules").ToString().ShouldBe(srb.GetProperty("rules").ToString());
        dalarnasSrb.GetProperty("membersFrom").ToString().ShouldBe(srb.GetProperty("membersFrom").ToString());
        var agreement = again.GetProperty("agreements").EnumerateArray().Single();
        agreement.GetProperty("allParties").GetBoolean().ShouldBeTrue();
        agreement.GetProperty("caseNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        again.GetProperty("costModel").GetProperty("model").GetProperty("bankgiro").ValueKind.ShouldBe(JsonValueKind.Null);
        again.GetProperty("costModel").GetProperty("model").Str("invoiceSection")
            .ShouldBe(file.GetProperty("costModel").GetProperty("model").Str("invoiceSection"));

        // Read into a county that already has bodies: refused.
        await ExpectAsync(await admin.PostAsync("/api/v1/counties/20/configuration", new StringContent(file.ToString(), Encoding.UTF8, "application/json")),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Vasterbottens_Model_KeepsItsFlowTemplatesAndSeries_AndAFundIsLeftForItsSupplement()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var vasterbotten = await ExpectAsync(await admin.GetAsync("/api/v1/counties/24/configuration"), HttpStatusCode.OK);
        var result = await ExpectAsync(await admin.PostAsync("/api/v1/counties/25/configuration",
            new StringContent(vasterbotten.ToString(), Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        result.GetProperty("caseSeries").GetInt32().ShouldBe(2);
        result.GetProperty("flowTemplates").GetInt32().ShouldBe(3);
        var templates = (await admin.GetJsonAsync("/api/v1/counties/25/flow-templates")).EnumerateArray().ToList();
        templates.Select(t => t.Str("name")).ShouldContain("Extern remiss (samrådet → RUN)");

        var varmland = await ExpectAsync(await admin.GetAsync("/api/v1/counties/17/configuration"), HttpStatusCode.OK);
        var fund = varmland.GetProperty("funds").EnumerateArray().Single();
        fund.GetProperty("criteria").GetArrayLength().ShouldBeGreaterThan(0);
        var fromVarmland = await ExpectAsync(await admin.PostAsync("/api/v1/counties/23/configuration",
            new StringContent(varmland.ToString(), Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        fromVarmland.GetProperty("leftToDo").EnumerateArray().Select(x => x.GetString()!)
            .ShouldContain(s => s.StartsWith($"Fonden {fund.Str("name")} skapas när ett tillägg om den är antaget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedFile_NamesWhere_AndLeavesNoCountyBehind()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var file = JsonNode.Parse((await admin.GetJsonAsync("/api/v1/counties/19/configuration")).ToString())!;
        var bodies = file["bodies"]!.AsArray();
        var last = bodies.Count - 1;
        bodies[last]!["rules"]!["minMembers"] = 9;
        bodies[last]!["rules"]!["maxMembers"] = 3;

        var refused = await ExpectAsync(await admin.PostAsync("/api/v1/counties/22/configuration",
            new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors").EnumerateObject().ToList();
        errors.Select(e => e.Name).ShouldBe([$"bodies[{last}].rules.maxMembers"]);
        errors[0].Value[0].GetString()!.ShouldStartWith($"Organ {last + 1} i filen: ");

        // Nothing half-made: no county 22, no parties, no bodies.
        (await admin.GetJsonAsync("/api/v1/counties")).EnumerateArray().Select(c => c.Str("code")).ShouldNotContain("22");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Counties.AnyAsync(c => c.Code == "22")).ShouldBeFalse();
        }

        // A file that is not one: said so.
        var notAFile = await ExpectAsync(await admin.PostAsync("/api/v1/counties/22/configuration",
            new StringContent("""{"format":"något annat"}""", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        notAFile.GetProperty("errors").GetProperty("format")[0].GetString()
            .ShouldBe("Filen är inte en inställningsfil från Samverkan (format samverkan-county-configuration, version 1).");
    }

    [Fact]
    public async Task ASecretariat_ExportsOnlyItsOwnCounty_AndCreatesNone()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        (await secretariat.GetAsync("/api/v1/counties/19/configuration")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await secretariat.GetAsync("/api/v1/counties/24/configuration")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var own = await secretariat.GetJsonAsync("/api/v1/counties/19/configuration");
        (await secretariat.PostAsync("/api/v1/counties/18/configuration", new StringContent(own.ToString(), Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secretariat.PostAsync("/api/v1/counties/19/configuration", new StringContent(own.ToString(), Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var member = await factory.ApiClientAsync("ledamot.srb");
        (await member.GetAsync("/api/v1/counties/19/configuration")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ThePageReadsTheFile_AsTheApiDoes()
    {
        using var page = await factory.PageClientAsync("admin");
        var export = await page.GetAsync("/counties/24/setup?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var bytes = await export.Content.ReadAsByteArrayAsync();

        var token = await SamverkanFactory.AntiforgeryTokenAsync(page, "/admin/counties");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("13"), "code" },
            { new ByteArrayContent(bytes), "file", "halland.json" },
        };
        var imported = await page.PostAsync("/admin/counties?handler=Import", form);
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        imported.Headers.Location!.ToString().ShouldBe("/counties/13/setup");
        var setup = await page.GetStringAsync("/counties/13/setup");
        setup.ShouldContain("Kom igång: Hallands län");

        using var bad = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("14"), "code" },
            { new ByteArrayContent("inte json"u8.ToArray()), "file", "fel.json" },
        };
        var refused = await page.PostAsync("/admin/counties?handler=Import", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync())
            .ShouldContain("Filen kunde inte läsas som JSON (rad 1): kontrollera att det är en inställningsfil från Samverkan.");
    }
}

public sealed class SqliteCountyConfigurationTests(SqliteFactory factory) : CountyConfigurationTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresCountyConfigurationTests(PostgresFactory factory) : CountyConfigurationTests(factory), IClassFixture<PostgresFactory>;
