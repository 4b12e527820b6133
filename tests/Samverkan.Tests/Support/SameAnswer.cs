using System.Net;
using System.Text;

namespace Samverkan.Tests.Support;

/// <summary>
/// Issue 17's check that a page and the API change something through the same use case: the same bad input, once as
/// JSON to the API and once as the page's form, gets exactly the expected status on both, and every Swedish message of
/// the API's ProblemDetails (per field for bad input, the detail for a broken rule) is shown on the page.
/// </summary>
internal static class SameAnswer
{
    /// <param name="form">The form as <c>k=v&amp;k=v</c>, URL-encoded values.</param>
    public static async Task AssertAsync(HttpClient api, HttpClient page, string apiPath, string json, string pagePath, string handler, string form,
        HttpStatusCode expected)
    {
        var viaApi = await api.PostAsync(apiPath, new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await viaApi.JsonAsync();
        var messages = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList()
            : [problem.Str("detail")];
        messages.ShouldNotBeEmpty();

        var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        fields["__RequestVerificationToken"] = await SamverkanFactory.AntiforgeryTokenAsync(page, pagePath);
        var viaPage = await page.PostAsync(handler.Length == 0 ? pagePath : $"{pagePath}?handler={handler}", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await viaPage.Content.ReadAsStringAsync());

        viaApi.StatusCode.ShouldBe(expected, string.Join(" ", messages));
        viaPage.StatusCode.ShouldBe(expected);
        problem.Str("detail").ShouldBe(string.Join(" ", messages));
        foreach (var message in messages)
        {
            html.ShouldContain(message);
        }
    }
}
