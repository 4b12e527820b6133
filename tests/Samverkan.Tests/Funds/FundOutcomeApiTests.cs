using Samverkan.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Funds;

/// <summary>Issue 10's outcome reports, the proposal's details and the yearly report, end to end on both engines.</summary>
public sealed class FundOutcomeApiTests
{
    private static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    private static async Task<string> FundAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");

    private static async Task<string> InitiativeAsync(HttpClient client, string fund, string title) =>
        (await client.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray().Single(i => i.Str("title") == title).Str("id");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MissingOutcomeReport_IsOverdue_UntilVragReportsIt_AndOnlyOncePerYear(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        using var official = await factory.ApiClientAsync("tjansteperson.karlstad");
        var fund = await FundAsync(secretariat);
        var commute = await InitiativeAsync(secretariat, fund, "Pendlarstråk 2040");

        var before = await secretariat.GetJsonAsync($"/api/v1/initiatives/{commute}");
        before.GetProperty("overdueReportYears").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2025]);
        before.GetProperty("outcomeReports").EnumerateArray().Select(r => r.GetProperty("year").GetInt32()).ShouldBe([2023, 2024]);

        var report = new
        {
            year = 2025,
            progress = "Byggstart för två bytespunkter.",
            results = "Restiden kortad ytterligare.",
            obtained = new { business = 0m, state = 3_000_000.25m, eu = 1_000_000m, other = 0m },
            nextSteps = "Upphandling av trafik.",
        };
        (await official.PostAsJsonAsync($"/api/v1/initiatives/{commute}/outcome-reports", report)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var created = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{commute}/outcome-reports", report);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        Dec(await created.JsonAsync(), "obtainedTotal").ShouldBe(4_000_000.25m);

        var after = await secretariat.GetJsonAsync($"/api/v1/initiatives/{commute}");
        after.GetProperty("overdueReportYears").GetArrayLength().ShouldBe(0);
        after.GetProperty("outcomeReports").EnumerateArray().Select(r => r.GetProperty("year").GetInt32()).ShouldBe([2023, 2024, 2025]);

        var twice = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{commute}/outcome-reports", report);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.JsonAsync()).Str("rule").ShouldBe("OutcomeReportTwice");
    }

    [Fact]
    public async Task MissingOutcomeReport_IsShownOnTheInitiativeTheFundAndTheCountysAttentionList()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        using var pages = await factory.PageClientAsync("sekretariat.varmland");
        var fund = await FundAsync(api);
        var commute = await InitiativeAsync(api, fund, "Pendlarstråk 2040");
        const string overdue = "återrapporten för 2025 skulle ha lämnats senast 2026-03-31";

        WebUtility.HtmlDecode(await pages.GetStringAsync($"/counties/17/initiatives/{commute}")).ShouldContain("Försenad:</strong> återrapport saknas för 2025");
        WebUtility.HtmlDecode(await pages.GetStringAsync($"/counties/17/funds/{fund}")).ShouldContain("Pendlarstråk 2040</a>: " + overdue);
        WebUtility.HtmlDecode(await pages.GetStringAsync("/counties/17")).ShouldContain("Pendlarstråk 2040: " + overdue);

