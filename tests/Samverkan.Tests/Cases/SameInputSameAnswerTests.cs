using System.Net;
using System.Net.Http.Json;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Cases;

/// <summary>
/// Issue 17: the case page and the API change a case through the same use case (CaseDesk), so the same bad input gets
/// the same status and the same Swedish message on both: the API as ProblemDetails, the page beside its form.
/// </summary>
public sealed class SameInputSameAnswerTests
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        // page handler, its form (k=v&…), the API's path below the case and its JSON body
        { "Outcome", "decidedOn=2026-12-01", "steps/{step}/outcome|{\"decidedOn\":\"2026-12-01\"}" },
        { "Outcome", "outcome=Adopted", "steps/{step}/outcome|{\"outcome\":\"Adopted\"}" },
        { "Agenda", "", "steps/{step}/agenda|{}" },
        { "Close", "reference=RS%201", "close|{\"reference\":\"RS 1\"}" },
        { "Document", "title=Yttrande", "documents|{\"title\":\"Yttrande\"}" },
        { "Template", "", "flow|{}" },
        { "AddStep", "handledBy=council", "steps|{\"everyPartyCouncil\":true}" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessage_OnThePageAndTheApi(string handler, string form, string api)
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var body = (await client.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().First().Str("id");
        var created = await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = "Regional kulturplan", kind = "Strategy" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).Str("id");
        var step = await client.PostAsJsonAsync($"/api/v1/cases/{id}/steps", new { bodyId = body, role = "Decide" });
        step.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stepId = (await step.JsonAsync()).GetProperty("steps").EnumerateArray().Single().Str("id");

        var (path, json) = (api.Split('|')[0].Replace("{step}", stepId, StringComparison.Ordinal), api.Split('|')[1]);
        var viaApi = await client.PostAsync($"/api/v1/cases/{id}/{path}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await viaApi.JsonAsync();
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
        messages.ShouldNotBeEmpty();

        var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        fields["stepId"] = stepId;
        var pagePath = $"/counties/24/cases/{id}";
        fields["__RequestVerificationToken"] = await SamverkanFactory.AntiforgeryTokenAsync(page, pagePath);
        var viaPage = await page.PostAsync($"{pagePath}?handler={handler}", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await viaPage.Content.ReadAsStringAsync());

        viaApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        viaPage.StatusCode.ShouldBe(viaApi.StatusCode);
        problem.Str("detail").ShouldBe(string.Join(" ", messages));
        foreach (var message in messages)
        {
            html.ShouldContain(message);
        }
    }
}
