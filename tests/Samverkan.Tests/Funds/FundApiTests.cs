using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Funds;

/// <summary>Issue 10 end to end on both engines: Värmland's shared fund from a proposal to the yearly report.</summary>
public sealed class FundApiTests
{
    private static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    private static async Task<string> FundAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");

    private static async Task<List<string>> PartiesAsync(HttpClient client)
    {
        var agreement = (await client.GetJsonAsync("/api/v1/counties/17/agreements")).EnumerateArray().Single().Str("id");
        return (await client.GetJsonAsync($"/api/v1/agreements/{agreement}")).GetProperty("parties").EnumerateArray().Select(p => p.Str("partyId")).ToList();
    }

    /// <summary>Every one of the fund's own criteria, answered as met, in the fund's order.</summary>
    private static async Task<object[]> AnswersAsync(HttpClient client, string fund) =>
        (await client.GetJsonAsync($"/api/v1/funds/{fund}")).GetProperty("criteria").EnumerateArray()
            .Select(c => (object)new { criterion = c.GetString(), met = true, comment = "Ja" }).ToArray();

    /// <summary>Proposes, submits, prepares and gathers every party's support; returns the initiative's id.</summary>
    private static async Task<string> GrantedAsync(HttpClient secretariat, string fund, List<string> parties, decimal budget, string? objector = null)
    {
        var created = await secretariat.PostAsJsonAsync($"/api/v1/funds/{fund}/initiatives",
            new { title = "Testsatsning", purpose = "Syfte", budget, proposingPartyId = parties[1], startsOn = "2027-01-01", endsOn = "2027-12-31" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).Str("id");
        (await secretariat.PostAsync($"/api/v1/initiatives/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/preparation", new
        {
            recommendation = "grant",
            assessment = "Uppfyller kriterierna.",
            criteria = await AnswersAsync(secretariat, fund),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var party in parties)
        {
            (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/stands", new { partyId = party, stand = party == objector ? "object" : "support" }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await secretariat.PostAsync($"/api/v1/initiatives/{id}/position", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Fund_HasTheSeedsSources_AndBalancesDerivedFromTheLedger(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync("tjansteperson.karlstad");
        var fund = await client.GetJsonAsync($"/api/v1/funds/{await FundAsync(client)}");

        fund.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("amount").GetDecimal()).ShouldBe([55_000_000m, 101_000_000m, 44_000_000m]);
        Dec(fund, "opening").ShouldBe(200_000_000m);
        Dec(fund, "balance").ShouldBe(Dec(fund, "opening") - Dec(fund, "disbursed"));
        Dec(fund, "uncommitted").ShouldBe(Dec(fund, "balance") - Dec(fund, "committed"));
        fund.GetProperty("validity").GetProperty("openForCommitments").GetBoolean().ShouldBeTrue();

        var ledger = (await client.GetJsonAsync($"/api/v1/funds/{fund.Str("id")}/ledger?year=2022")).EnumerateArray().ToList();
        ledger.Count(e => e.Str("kind") == "Opening").ShouldBe(3);
        ledger.ShouldAllBe(e => e.Str("date").StartsWith("2022", StringComparison.Ordinal));

        var report = await client.GetJsonAsync($"/api/v1/funds/{fund.Str("id")}/reports/2024");
        Dec(report, "change").ShouldBe(Dec(report, "closing") - Dec(report, "opening"));
        var previous = await client.GetJsonAsync($"/api/v1/funds/{fund.Str("id")}/reports/2023");
        Dec(report, "opening").ShouldBe(Dec(previous, "closing"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Initiative_FromAnOfficialsProposal_ThroughConsensus_ToDecisionDisbursementAndClosing(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var official = await factory.ApiClientAsync("tjansteperson.karlstad");
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = await FundAsync(secretariat);
        var parties = await PartiesAsync(secretariat);
        var before = await secretariat.GetJsonAsync($"/api/v1/funds/{fund}");

        var created = await official.PostAsJsonAsync($"/api/v1/funds/{fund}/initiatives",
            new { title = "Cykelstråk", purpose = "Regionala cykelstråk", budget = 2_000_000.50m, startsOn = "2027-01-01", endsOn = "2028-12-31" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).Str("id");
        (await official.PostAsync($"/api/v1/initiatives/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await official.PostAsJsonAsync($"/api/v1/initiatives/{id}/preparation", new { recommendation = "grant", assessment = "x", criteria = new[] { new { criterion = "a", met = true } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/preparation", new { recommendation = "grant", assessment = "Bra.", criteria = await AnswersAsync(secretariat, fund) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var party in parties)
        {
            (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/stands", new { partyId = party, stand = "support" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var position = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/position", null)).JsonAsync();
        position.Str("status").ShouldBe("Granted");

        (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/decision", new { amount = 2_000_000.50m, reference = "RS 2026/1", decidedOn = "2026-11-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooMuch = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/disbursements", new { amount = 2_000_000.51m, paidOn = "2026-11-02" });
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await tooMuch.JsonAsync()).Str("rule").ShouldBe("DisbursementAboveCommitment");
        (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/disbursements", new { amount = 1_500_000m, paidOn = "2026-11-02" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/close", new { finalReport = "Klart.", returned = 100_000m, closedOn = "2026-11-20" })).JsonAsync();

        closed.Str("status").ShouldBe("Closed");
        var money = closed.GetProperty("money");
        Dec(money, "remaining").ShouldBe(0m);
        Dec(money, "disbursed").ShouldBe(1_400_000m);
        closed.GetProperty("ledger").EnumerateArray().Select(e => e.Str("kind")).ShouldBe(["Commitment", "Disbursement", "Return", "Release"]);
        var after = await secretariat.GetJsonAsync($"/api/v1/funds/{fund}");
        Dec(after, "uncommitted").ShouldBe(Dec(before, "uncommitted") - 1_400_000m);
        Dec(after, "committed").ShouldBe(Dec(before, "committed"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OneObjection_MeansNoPosition_AndNoDecision(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = await FundAsync(secretariat);
        var parties = await PartiesAsync(secretariat);
        var id = await GrantedAsync(secretariat, fund, parties, 1_000_000m, objector: parties[5]);

        var initiative = await secretariat.GetJsonAsync($"/api/v1/initiatives/{id}");
        initiative.Str("status").ShouldBe("NotGranted");
        initiative.GetProperty("consensus").GetProperty("objecting").GetArrayLength().ShouldBe(1);
        var decision = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/decision", new { amount = 1_000m, reference = "RS 1" });
        decision.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Decision_AboveUncommitted_IsRefused_AlsoWhenTwoAreMadeAtOnce(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = await FundAsync(secretariat);
        var parties = await PartiesAsync(secretariat);
        var uncommitted = Dec(await secretariat.GetJsonAsync($"/api/v1/funds/{fund}"), "uncommitted");
        var share = decimal.Round(uncommitted * 0.6m, 2);
        var first = await GrantedAsync(secretariat, fund, parties, share);
        var second = await GrantedAsync(secretariat, fund, parties, share);

        var single = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{first}/decision", new { amount = uncommitted + 0.01m, reference = "RS 9" });
        single.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        using var other = await factory.ApiClientAsync("sekretariat.varmland");
        var results = await Task.WhenAll(
            secretariat.PostAsJsonAsync($"/api/v1/initiatives/{first}/decision", new { amount = share, reference = "RS 10" }),
            other.PostAsJsonAsync($"/api/v1/initiatives/{second}/decision", new { amount = share, reference = "RS 11" }));

        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var refused = results.Single(r => r.StatusCode != HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.JsonAsync()).Str("rule").ShouldBe("CommitmentAboveUncommitted");
        var after = await secretariat.GetJsonAsync($"/api/v1/funds/{fund}");
        Dec(after, "uncommitted").ShouldBe(uncommitted - share);
    }
}

/// <summary>The fund's pages: Swedish, plain forms that work without JavaScript, each showing its own errors.</summary>
public sealed class FundPageTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, string tokenFrom)
    {
        form["__RequestVerificationToken"] = await SamverkanFactory.AntiforgeryTokenAsync(client, tokenFrom);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task FundPage_ShowsBalancesAndInitiatives_AndAPaymentAboveTheCommitmentIsRefusedOnTheForm()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        using var pages = await factory.PageClientAsync("sekretariat.varmland");
        var fund = (await api.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");

        var overview = WebUtility.HtmlDecode(await pages.GetStringAsync("/counties/17"));
        overview.ShouldContain("href=\"/counties/17/funds\"");
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync($"/counties/17/funds/{fund}"));
        page.ShouldContain("Obundet (kan beslutas)");
        page.ShouldContain("Pendlarstråk 2040");
        page.ShouldContain("Inget ställningstagande");

        var running = (await api.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray().First(i => i.Str("status") == "Running");
        var path = $"/counties/17/initiatives/{running.Str("id")}";
        var remaining = running.GetProperty("remaining").GetDecimal();
        var response = await PostFormAsync(pages, path + "?handler=Disburse",
            new() { ["amount"] = (remaining + 1m).ToString(System.Globalization.CultureInfo.InvariantCulture), ["paidOn"] = "2026-11-01" }, path);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "the same status the API gives for the same payment");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Utbetalningen kunde inte registreras");
        html.ShouldContain("större än vad som återstår av beslutet");
    }
}

/// <summary>The granted initiatives as 360Giving open data, validated against the 1.4.3 package schema.</summary>
public sealed partial class ThreeSixtyGivingTests
{
    [Fact]
    public async Task GrantedInitiatives_AreValid360GivingJson_ForAnybody()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = (await secretariat.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync($"/api/v1/funds/{fund}/360giving.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();

        // The package points at the grant schema online, and NJsonSchema reads draft 2020-12's "$defs" under its older name
        // "definitions": both are rewritten in a copy, so the validation is offline and checks the same rules.
        var folder = Path.Combine(AppContext.BaseDirectory, "Funds", "360giving");
        var work = Directory.CreateTempSubdirectory("360giving-").FullName;
        var grant = (await File.ReadAllTextAsync(Path.Combine(folder, "360-giving-schema.json")))
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);

        // NJsonSchema checks a format only on a typed schema; the branch sits inside a string schema, so this says the same.
        grant = DateTimeBranch().Replace(grant, "\"type\": \"string\", \"format\": \"date-time\"");
        await File.WriteAllTextAsync(Path.Combine(work, "360-giving-schema.json"), grant);
        var package = (await File.ReadAllTextAsync(Path.Combine(folder, "360-giving-package-schema.json")))
            .Replace("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json", "360-giving-schema.json", StringComparison.Ordinal);
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(package, Path.Combine(work, "package.json"));
        var settings = new NJsonSchema.Validation.JsonSchemaValidatorSettings();
        settings.FormatValidators = settings.FormatValidators.Where(v => v.Format != "date-time").Append(new StrictDateTime()).ToList();
        // Read without turning date-like strings into dates, so the schema's patterns see the text as written.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var errors = schema.Validate(Newtonsoft.Json.Linq.JToken.ReadFrom(reader), settings);
        Flatten(errors).ShouldBeEmpty();

        var grants = JsonDocument.Parse(json).RootElement.GetProperty("grants").EnumerateArray().ToList();
        grants.Count.ShouldBe(4);
        grants.ShouldAllBe(g => g.Str("id").StartsWith("360G-samverkan-", StringComparison.Ordinal) && g.Str("currency") == "SEK");
        grants.ShouldAllBe(g => g.GetProperty("recipientOrganization")[0].Str("id").StartsWith("SE-ON-", StringComparison.Ordinal));
        grants.ShouldContain(g => g.GetProperty("disbursementTransaction").GetArrayLength() > 0);
    }

    /// <summary>
    /// RFC 3339's date-time, as JSON Schema defines the format. NJsonSchema's own check accepts any parsable date, so a
    /// plain "2022-02-22" would match both branches of the schema's oneOf (date-time, or YYYY-MM-DD) and fail.
    /// </summary>
    private sealed partial class StrictDateTime : NJsonSchema.Validation.FormatValidators.IFormatValidator
    {
        public string Format => "date-time";

        public NJsonSchema.Validation.ValidationErrorKind ValidationErrorKind => NJsonSchema.Validation.ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, Newtonsoft.Json.Linq.JTokenType tokenType) => Rfc3339().IsMatch(value);

        [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
        private static partial System.Text.RegularExpressions.Regex Rfc3339();
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"format\":\\s*\"date-time\"")]
    private static partial System.Text.RegularExpressions.Regex DateTimeBranch();

    private static IEnumerable<string> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.SelectMany(c => Flatten(c.Value)).DefaultIfEmpty($"{e.Path}: {e.Kind}")
            : [$"{e.Path}: {e.Kind}"]);
}
