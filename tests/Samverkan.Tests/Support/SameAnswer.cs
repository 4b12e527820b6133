using System.Net;
using System.Text;

namespace Samverkan.Tests.Support;

/// <summary>
/// Issue 17's check that a page and the API change something through the same use case: the same bad input, once as
/// JSON to the API and once as the page's form, gets exactly the expected status on both, and every Swedish message of
/// the API's ProblemDetails (per field for bad input, the detail for a broken rule) is shown on the page, where the form
/// shows it.
/// </summary>
internal static class SameAnswer
{
    /// <param name="apiPath">The API's path from the root (<c>/api/v1/…</c>).</param>
    /// <param name="json">The request's body; null for a POST without one.</param>
    /// <param name="form">The form as <c>k=v&amp;k=v</c>, URL-encoded values.</param>
    /// <param name="apiMethod">The API's method; POST unless given (a change of a whole resource is a PUT).</param>
    public static async Task AssertAsync(HttpClient api, HttpClient page, string apiPath, string? json, string pagePath, string handler, string form,
        HttpStatusCode expected, HttpMethod? apiMethod = null)
    {
        var viaApi = await api.SendAsync(new HttpRequestMessage(apiMethod ?? HttpMethod.Post, apiPath)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        });
        var problem = await viaApi.JsonAsync();
        var messages = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList()
            : [problem.Str("detail")];
        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(m => !string.IsNullOrWhiteSpace(m));

        var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], WebUtility.UrlDecode(p[1]))).ToList();
        fields.Add(new("__RequestVerificationToken", await SamverkanFactory.AntiforgeryTokenAsync(page, pagePath)));
        var viaPage = await page.PostAsync(handler.Length == 0 ? pagePath : $"{pagePath}?handler={handler}", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await viaPage.Content.ReadAsStringAsync());

        viaApi.StatusCode.ShouldBe(expected, problem.ToString());
        viaPage.StatusCode.ShouldBe(expected);
        problem.Str("detail").ShouldBe(string.Join(" ", messages));
        foreach (var message in messages)
        {
            html.ShouldContain(message, customMessage: $"the page {pagePath} ({handler}) does not show what the API said");
        }
    }

    /// <summary>
    /// The same with "{name}" in the paths and form replaced from <paramref name="ids"/>; <paramref name="api"/> is
    /// "path|json" below /api/v1 (no json: a POST without a body).
    /// </summary>
    public static Task AssertAsync(HttpClient apiClient, HttpClient pageClient, IReadOnlyDictionary<string, string> ids, string pagePath, string handler,
        string form, string api, HttpStatusCode expected)
    {
        string Fill(string text) => ids.Aggregate(text, (t, id) => t.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
        var parts = api.Split('|', 2);
        return AssertAsync(apiClient, pageClient, "/api/v1/" + Fill(parts[0]), parts.Length == 2 ? Fill(parts[1]) : null, Fill(pagePath), handler, Fill(form), expected);
    }
}
