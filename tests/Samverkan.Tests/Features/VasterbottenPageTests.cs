using System.Net;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Features;

/// <summary>Every essential action on Västerbotten's new pages works as a plain form post with antiforgery, without JavaScript.</summary>
public sealed class VasterbottenPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, string tokenFrom)
    {
        form["__RequestVerificationToken"] = await SamverkanFactory.AntiforgeryTokenAsync(client, tokenFrom);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private async Task<string> AgreementAsync(HttpClient api) =>
        (await api.GetJsonAsync("/api/v1/counties/24/agreements")).EnumerateArray().First(a => a.Str("caseNumber") == "RS 759-2022").Str("id");

    [Fact]
    public async Task UmeasOfficial_SeesTheContractToSign_AndSignsItOnThePage()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var umea = (await api.GetJsonAsync($"/api/v1/agreements/{await AgreementAsync(api)}/contracts")).EnumerateArray().Single(c => c.Str("partyName") == "Umeå");
        var own = umea.GetProperty("signatories").EnumerateArray().Single(s => s.Str("side") == "Municipality" && s.Str("capacity") == "Official");
        using var official = await factory.PageClientAsync("tjansteperson.umea");
        (await HtmlAsync(official, "/tasks")).ShouldContain("Skriv under samverkansavtalet med Umeå (Överenskommelse om samverkan för regional utveckling 2023–2026)");
        var path = $"/counties/24/contracts/{umea.Str("id")}";
        var page = await HtmlAsync(official, path);
        page.ShouldContain("Registrera underskrift");
        page.ShouldNotContain("Ändra avtalets text");

        var signed = await PostFormAsync(official, path + "?handler=Sign", new()
        {
            ["Input.SignatoryId"] = own.Str("signatoryId"), ["Input.SignedOn"] = "2026-11-22", ["Input.Version"] = umea.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, path);
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await HtmlAsync(official, path);
        after.ShouldContain("Avtalet är undertecknat av alla.");
        after.ShouldNotContain("Registrera underskrift");
        (await HtmlAsync(official, "/tasks")).ShouldNotContain("Skriv under samverkansavtalet med Umeå (Överenskommelse om samverkan för regional utveckling 2023–2026)");
    }

    [Fact]
    public async Task Secretariat_RecordsTheReview_StartsTheNextAgreement_SharesTheAgenda_AndRecordsAdvice_OnThePages()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var agreement = await AgreementAsync(api);

        var reviews = $"/counties/24/agreements/{agreement}/reviews";
        var version = (await api.GetJsonAsync($"/api/v1/agreements/{agreement}")).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var empty = await PostFormAsync(page, reviews, new() { ["Input.Year"] = "2026", ["Input.Version"] = version }, reviews);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).ShouldContain("Ange med vilka dialogen fördes.");
        var recorded = await PostFormAsync(page, reviews, new()
        {
            ["Input.Year"] = "2026", ["Input.HeldOn"] = "2026-11-20", ["Input.Participants"] = "PKD och RUN:s presidium",
            ["Input.Financing"] = "Oförändrad.", ["Input.Conclusion"] = "En ny överenskommelse tas fram.", ["Input.Version"] = version,
        }, reviews);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reviewPage = await HtmlAsync(page, reviews);
        reviewPage.ShouldContain("Aktualitetsprövningen 2026 är registrerad.");
        reviewPage.ShouldContain("PKD och RUN:s presidium");

        var agreementPath = $"/counties/24/agreements/{agreement}";
        (await HtmlAsync(page, agreementPath)).ShouldContain("Påbörja nästa överenskommelse");
        var next = await PostFormAsync(page, agreementPath + "?handler=Next", [], agreementPath);
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nextPage = await HtmlAsync(page, next.Headers.Location!.ToString());
        nextPage.ShouldContain("<h1>Överenskommelse om samverkan för regional utveckling 2027–2030</h1>");
        nextPage.ShouldContain("Ej undertecknat");
        (await HtmlAsync(page, agreementPath)).ShouldNotContain("Påbörja nästa överenskommelse");

        var bodies = (await api.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().ToList();
        var runAu = bodies.Single(b => b.Str("shortName") == "RUN AU").Str("id");
        var forum = bodies.Single(b => b.Str("shortName") == "Samråd").Str("id");
        var december = (await api.GetJsonAsync($"/api/v1/bodies/{runAu}/meetings?year=2026")).EnumerateArray().Single(m => m.Str("startsAt").StartsWith("2026-12-02", StringComparison.Ordinal)).Str("id");
        var meetingPath = $"/counties/24/meetings/{december}";
        (await HtmlAsync(page, meetingPath)).ShouldContain("Dela föredragningslistan med samrådet");
        var shared = await PostFormAsync(page, meetingPath + "?handler=ShareToForum", [], meetingPath);
        shared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var forumMeeting = await HtmlAsync(page, shared.Headers.Location!.ToString());
        forumMeeting.ShouldContain("Föredragningslistan är delad till samrådets sammanträde 2026-12-02.");
        forumMeeting.ShouldContain("Länstransportplan 2026–2037, prioriteringar");

        var october = (await api.GetJsonAsync($"/api/v1/bodies/{forum}/meetings?year=2026")).EnumerateArray().Single(m => m.Str("startsAt").StartsWith("2026-10-14", StringComparison.Ordinal)).Str("id");
        var minutesPath = $"/counties/24/meetings/{october}/minutes";
        var item = (await api.GetJsonAsync($"/api/v1/meetings/{october}/minutes")).GetProperty("items")[1].Str("id");
        var decision = await PostFormAsync(page, minutesPath + "?handler=Item", new() { ["title"] = "Beslut", ["decision"] = "Samrådet beslutar.", ["kind"] = "Decision" }, minutesPath);
        decision.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await decision.Content.ReadAsStringAsync()).ShouldContain("Samrådet är inte ett beslutande organ");
        var advice = await PostFormAsync(page, minutesPath + "?handler=Advice", new() { ["itemId"] = item, ["advice"] = "Samrådet råder nämnden att remittera planen brett.", ["kind"] = "Advice" }, minutesPath);
        advice.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlAsync(page, minutesPath)).ShouldContain("<strong>Råd/ställningstagande:</strong> Samrådet råder nämnden att remittera planen brett. (råd)");
    }
}
