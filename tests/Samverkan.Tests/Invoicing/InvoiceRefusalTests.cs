using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Invoicing;

/// <summary>
/// Issue 18: nothing is invoiced for a year under an agreement that is not in force on the instalment's due date, nor
/// to a party without an organisation number. The demo's Västmanland agreement still waits for Västerås's council, so
/// its year 2026 is refused, on the pages before their buttons and on the API, until Västerås adopts it.
/// </summary>
public sealed class InvoiceRefusalTests
{
    private const string NotInForce = "Överenskommelsen gäller inte den 2026-02-01, förfallodagen för delbetalning 1 för 2026: Västerås har inte antagit den. "
        + "Den gäller först när alla parters fullmäktige har antagit den, och ingen faktura skapas innan dess.";

    private static async Task<HttpClient> WithPopulationAsync(SamverkanFactory app)
    {
        var api = await app.ApiClientAsync("sekretariat.vastmanland");
        var put = await api.PutAsync("/api/v1/counties/19/population/2025?replace=true", new StringContent(await InvoicingTests.PopulationFileAsync(app), Encoding.UTF8, "text/csv"));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        return api;
    }

    [Fact]
    public async Task WhileOneCouncilHasNotAdopted_NothingIsInvoiced_ThePagesSayWhoInsteadOfTheButton_OnceAllHave_ItIs()
    {
        await using var app = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await WithPopulationAsync(app);
        using var page = await app.PageClientAsync("sekretariat.vastmanland");

        var refused = await api.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.JsonAsync();
        (problem.Str("detail"), problem.Str("rule")).ShouldBe((NotInForce, "AgreementNotInForce"));

        foreach (var path in new[] { "/counties/19/cost-sharing?year=2026", "/counties/19/invoices/raise?year=2026" })
        {
            var html = WebUtility.HtmlDecode(await page.GetStringAsync(path));
            html.ShouldContain(NotInForce, customMessage: path);
            html.ShouldContain(NotInForce.Replace("2026-02-01, förfallodagen för delbetalning 1", "2026-08-01, förfallodagen för delbetalning 2", StringComparison.Ordinal),
                customMessage: path);
            html.ShouldNotContain("Fakturera delbetalning 1 …", customMessage: path);
            html.ShouldNotContain("Fakturera delbetalning 2 …", customMessage: path);
        }

        var token = await SamverkanFactory.AntiforgeryTokenAsync(page, "/counties/19/invoices/raise?year=2026");
        var preview = await page.PostAsync("/counties/19/invoices/raise", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["year"] = "2026", ["instalment"] = "1", ["confirmed"] = "false",
        }));
        preview.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()).ShouldContain(NotInForce);
        (await api.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).GetArrayLength().ShouldBe(0);

        await InvoicingTests.EveryCouncilAdoptsAsync(api);

        WebUtility.HtmlDecode(await page.GetStringAsync("/counties/19/invoices/raise?year=2026")).ShouldContain("Fakturera delbetalning 1 …");
        var raised = await api.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null);
        raised.StatusCode.ShouldBe(HttpStatusCode.OK, await raised.Content.ReadAsStringAsync());
        (await raised.JsonAsync()).GetProperty("created").GetInt32().ShouldBe(10);
    }

    [Fact]
    public async Task APartyWithoutOrganisationNumber_IsNamed_AndNothingIsInvoiced()
    {
        await using var app = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await WithPopulationAsync(app);
        await InvoicingTests.EveryCouncilAdoptsAsync(api);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var party in await db.Parties.Where(p => p.Name == "Sala" || p.Name == "Norberg").ToListAsync())
            {
                party.Describe(party.Name, null, party.CouncilName, party.ExecutiveBoardName);
            }

            await db.SaveChangesAsync();
        }

        var refused = await api.PostAsync("/api/v1/counties/19/invoices/2026/instalments/1", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.JsonAsync();
        problem.Str("rule").ShouldBe("OrganisationNumberMissing");
        problem.Str("detail").ShouldBe("Organisationsnummer saknas för Norberg och Sala. Ange dem under Parter innan fakturorna skapas.");
        (await api.GetJsonAsync("/api/v1/counties/19/invoices?year=2026")).GetArrayLength().ShouldBe(0);
    }
}
