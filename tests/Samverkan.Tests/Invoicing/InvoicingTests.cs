using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Invoicing;

/// <summary>The yearly invoice run end to end through the API, on SQLite and on PostgreSQL.</summary>
public abstract class InvoicingTests(SamverkanFactory factory) : IAsyncLifetime
{
    // Each test has a database of its own, so that it can assert exactly what it did.
    public ValueTask InitializeAsync() => factory.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Population on 31 December 2025 for the test, in SCB's export shape (semicolon, "1980 Västerås").</summary>
    public static async Task<string> PopulationFileAsync(SamverkanFactory factory, int countyCodeYearSeed = 2025)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var county = await db.Counties.SingleAsync(c => c.Code == "19");
        var municipalities = await db.Parties.Where(p => p.CountyId == county.Id && p.MunicipalityCode != null).ToListAsync();
        var text = new StringBuilder("\"region\";\"ålder\";\"" + countyCodeYearSeed + "\"\n");
        foreach (var m in municipalities.OrderBy(m => m.MunicipalityCode))
        {
            var population = 10_000 + int.Parse(m.MunicipalityCode!, CultureInfo.InvariantCulture) * 7 + (m.Name == "Västerås" ? 150_000 : 0);
            text.Append(CultureInfo.InvariantCulture, $"\"{m.MunicipalityCode} {m.Name}\";\"totalt ålder\";\"{population}\"\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The demo leaves Västerås's adoption of Västmanland's agreement pending, so nothing may be invoiced under it; here
    /// every council that has not adopted it does so through the API, dated 2022, before any instalment the tests raise.
    /// </summary>
    public static async Task EveryCouncilAdoptsAsync(HttpClient api, string countyCode = "19")
    {
        var agreement = (await api.GetJsonAsync($"/api/v1/counties/{countyCode}/agreements")).EnumerateArray().First().Str("id");
        var pending = (await api.GetJsonAsync($"/api/v1/agreements/{agreement}")).GetProperty("parties").EnumerateArray()
            .Where(p => p.GetProperty("adoption").ValueKind == System.Text.Json.JsonValueKind.Null).Select(p => p.Str("partyId")).ToList();
        foreach (var party in pending)
        {
            var adopted = await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/adoptions", new { partyId = party, decidedOn = "2022-12-15", reference = "KF 2022-12-15 § 200" });
            adopted.IsSuccessStatusCode.ShouldBeTrue(await adopted.Content.ReadAsStringAsync());
        }
    }

    private async Task<HttpClient> PreparedAsync()
    {
        // The demo's 2025 population is a projection labelled as demo values; the test replaces it with its own file.
        var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var put = await client.PutAsync("/api/v1/counties/19/population/2025?replace=true", new StringContent(await PopulationFileAsync(factory), Encoding.UTF8, "text/csv"));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        await EveryCouncilAdoptsAsync(client);
        return client;
    }

    [Fact]
    public async Task YearlyRun_RaisesBothInstalments_WithGapFreeNumbers_AndEveryFormatChecks()
    {
        using var client = await PreparedAsync();

        var sharing = await client.GetJsonAsync("/api/v1/counties/19/cost-sharing/2026");
        sharing.GetProperty("costLevel").GetDecimal().ShouldBe(15_300_040m);
        sharing.GetProperty("total").GetDecimal().ShouldBe(15_300_040m);
        sharing.Str("populationReferenceDate").ShouldBe("2025-12-31");
        var rows = sharing.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(10);
        rows.Sum(r => r.GetProperty("amount").GetDecimal()).ShouldBe(15_300_040m);
        rows.ShouldAllBe(r => decimal.Round(r.GetProperty("share").GetDecimal(), 4) == r.GetProperty("share").GetDecimal());

        var first = await client.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var raised = await first.JsonAsync();
        raised.GetProperty("created").GetInt32().ShouldBe(10);
        raised.GetProperty("alreadyRaised").GetInt32().ShouldBe(0);
        var again = await client.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null);
        (await again.JsonAsync()).GetProperty("created").GetInt32().ShouldBe(0);
        (await again.JsonAsync()).GetProperty("alreadyRaised").GetInt32().ShouldBe(10);
        (await client.PostAsync("/api/v1/counties/19/invoices/2026/instalments/2", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var invoices = (await client.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).EnumerateArray().ToList();
        invoices.Count.ShouldBe(20);
        invoices.Select(i => i.Str("number")).ShouldBe(Enumerable.Range(1, 20).Select(n => $"2026-{n:0000}"));
        foreach (var row in rows)
        {
            var own = invoices.Where(i => i.Str("municipalityCode") == row.Str("municipalityCode")).ToList();
            own.Sum(i => i.GetProperty("amount").GetDecimal()).ShouldBe(row.GetProperty("amount").GetDecimal());
            own.Single(i => i.GetProperty("instalment").GetInt32() == 1).GetProperty("amount").GetDecimal()
                .ShouldBe(decimal.Floor(row.GetProperty("amount").GetDecimal() / 2));
        }

        var one = invoices.First(i => i.Str("party") == "Västerås");
        var details = await client.GetJsonAsync($"/api/v1/invoices/{one.Str("id")}");
        details.GetProperty("derivation").GetProperty("costLevelChain").GetArrayLength().ShouldBe(4);
        details.GetProperty("derivation").Str("populationReferenceDate").ShouldBe("2025-12-31");
        details.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).ShouldContain(l => l!.Contains("största-restmetoden"));

        var pdfResponse = await client.GetAsync($"/api/v1/invoices/{one.Str("id")}/pdf");
        pdfResponse.StatusCode.ShouldBe(HttpStatusCode.OK, await pdfResponse.Content.ReadAsStringAsync());
        var pdf = await pdfResponse.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        await File.WriteAllBytesAsync(Browser.AdoptionMatrixBrowserTests.ScreenshotPath("invoice").Replace(".png", ".pdf", StringComparison.Ordinal), pdf);

        var ubl = XDocument.Parse(await client.GetStringAsync($"/api/v1/invoices/{one.Str("id")}/ubl"));
        UblChecks.Check(ubl).ShouldBeEmpty();

        var sie = await client.GetByteArrayAsync("/api/v1/counties/19/invoices/2026/sie");
        SieChecks.Vouchers(sie).ShouldAllBe(v => v.Sum == 0m);
        SieChecks.Vouchers(sie).Count.ShouldBe(20);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/v1/counties/19/cost-sharing/2026/csv"));
        csv.ShouldContain("1980;Västerås;");
        var xlsx = await client.GetByteArrayAsync("/api/v1/counties/19/invoices/2026/xlsx");
        Encoding.ASCII.GetString(xlsx, 0, 2).ShouldBe("PK");
    }

    [Fact]
    public async Task ChangedLevelAfterTheSecondInstalment_GivesCreditNotes_NeverEditedInvoices()
    {
        using var client = await PreparedAsync();
        (await client.PutAsJsonAsync("/api/v1/counties/19/cost-model/years/2027", new { kind = "NoUplift", decisionReference = "Test" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/v1/counties/19/cost-model/years/2028",
            new { kind = "AgreedLevel", value = 15_000_000m, decisionReference = "RS 2026-11-20 § 1", decidedOn = "2026-11-20" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var put = await client.PutAsync("/api/v1/counties/19/population/2027", new StringContent(await PopulationFileAsync(factory, 2027), Encoding.UTF8, "text/csv"));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        await client.PostAsync("/api/v1/counties/19/invoices/2028/instalments/1", null);
        await client.PostAsync("/api/v1/counties/19/invoices/2028/instalments/2", null);
        var before = (await client.GetJsonAsync("/api/v1/counties/19/invoices?year=2028")).EnumerateArray().Select(i => (i.Str("number"), i.GetProperty("amount").GetDecimal())).ToList();
        before.Count.ShouldBe(20);

        (await client.PutAsJsonAsync("/api/v1/counties/19/cost-model/years/2028",
            new { kind = "AgreedLevel", value = 14_900_000m, decisionReference = "RS 2026-11-21 § 2", decidedOn = "2026-11-21" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var corrections = await client.PostAsync("/api/v1/counties/19/invoices/2028/corrections", null);
        corrections.StatusCode.ShouldBe(HttpStatusCode.OK, await corrections.Content.ReadAsStringAsync());
        (await corrections.JsonAsync()).GetProperty("created").GetInt32().ShouldBe(10);

        var after = (await client.GetJsonAsync("/api/v1/counties/19/invoices?year=2028")).EnumerateArray().ToList();
        after.Take(before.Count).Select(i => (i.Str("number"), i.GetProperty("amount").GetDecimal())).ShouldBe(before);
        var credits = after.Skip(before.Count).ToList();
        credits.ShouldAllBe(i => i.Str("kind") == "CreditNote");
        after.Sum(i => i.Str("kind") == "CreditNote" ? -i.GetProperty("amount").GetDecimal() : i.GetProperty("amount").GetDecimal()).ShouldBe(14_900_000m);
        UblChecks.Check(XDocument.Parse(await client.GetStringAsync($"/api/v1/invoices/{credits[0].Str("id")}/ubl"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Scenario_ComparesEveryMunicipality_AndIsSharedReadOnlyWithPartyOfficials()
    {
        using var client = await PreparedAsync();
        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");

        var created = await client.PostAsJsonAsync("/api/v1/counties/19/scenarios", new { name = "Lägre nivå och blandad nyckel", year = 2026, level = 14_000_000m, key = "Mix", equalPercent = 20m });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).Str("id");

        var comparison = await client.GetJsonAsync($"/api/v1/scenarios/{id}");
        var rows = comparison.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(10);
        rows.Sum(r => r.GetProperty("scenario").GetDecimal()).ShouldBe(14_000_000m);
        rows.Sum(r => r.GetProperty("current").GetDecimal()).ShouldBe(15_300_040m);
        rows.ShouldAllBe(r => r.GetProperty("difference").GetDecimal() == r.GetProperty("scenario").GetDecimal() - r.GetProperty("current").GetDecimal());

        (await official.GetAsync($"/api/v1/scenarios/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.GetJsonAsync("/api/v1/counties/19/scenarios")).GetArrayLength().ShouldBe(0);
        (await official.PostAsJsonAsync($"/api/v1/scenarios/{id}/share", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/v1/scenarios/{id}/share", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await official.GetAsync($"/api/v1/scenarios/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var xlsx = await official.GetByteArrayAsync($"/api/v1/scenarios/{id}/xlsx");
        Encoding.ASCII.GetString(xlsx, 0, 2).ShouldBe("PK");
    }

    [Fact]
    public async Task Project_SharesItsTotalExactly_WithTheRegionsPart()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");

        var response = await client.PostAsJsonAsync("/api/v1/counties/19/projects",
            new { name = "Gemensam kompetensförsörjning", total = 1_000_001m, regionPercent = 50m, key = "Population", populationYear = 2021, decisionReference = "SRB 2026-10-02 § 40" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var shares = (await response.JsonAsync()).GetProperty("shares").EnumerateArray().ToList();
        shares.Count.ShouldBe(11);
        shares[0].Str("party").ShouldBe("Region Västmanland");
        shares[0].GetProperty("amount").GetDecimal().ShouldBe(500_001m);
        shares.Sum(s => s.GetProperty("amount").GetDecimal()).ShouldBe(1_000_001m);
    }

    [Fact]
    public async Task Settlement_IsTheYearsCostProRata_LessWhatWasPaid()
    {
        using var client = await PreparedAsync();
        await client.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null);
        var vasteras = (await client.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).EnumerateArray().First(i => i.Str("party") == "Västerås" && i.GetProperty("instalment").GetInt32() == 1);
        (await client.PostAsJsonAsync($"/api/v1/invoices/{vasteras.Str("id")}/paid", new { paidOn = "2026-02-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rows = (await client.GetJsonAsync("/api/v1/counties/19/settlement?endsOn=2026-06-30")).EnumerateArray().ToList();

        // Worked by hand: Västerås has 173 860 of the county's 387 228 inhabitants, so 15 300 040 × 173 860 / 387 228
        // = 6 869 505,70 kr, which the largest remainder rounds up to 6 869 506 kr. 1 January to 30 June 2026 is 181 of
        // 365 days: 6 869 506 × 181 / 365 = 3 406 522,15, rounded to 3 406 522 kr. Paid is the first instalment, half
        // the year rounded down: 3 434 753 kr. So Västerås is refunded 28 231 kr.
        var row = rows.Single(r => r.Str("name") == "Västerås");
        row.GetProperty("annualAmount").GetDecimal().ShouldBe(6_869_506m);
        row.GetProperty("daysCovered").GetInt32().ShouldBe(181);
        row.GetProperty("dueForPeriod").GetDecimal().ShouldBe(3_406_522m);
        vasteras.GetProperty("amount").GetDecimal().ShouldBe(3_434_753m);
        row.GetProperty("paid").GetDecimal().ShouldBe(3_434_753m);
        row.GetProperty("balance").GetDecimal().ShouldBe(-28_231m);
        rows.Single(r => r.Str("name") == "Sala").GetProperty("paid").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task RaisePage_ShowsThePlanFirst_AndWhyTheSecondInstalmentCannotComeBeforeTheFirst()
    {
        using var api = await PreparedAsync();
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var token = await SamverkanFactory.AntiforgeryTokenAsync(page, "/counties/19/cost-sharing?year=2026");
        async Task<HttpResponseMessage> PostAsync(int instalment, bool confirmed) => await page.PostAsync("/counties/19/invoices/raise", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["year"] = "2026", ["instalment"] = $"{instalment}", ["confirmed"] = $"{confirmed}" }));

        var preview = WebUtility.HtmlDecode(await (await PostAsync(2, false)).Content.ReadAsStringAsync());
        var refused = WebUtility.HtmlDecode(await (await PostAsync(2, true)).Content.ReadAsStringAsync());

        preview.ShouldContain("som först behöver delbetalning 1. Inga fakturor skapas.");
        refused.ShouldContain("Delbetalning 1 för 2026 måste faktureras före delbetalning 2 (");
        (await api.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).GetArrayLength().ShouldBe(0);
        var raised = await PostAsync(1, true);
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        raised.Headers.Location!.ToString().ShouldBe("/counties/19/invoices?year=2026");
        (await api.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).GetArrayLength().ShouldBe(10);
    }

    [Fact]
    public async Task TwoConcurrentRaises_GiveOneSetOfInvoicesWithoutGaps()
    {
        using var client = await PreparedAsync();
        var year = 2027;
        (await client.PutAsJsonAsync("/api/v1/counties/19/cost-model/years/2027", new { kind = "NoUplift", decisionReference = "Test" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var put = await client.PutAsync("/api/v1/counties/19/population/2026", new StringContent(await PopulationFileAsync(factory, 2026), Encoding.UTF8, "text/csv"));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        // On PostgreSQL both raises are held at their save until both have read the same state: they collide every time,
        // not by chance. SQLite's transactions begin IMMEDIATE, so the second raise waits at its start for the first.
        using var barrier = new SaveBarrier();
        var postgres = factory.Provider == Web.Infrastructure.DatabaseProvider.Postgres;
        using var held = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            if (postgres)
            {
                s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(barrier);
            }
        }));
        using var first = held.CreateClient();
        using var second = held.CreateClient();
        var token = await factory.TokenAsync("sekretariat.vastmanland");
        first.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        second.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var raises = await Task.WhenAll(
            first.PostAsync($"/api/v1/counties/19/invoices/{year}/instalments/1", null),
            second.PostAsync($"/api/v1/counties/19/invoices/{year}/instalments/1", null));

        raises.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        barrier.Met.ShouldBe(postgres, "both raises reached their save together");
        var results = await Task.WhenAll(raises.Select(r => r.JsonAsync()));
        results.Select(r => r.GetProperty("created").GetInt32()).Order().ShouldBe([0, 10]);
        var invoices = (await client.GetJsonAsync($"/api/v1/counties/19/invoices?year={year}")).EnumerateArray().ToList();
        invoices.Count.ShouldBe(10);
        invoices.Select(i => i.Str("number")).ShouldBe(Enumerable.Range(1, 10).Select(n => $"{year}-{n:0000}"));
    }

    [Fact]
    public async Task PopulationFile_WithErrors_Is422ListingEveryLine_AndNothingIsStored()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var file = (await PopulationFileAsync(factory, 2019)).Replace("\"1984 Arboga\";\"totalt ålder\";\"", "\"1984 Arboga\";\"totalt ålder\";\"-", StringComparison.Ordinal)
            + "\"2480 Umeå\";\"totalt ålder\";\"130000\"\n";

        var response = await client.PutAsync("/api/v1/counties/19/population/2019", new StringContent(file, Encoding.UTF8, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("line").GetInt32()).ShouldContain(12);
        errors.Select(e => e.Str("message")).ShouldContain(m => m.Contains("Arboga", StringComparison.Ordinal) && m.Contains("positivt heltal", StringComparison.Ordinal));
        errors.Select(e => e.Str("message")).ShouldContain("Rad 12: kommunkoden 2480 hör inte till länet.");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationFigures.CountAsync(f => f.Year == 2019)).ShouldBe(0);
    }

    [Fact]
    public async Task PopulationFile_ForAnExistingYear_NeedsConfirmation_AndTheAuditKeepsTheOldFigures()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var file = await PopulationFileAsync(factory, 2021);
        var content = file.Replace("\"2021\"", "\"2021\"", StringComparison.Ordinal);

        var refused = await client.PutAsync("/api/v1/counties/19/population/2021", new StringContent(content, Encoding.UTF8, "text/csv"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var replaced = await client.PutAsync("/api/v1/counties/19/population/2021?replace=true", new StringContent(content, Encoding.UTF8, "text/csv"));
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var deleted = (await client.GetJsonAsync("/api/v1/counties/19/audit?entityType=PopulationFigure&take=1000")).EnumerateArray()
            .Where(e => e.Str("action") == "Deleted").ToList();
        deleted.Count.ShouldBe(10);
        deleted.ShouldContain(e => e.Str("before").Contains("\"Population\":156838", StringComparison.Ordinal));
    }
}

internal static class SieChecks
{
    public sealed record Voucher(string Header, decimal Sum);

    /// <summary>Reads the #VER blocks back (code page 437) and sums each one's #TRANS amounts.</summary>
    public static List<Voucher> Vouchers(byte[] sie)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = Encoding.GetEncoding(437).GetString(sie).Split("\r\n");
        lines[0].ShouldBe("#FLAGGA 0");
        lines.ShouldContain("#SIETYP 4");
        var vouchers = new List<Voucher>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("#VER", StringComparison.Ordinal))
            {
                continue;
            }

            var sum = 0m;
            for (i += 2; lines[i] != "}"; i++)
            {
                var parts = lines[i].Trim().Split(' ');
                parts[0].ShouldBe("#TRANS");
                sum += decimal.Parse(parts[3], CultureInfo.InvariantCulture);
            }

            vouchers.Add(new Voucher(lines[i - 3], sum));
        }

        return vouchers;
    }
}

/// <summary>Holds the first two saves of new invoices until both have arrived, then lets them race.</summary>
internal sealed class SaveBarrier : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor, IDisposable
{
    private readonly Barrier barrier = new(2);
    private int arrivals;

    public bool Met { get; private set; }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries<Samverkan.Domain.Invoicing.Invoice>().Any(e => e.State == EntityState.Added)
            && Interlocked.Increment(ref arrivals) <= 2)
        {
            Met = barrier.SignalAndWait(TimeSpan.FromSeconds(20), cancellationToken);
        }

        return ValueTask.FromResult(result);
    }

    public void Dispose() => barrier.Dispose();
}

public sealed class SqliteInvoicingTests() : InvoicingTests(new SqliteFactory());

public sealed class PostgresInvoicingTests() : InvoicingTests(new PostgresFactory());
