using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Funds;

/// <summary>
/// Issue 17: the fund's pages and the API change a fund and its initiatives through the same use cases (FundDesk), so
/// the same bad input gets the same status and the same Swedish messages on both. Värmland's demo fund holds an
/// initiative in each state; nothing below is saved, so the tests share one application.
/// </summary>
public sealed class SameInputSameAnswerTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    public static TheoryData<string, string, string, string, string, int> BadInputs => new()
    {
        // the page ("fund", or the initiative's title), its handler and form (k=v&…), the API's path and JSON body, the status
        { "fund", "Propose", "Input.Title=Laddinfrastruktur", "/api/v1/funds/{fund}/initiatives", "{\"title\":\"Laddinfrastruktur\"}", 400 },
        {
            "fund", "Propose",
            "Input.PartyId={karlstad}&Input.Title=Laddning&Input.Budget=1000000&Input.StartsOn=2027-01-01&Input.EndsOn=2027-12-31"
            + "&Input.RecipientName=Laddbolaget%20AB&Input.RecipientOrganisationNumber=556000-0010&Input.ContactEmail=inte-en-adress",
            "/api/v1/funds/{fund}/initiatives",
            "{\"proposingPartyId\":\"{karlstad}\",\"title\":\"Laddning\",\"budget\":1000000,\"startsOn\":\"2027-01-01\",\"endsOn\":\"2027-12-31\","
            + "\"recipientName\":\"Laddbolaget AB\",\"recipientOrganisationNumber\":\"556000-0010\",\"contactEmail\":\"inte-en-adress\"}",
            400
        },
        { "Digital infrastruktur i glesbygd", "Prepare", "recommendation=kanske&assessment=Bra", "/api/v1/initiatives/{initiative}/preparation", "{\"recommendation\":\"kanske\",\"assessment\":\"Bra\"}", 400 },
        { "Värmländsk livsmedelsstrategi", "Decide", "reference=RS%202026%2F1", "/api/v1/initiatives/{initiative}/decision", "{\"reference\":\"RS 2026/1\"}", 400 },
        { "Värmländsk livsmedelsstrategi", "Decide", "amount=5000000&reference=RS%202026%2F1", "/api/v1/initiatives/{initiative}/decision", "{\"amount\":5000000,\"reference\":\"RS 2026/1\"}", 422 },
        { "Pendlarstråk 2040", "Disburse", "paidOn=2026-11-01", "/api/v1/initiatives/{initiative}/disbursements", "{\"paidOn\":\"2026-11-01\"}", 400 },
        { "Pendlarstråk 2040", "Disburse", "amount=20000000&paidOn=2026-11-01", "/api/v1/initiatives/{initiative}/disbursements", "{\"amount\":20000000,\"paidOn\":\"2026-11-01\"}", 422 },
        { "Pendlarstråk 2040", "Outcome", "progress=Enligt%20plan", "/api/v1/initiatives/{initiative}/outcome-reports", "{\"progress\":\"Enligt plan\"}", 400 },
        {
            "Pendlarstråk 2040", "Outcome", "year=2026&progress=p&results=r&nextSteps=n&business=-5", "/api/v1/initiatives/{initiative}/outcome-reports",
            "{\"year\":2026,\"progress\":\"p\",\"results\":\"r\",\"nextSteps\":\"n\",\"obtained\":{\"business\":-5}}", 400
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessage_OnThePageAndTheApi(string target, string handler, string form, string apiPath, string json, int status)
    {
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        using var page = await factory.PageClientAsync("sekretariat.varmland");
        var fund = (await api.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");
        var agreement = (await api.GetJsonAsync("/api/v1/counties/17/agreements")).EnumerateArray().Single().Str("id");
        var karlstad = (await api.GetJsonAsync($"/api/v1/agreements/{agreement}")).GetProperty("parties").EnumerateArray().Single(p => p.Str("name") == "Karlstad").Str("partyId");
        var initiative = target == "fund"
            ? string.Empty
            : (await api.GetJsonAsync($"/api/v1/funds/{fund}/initiatives")).EnumerateArray().Single(i => i.Str("title") == target).Str("id");
        string Fill(string text) => text.Replace("{fund}", fund, StringComparison.Ordinal).Replace("{initiative}", initiative, StringComparison.Ordinal)
            .Replace("{karlstad}", karlstad, StringComparison.Ordinal);

        await SameAnswer.AssertAsync(api, page, Fill(apiPath), Fill(json), target == "fund" ? $"/counties/17/funds/{fund}" : $"/counties/17/initiatives/{initiative}",
            handler, Fill(form), (HttpStatusCode)status);
    }

    private const string Valid = "\"name\":\"Fond\",\"openedOn\":\"2027-01-01\",\"sources\":[{\"name\":\"A\",\"amount\":100}],\"criteria\":[\"Ett\"]";
    private const string ValidForm = "Input.Name=Fond&Input.OpenedOn=2027-01-01&Input.Sources=A%3A%20100&Input.Criteria=Ett";
    private const string DemoOpening = "\"openedOn\":\"2022-01-01\",\"sources\":[{\"name\":\"Källa A\",\"amount\":55000000},{\"name\":\"Källa B\",\"amount\":101000000},{\"name\":\"Källa C\",\"amount\":44000000}]";
    private const string DemoOpeningForm = "Definition.OpenedOn=2022-01-01&Definition.Sources=K%C3%A4lla%20A%3A%2055%20000%20000%0AK%C3%A4lla%20B%3A%20101%20000%20000%0AK%C3%A4lla%20C%3A%2044000000";

    /// <summary>A fund's definition, set up on "Ny fond" (POST) or changed on the fund's page (PUT): nothing below is saved.</summary>
    public static TheoryData<string, string, string, int> BadDefinitions => new()
    {
        // "new" or "edit", the form (k=v&…), the API's JSON body, the status
        { "new", "Input.SupplementId={supplement}&Input.OpenedOn=2027-01-01&Input.Sources=A%3A%20100&Input.DecidingPartyId={region}",
            "{\"supplementId\":\"{supplement}\",\"openedOn\":\"2027-01-01\",\"sources\":[{\"name\":\"A\",\"amount\":100}],\"decidingPartyId\":\"{region}\"}", 400 },
        { "new", "Input.SupplementId={supplement}&Input.DecidingPartyId={region}&Input.Name=Fond&Input.OpenedOn=2027-01-01&Input.Sources=A%3A%20100%2C005&Input.Criteria=Ett",
            "{\"supplementId\":\"{supplement}\",\"decidingPartyId\":\"{region}\",\"name\":\"Fond\",\"openedOn\":\"2027-01-01\",\"sources\":[{\"name\":\"A\",\"amount\":100.005}],\"criteria\":[\"Ett\"]}", 400 },
        { "new", "Input.SupplementId={supplement}&Input.DecidingPartyId={other}&" + ValidForm, "{\"supplementId\":\"{supplement}\",\"decidingPartyId\":\"{other}\"," + Valid + "}", 400 },
        { "new", "Input.SupplementId={supplement}&Input.DecidingPartyId={region}&Input.ValidUntil=2026-12-31&" + ValidForm,
            "{\"supplementId\":\"{supplement}\",\"decidingPartyId\":\"{region}\",\"validUntil\":\"2026-12-31\"," + Valid + "}", 400 },
        { "new", "Input.SupplementId={supplement}&Input.DecidingPartyId={region}&Input.Name=Fond&Input.OpenedOn=2027-01-01&Input.Sources=A%3A%20100&Input.Criteria=Ett%0AEtt",
            "{\"supplementId\":\"{supplement}\",\"decidingPartyId\":\"{region}\",\"name\":\"Fond\",\"openedOn\":\"2027-01-01\",\"sources\":[{\"name\":\"A\",\"amount\":100}],\"criteria\":[\"Ett\",\"Ett\"]}", 400 },
        { "edit", "Definition.DecidingPartyId={region}&Definition.Criteria=Ett&" + DemoOpeningForm, "{\"decidingPartyId\":\"{region}\",\"criteria\":[\"Ett\"]," + DemoOpening + "}", 400 },
        { "edit", "Definition.Name=DGR&Definition.DecidingPartyId={region}&Definition.Criteria=Ett&Definition.OpenedOn=2022-01-01&Definition.Sources=K%C3%A4lla%20A%3A%201",
            "{\"name\":\"DGR\",\"decidingPartyId\":\"{region}\",\"criteria\":[\"Ett\"],\"openedOn\":\"2022-01-01\",\"sources\":[{\"name\":\"Källa A\",\"amount\":1}]}", 409 },
        { "edit", "Definition.Name=DGR&Definition.DecidingPartyId={region}&Definition.Criteria=Ett&Definition.Goals=V%C3%A4rmlandsstrategin%3A%20Vision&" + DemoOpeningForm,
            "{\"name\":\"DGR\",\"decidingPartyId\":\"{region}\",\"criteria\":[\"Ett\"],\"goals\":[{\"document\":\"Värmlandsstrategin\",\"text\":\"Vision\"}]," + DemoOpening + "}", 409 },
        { "edit", "Definition.Version=1&Definition.Name=DGR", "{\"version\":1,\"name\":\"DGR\"}", 409 },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task TheSameBadFundDefinition_GetsTheSameStatusAndMessage_OnThePageAndTheApi(string target, string form, string json, int status)
    {
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        using var page = await factory.PageClientAsync("sekretariat.varmland");
        var fundId = (await api.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single().Str("id");
        var fund = await api.GetJsonAsync($"/api/v1/funds/{fundId}");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var other = await db.Parties.Where(p => db.Counties.Any(c => c.Id == p.CountyId && c.Code == "19")).Select(p => p.Id).FirstAsync();
        string Fill(string text) => text.Replace("{supplement}", fund.Str("supplementId"), StringComparison.Ordinal)
            .Replace("{region}", fund.Str("decidingPartyId"), StringComparison.Ordinal).Replace("{other}", other.ToString(), StringComparison.Ordinal);

        if (target == "new")
        {
            await SameAnswer.AssertAsync(api, page, "/api/v1/counties/17/funds", Fill(json), "/counties/17/funds/new", string.Empty, Fill(form), (HttpStatusCode)status);
        }
        else
        {
            await SameAnswer.AssertAsync(api, page, $"/api/v1/funds/{fundId}", Fill(json), $"/counties/17/funds/{fundId}", "Edit", Fill(form), (HttpStatusCode)status,
                "PUT");
        }

        (await api.GetJsonAsync("/api/v1/counties/17/funds")).GetArrayLength().ShouldBe(1);
    }
}
