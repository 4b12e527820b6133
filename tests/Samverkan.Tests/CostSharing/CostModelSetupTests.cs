using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.CostSharing;

/// <summary>
/// Issue 18: a county sets up its agreement's cost model in the UI or through the API, through the one use case
/// (CostModelDesk), so the same bad input gets the same status and Swedish messages on both. Värmland's demo agreement
/// has no cost model, Västmanland's has one; nothing in the theory is saved, so it shares one application.
/// </summary>
public sealed class CostModelSetupTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    /// <summary>A whole model as Värmland's agreement could state it; each case changes or leaves out some of it.</summary>
    private static Dictionary<string, object?> Valid() => new()
    {
        ["baseYear"] = 2022, ["baseLevel"] = 5_000_000m, ["baseLabel"] = "Kostnadsnivå 2022 enligt samverkansavtalet", ["indexSeries"] = "KPI",
        ["indexReferenceDay"] = "04-15", ["agreedUpliftDeadline"] = "06-30", ["firstDueOn"] = "03-01", ["secondDueOn"] = "09-30",
        ["populationYearOffset"] = 1, ["bankgiro"] = "123-4567", ["vatCategory"] = "O", ["invoiceSection"] = "§ 6 Kostnader",
    };

    private static string JsonOf(Dictionary<string, object?> fields) => JsonSerializer.Serialize(fields.Where(f => f.Value is not null).ToDictionary());

    private static string FormOf(Dictionary<string, object?> fields) => string.Join("&", fields.Where(f => f.Value is not null)
        .Select(f => $"{f.Key}={WebUtility.UrlEncode(Convert.ToString(f.Value, CultureInfo.InvariantCulture))}"));

    private static async Task<string> AgreementAsync(HttpClient api, string countyCode) =>
        (await api.GetJsonAsync($"/api/v1/counties/{countyCode}/agreements")).EnumerateArray().First().Str("id");

    [Theory]
    [InlineData("nothing", 400)]
    [InlineData("days out of order, no 30 February", 400)]
    [InlineData("level in öre, no population year", 400)]
    [InlineData("standard VAT without a rate, a short bankgiro", 400)]
    [InlineData("a second model", 409)]
    [InlineData("a base year after the years' rules", 422)]
    [InlineData("a form read before another change", 409)]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessages_OnThePageAndTheApi(string input, int status)
    {
        var existing = input is "a second model" or "a base year after the years' rules" or "a form read before another change";
        var (user, county) = existing ? ("sekretariat.vastmanland", "19") : ("sekretariat.varmland", "17");
        using var api = await factory.ApiClientAsync(user);
        using var page = await factory.PageClientAsync(user);
        var agreement = await AgreementAsync(api, county);
        var fields = Valid();
        var (handler, method) = ("Create", "POST");
        switch (input)
        {
            case "nothing":
                fields.Clear();
                break;
            case "days out of order, no 30 February":
                (fields["firstDueOn"], fields["secondDueOn"], fields["indexReferenceDay"]) = ("09-30", "03-01", "02-30");
                break;
            case "level in öre, no population year":
                (fields["baseLevel"], fields["populationYearOffset"]) = (1_000.5m, null);
                break;
            case "standard VAT without a rate, a short bankgiro":
                (fields["vatCategory"], fields["bankgiro"]) = ("S", "12-34");
                break;
            case "a base year after the years' rules":
                var model = await api.GetJsonAsync($"/api/v1/agreements/{agreement}/cost-model");
                (fields["baseYear"], fields["version"], handler, method) = (2025, model.GetProperty("version").GetInt32(), "Change", "PUT");
                break;
            case "a form read before another change":
                (fields["version"], handler, method) = (999, "Change", "PUT");
                break;
        }

        await SameAnswer.AssertAsync(api, page, $"/api/v1/agreements/{agreement}/cost-model", JsonOf(fields), $"/counties/{county}/agreements/{agreement}/cost-model",
            handler, FormOf(fields), (HttpStatusCode)status, method);
    }

    [Fact]
    public async Task ABadField_IsAnsweredWithItsOwnSwedishMessage_ADayAsTheAgreementSaysIt_IsRead()
    {
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        var agreement = await AgreementAsync(api, "17");
        var fields = Valid();
        (fields["indexReferenceDay"], fields["secondDueOn"], fields["invoiceSection"], fields["baseLevel"]) = ("1 mars", "02-01", " ", -5m);

        var refused = await api.PostAsync($"/api/v1/agreements/{agreement}/cost-model", new StringContent(JsonOf(fields), System.Text.Encoding.UTF8, "application/json"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(e => (e.Name, e.Value.EnumerateArray().Single().GetString())).OrderBy(e => e.Name).ShouldBe(
        [
            ("baseLevel", "Kostnadsnivån anges i hela kronor, större än noll."),
            ("invoiceSection", "Ange avsnittet i överenskommelsen som fakturorna hänvisar till, till exempel \"§ 5 Ekonomi\"."),
            ("secondDueOn", "Delbetalning 2 ska förfalla efter delbetalning 1 samma år."),
        ]);
    }

    [Fact]
    public async Task ACountyCreatesItsCostModel_ItShowsOnThePageAndTheApi_AndASecondIsRefused()
    {
        await using var app = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await app.ApiClientAsync("sekretariat.varmland");
        using var page = await app.PageClientAsync("sekretariat.varmland");
        var agreement = await AgreementAsync(api, "17");
        var before = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/17/cost-model"));
        before.ShouldContain($"href=\"/counties/17/agreements/{agreement}/cost-model\">Skapa kostnadsmodell</a>");
        WebUtility.HtmlDecode(await page.GetStringAsync("/counties/17")).ShouldNotContain(">Kostnader<");

        var created = await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/cost-model", Valid());

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/agreements/{agreement}/cost-model");
        var model = await created.JsonAsync();
        (model.Str("agreementId"), model.Str("indexSeries"), model.Str("indexReferenceDay"), model.Str("agreedUpliftDeadline"), model.Str("firstDueOn"),
            model.Str("secondDueOn"), model.Str("bankgiro"), model.Str("invoiceSection")).ShouldBe(
            (agreement, "KPI", "04-15", "06-30", "03-01", "09-30", "123-4567", "§ 6 Kostnader"));
        var read = await api.GetJsonAsync("/api/v1/counties/17/cost-model");
        (read.GetProperty("baseLevel").GetDecimal(), read.GetProperty("baseYear").GetInt32(), read.Str("vatCategory")).ShouldBe((5_000_000m, 2022, "O"));
        var shown = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/17/cost-model"));
        shown.ShouldContain("2022: 5 000 000 kr");
        shown.ShouldContain("KPI per 15 april; en annan uppräkning överenskommen senast 30 juni");
        shown.ShouldContain("<dd>1 mars och 30 september</dd>");
        shown.ShouldContain("<dd>§ 6 Kostnader</dd>");
        shown.ShouldContain("Ett år utan egen regel räknas upp med KPI per den 15 april.");
        WebUtility.HtmlDecode(await page.GetStringAsync("/counties/17")).ShouldContain(">Kostnader<");

        var again = await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/cost-model", Valid());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).Str("detail").ShouldBe("Överenskommelsen har redan en kostnadsmodell. Ändra den i stället.");
    }

    [Fact]
    public async Task TheSecretariatCreatesAndChangesTheModelThroughThePage()
    {
        await using var app = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await app.ApiClientAsync("sekretariat.vasterbotten");
        using var page = await app.PageClientAsync("sekretariat.vasterbotten");
        var agreement = await AgreementAsync(api, "24");
        var path = $"/counties/24/agreements/{agreement}/cost-model";
        var form = WebUtility.HtmlDecode(await page.GetStringAsync(path));
        form.ShouldContain("<h1>Skapa kostnadsmodell</h1>");
        form.ShouldContain("value=\"§ 5 Ekonomi\"");

        var fields = Valid();
        fields["baseLevel"] = "2 400 000";
        var created = await PostFormAsync(page, path, "Create", fields);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().ShouldBe("/counties/24/cost-model");
        var model = await api.GetJsonAsync($"/api/v1/agreements/{agreement}/cost-model");
        model.GetProperty("baseLevel").GetDecimal().ShouldBe(2_400_000m);

        fields["version"] = model.GetProperty("version").GetInt32();
        fields["invoiceSection"] = "avsnitt 4 Finansiering";
        (await PostFormAsync(page, path, "Change", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetJsonAsync($"/api/v1/agreements/{agreement}/cost-model")).Str("invoiceSection").ShouldBe("avsnitt 4 Finansiering");
        (await PostFormAsync(page, path, "Change", fields)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the form was read before the change it made");
    }

    [Fact]
    public async Task AnotherCountysAgreement_IsRefused_OnTheApiAndThePage()
    {
        using var varmland = await factory.ApiClientAsync("sekretariat.varmland");
        var agreement = await AgreementAsync(varmland, "17");
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");

        (await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/cost-model", Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PutAsJsonAsync($"/api/v1/agreements/{agreement}/cost-model", Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync($"/api/v1/agreements/{agreement}/cost-model")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.GetAsync($"/counties/19/agreements/{agreement}/cost-model")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.GetAsync($"/counties/17/agreements/{agreement}/cost-model")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var official = await factory.ApiClientAsync("tjansteperson.karlstad");
        (await official.PostAsJsonAsync($"/api/v1/agreements/{agreement}/cost-model", Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await varmland.GetAsync($"/api/v1/agreements/{agreement}/cost-model")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient page, string path, string handler, Dictionary<string, object?> fields)
    {
        var form = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, Convert.ToString(f.Value, CultureInfo.InvariantCulture)!))
            .Append(new("__RequestVerificationToken", await SamverkanFactory.AntiforgeryTokenAsync(page, path))).ToList();
        return await page.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }
}
