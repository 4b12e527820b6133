using System.Net;
using Samverkan.Tests.Support;

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
}