        // The other running initiative reported every year: it is not listed.
        WebUtility.HtmlDecode(await pages.GetStringAsync("/counties/17")).ShouldNotContain("Besöksnäring i norra Värmland: återrapporten");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Proposal_CarriesGoalsLeverageRecipientAndContact_AndABadOrganisationNumberIsA400(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var official = await factory.ApiClientAsync("tjansteperson.karlstad");
        var fund = await FundAsync(official);
        var goals = (await official.GetJsonAsync("/api/v1/counties/17/goals")).EnumerateArray().ToList();
        goals.Select(g => g.Str("document")).Distinct().ShouldBe(["Värmlandsstrategin", "Trafikförsörjningsprogrammet"]);
        var goal = goals.Single(g => g.Str("text") == "Prioriteringar och målbild 2040").Str("id");

        object Proposal(string number) => new
        {
            title = "Laddinfrastruktur",
            purpose = "Laddning längs stråken",
            budget = 3_000_000m,
            startsOn = "2027-01-01",
            endsOn = "2028-12-31",
            goalIds = new[] { goal },
            plannedLeverage = new { business = 500_000.50m, state = 1_000_000m, eu = 0m, other = 0m },
            recipientName = "Laddbolaget AB",
            recipientOrganisationNumber = number,
            contactName = "Kim Kontakt",
            contactEmail = "kim@example.se",
        };

        var bad = await official.PostAsJsonAsync($"/api/v1/funds/{fund}/initiatives", Proposal("556000-0010"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["recipientOrganisationNumber"]);

        var created = await official.PostAsJsonAsync($"/api/v1/funds/{fund}/initiatives", Proposal("5560000019"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var initiative = await official.GetJsonAsync($"/api/v1/initiatives/{(await created.JsonAsync()).Str("id")}");
        initiative.GetProperty("goalIds").EnumerateArray().Select(g => g.GetString()).ShouldBe([goal]);
        Dec(initiative.GetProperty("plannedLeverage"), "business").ShouldBe(500_000.50m);
        initiative.GetProperty("recipient").Str("organisationNumber").ShouldBe("556000-0019");
        initiative.GetProperty("contact").Str("email").ShouldBe("kim@example.se");
    }

    [Fact]
    public async Task OpenData_NamesTheRecipientOrganisation_NotTheProposingParty()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = await FundAsync(api);
        var commute = await InitiativeAsync(api, fund, "Pendlarstråk 2040");
        using var anonymous = factory.CreateClient();

        var grants = (await anonymous.GetJsonAsync($"/api/v1/funds/{fund}/360giving.json")).GetProperty("grants").EnumerateArray();
        var recipient = grants.Single(g => g.Str("id") == "360G-samverkan-" + commute).GetProperty("recipientOrganization")[0];

        // Proposed by Karlstad; the money goes to the demo's Värmlandstrafik, 556000-0027.
        recipient.Str("id").ShouldBe("SE-ON-5560000027");
        recipient.Str("name").ShouldBe("Värmlandstrafik AB (demo)");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task YearlyReports_TieOut_FromTheOpeningToToday(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync("tjansteperson.karlstad");
        var fund = await FundAsync(client);
        var reports = new List<JsonElement>();
        for (var year = 2022; year <= 2026; year++)
        {
            reports.Add(await client.GetJsonAsync($"/api/v1/funds/{fund}/reports/{year}"));
        }

        Dec(reports[0], "opening").ShouldBe(0m);
        for (var n = 1; n < reports.Count; n++)
        {
            Dec(reports[n], "opening").ShouldBe(Dec(reports[n - 1], "closing"));
        }

        reports.ShouldAllBe(r => Dec(r, "change") == Dec(r, "closing") - Dec(r, "opening"));
        reports.Take(4).ShouldAllBe(r => r.GetProperty("closed").GetBoolean());
        Dec(reports[^1], "closing").ShouldBe(Dec(await client.GetJsonAsync($"/api/v1/funds/{fund}"), "balance"));

        // 2022: the three sources in, 5 MSEK paid to the skills platform.
        Dec(reports[0], "closing").ShouldBe(195_000_000m);
        var tourism2025 = reports[3].GetProperty("initiatives").EnumerateArray().Single(i => i.Str("title") == "Besöksnäring i norra Värmland");
        Dec(tourism2025, "disbursed").ShouldBe(1_500_000m);
        tourism2025.GetProperty("outcome").Str("results").ShouldBe("Tre nya året-runt-paket säljs.");
        var commute2025 = reports[3].GetProperty("initiatives").EnumerateArray().Single(i => i.Str("title") == "Pendlarstråk 2040");
        commute2025.GetProperty("outcomeOwed").GetBoolean().ShouldBeTrue();
        commute2025.GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ClosedYearsReport_NeverChanges_ALaterCorrectionShowsInTheNextYear(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = await FundAsync(secretariat);
        var frozen = await (await secretariat.GetAsync($"/api/v1/funds/{fund}/reports/2025")).Content.ReadAsStringAsync();
        var payment = (await secretariat.GetJsonAsync($"/api/v1/funds/{fund}/ledger?year=2025"))
            .EnumerateArray().First(e => e.Str("kind") == "Disbursement" && Dec(e, "amount") == 1_500_000m);

        var backdated = await secretariat.PostAsJsonAsync($"/api/v1/funds/{fund}/corrections",
            new { entryId = payment.Str("id"), date = "2025-12-31", reason = "Fel belopp" });
        backdated.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await backdated.JsonAsync()).Str("rule").ShouldBe("LedgerYearClosed");
        (await secretariat.PostAsJsonAsync($"/api/v1/funds/{fund}/corrections", new { entryId = payment.Str("id"), date = "2026-11-22", reason = "Fel belopp" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // A late outcome report for the closed year does not change its report either.
        var commute = await InitiativeAsync(secretariat, fund, "Pendlarstråk 2040");
        (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{commute}/outcome-reports",
            new { year = 2025, progress = "p", results = "r", nextSteps = "n" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await (await secretariat.GetAsync($"/api/v1/funds/{fund}/reports/2025")).Content.ReadAsStringAsync()).ShouldBe(frozen);
        var next = await secretariat.GetJsonAsync($"/api/v1/funds/{fund}/reports/2026");
        Dec(next.GetProperty("movements").EnumerateArray().Single(m => m.Str("kind") == "Correction"), "amount").ShouldBe(-1_500_000m);
        Dec(next, "opening").ShouldBe(Dec(JsonDocument.Parse(frozen).RootElement, "closing"));

        var notEnded = await secretariat.PostAsync($"/api/v1/funds/{fund}/years/2026/close", null);
        notEnded.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notEnded.JsonAsync()).Str("rule").ShouldBe("FundYearNotEnded");
    }

    [Fact]
    public async Task YearlyReport_AsPdfAndXlsx_WithTheSameFigures()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await factory.ApiClientAsync("tjansteperson.karlstad");
        var fund = await FundAsync(client);
        var report = await client.GetJsonAsync($"/api/v1/funds/{fund}/reports/2024");

        var pdf = await client.GetAsync($"/api/v1/funds/{fund}/reports/2024/pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        await File.WriteAllBytesAsync(Browser.AdoptionMatrixBrowserTests.ScreenshotPath("fund-report-2024").Replace(".png", ".pdf", StringComparison.Ordinal), bytes);

        var xlsx = await client.GetByteArrayAsync($"/api/v1/funds/{fund}/reports/2024/xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var summary = workbook.WorksheetParts.First(p => workbook.GetIdOfPart(p) == workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value);
        var rows = summary.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        decimal.Parse(rows.Single(r => r[0] == "Utgående saldo")[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Dec(report, "closing"));
        decimal.Parse(rows.Single(r => r[0] == "Ingående saldo")[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Dec(report, "opening"));
    }
}

/// <summary>The Council's position taken on a paragraph of Värmlandsrådet's minutes: one record of the parties' stands.</summary>
public sealed class CouncilMinutesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task StandsRecordedInTheCouncilsMinutes_AreTheInitiativesStands_AndGrantOnlyWhenAllSupport(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = (await secretariat.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");
        var id = (await secretariat.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray().Single(i => i.Str("title") == "Kulturstråk längs Klarälven").Str("id");
        var parties = (await secretariat.GetJsonAsync("/api/v1/counties/17/parties")).EnumerateArray().Select(p => p.Str("id")).ToList();

        var initiative = await secretariat.GetJsonAsync($"/api/v1/initiatives/{id}");
        var council = initiative.GetProperty("council");
        council.Str("label").ShouldBe("Värmlandsrådet 2026-11-20 § 1");
        initiative.GetProperty("stands").GetArrayLength().ShouldBe(10);
        initiative.GetProperty("consensus").GetProperty("absent").GetArrayLength().ShouldBe(7);

        // Six parties through the minutes' own form, the last through the initiative: both land in the paragraph.
        var meeting = council.Str("meetingId");
        var item = council.Str("minutesItemId");
        var stood = initiative.GetProperty("stands").EnumerateArray().Select(s => s.Str("partyId")).ToHashSet();
        var missing = parties.Where(p => !stood.Contains(p)).ToList();
        foreach (var party in missing.Take(6))
        {
            (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/items/{item}/positions", new { partyId = party, position = "Agree" }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/stands", new { partyId = missing[6], stand = "support" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var minutes = await secretariat.GetJsonAsync($"/api/v1/meetings/{meeting}/minutes");
        minutes.GetProperty("items")[0].GetProperty("positions").GetArrayLength().ShouldBe(17);

        var position = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/position", null)).JsonAsync();
        position.Str("status").ShouldBe("Granted");
    }

    [Fact]
    public async Task AFundParagraph_AsksNoMunicipalityForItsOwnDecision_TheCouncilTakesThePosition()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = (await secretariat.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");
        var councilItems = new HashSet<string>();
        foreach (var i in (await secretariat.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray())
        {
            var council = (await secretariat.GetJsonAsync($"/api/v1/initiatives/{i.Str("id")}")).GetProperty("council");
            if (council.ValueKind == JsonValueKind.Object)
            {
                councilItems.Add(council.Str("minutesItemId"));
            }
        }

        councilItems.ShouldNotBeEmpty();
        // The Council's minutes checked (the signatures themselves are the minutes tests' concern).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var items = councilItems.Select(Guid.Parse).ToList();
            var minutesIds = await db.Minutes.Where(m => m.Items.Any(i => items.Contains(i.Id))).Select(m => m.Id).ToListAsync();
            foreach (var minutesId in minutesIds)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"Minutes\" SET \"Status\" = 'Checked' WHERE \"Id\" = {minutesId}");
            }
        }

        var asked = (await secretariat.GetJsonAsync("/api/v1/counties/17/recommendations")).EnumerateArray().Select(r => r.Str("itemId")).ToList();
        asked.Where(councilItems.Contains).ShouldBeEmpty();
        using var official = await factory.ApiClientAsync("tjansteperson.karlstad");
        var tasks = (await official.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().Where(t => t.Str("kind") == "party-decision").Select(t => t.Str("url")).ToList();
        tasks.Where(url => councilItems.Any(url.Contains)).ShouldBeEmpty();
    }

    [Fact]
    public async Task OneObjectionInTheMinutes_MeansNoPosition()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = (await secretariat.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");
        var id = (await secretariat.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray().Single(i => i.Str("title") == "Kulturstråk längs Klarälven").Str("id");
        var parties = (await secretariat.GetJsonAsync("/api/v1/counties/17/parties")).EnumerateArray().Select(p => p.Str("id")).ToList();
        var council = (await secretariat.GetJsonAsync($"/api/v1/initiatives/{id}")).GetProperty("council");

        foreach (var party in parties)
        {
            var stand = party == parties[^1] ? "Object" : "Agree";
            (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{council.Str("meetingId")}/minutes/items/{council.Str("minutesItemId")}/positions",
                new { partyId = party, position = stand })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var position = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/position", null)).JsonAsync();
        position.Str("status").ShouldBe("NotGranted");
        position.GetProperty("consensus").GetProperty("objecting").GetArrayLength().ShouldBe(1);
    }
}
