using System.Net;
using System.Text;
using System.Text.Json;

namespace Samverkan.Tests.Support;

/// <summary>
/// Issue 17: sends one bad input through a page's form and through the API, and asserts the same answer on both: the
/// expected status, and every message of the API's ProblemDetails (each field's, or the detail of a broken rule) in
/// the page's HTML, where the form shows it.
/// </summary>
internal static class SameAnswer
{
    /// <summary>
    /// <paramref name="form"/> is "k=v&amp;…" (URL-encoded values) and <paramref name="api"/> "path|json" below /api/v1
    /// (no json: a POST without a body); "{name}" in either is replaced from <paramref name="ids"/>.
    /// </summary>
    public static async Task AssertAsync(HttpClient apiClient, HttpClient pageClient, IReadOnlyDictionary<string, string> ids, string pagePath, string handler,
        string form, string api, HttpStatusCode expected)
    {
        string Fill(string text) => ids.Aggregate(text, (t, id) => t.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

        var (path, json) = (Fill(api.Split('|')[0]), api.Contains('|', StringComparison.Ordinal) ? Fill(api.Split('|')[1]) : null);
        var viaApi = await apiClient.PostAsync("/api/v1/" + path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await viaApi.JsonAsync();
        var messages = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList()
            : [problem.Str("detail")];
        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(m => !string.IsNullOrWhiteSpace(m));

        var page = Fill(pagePath);
        var fields = Fill(form).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], WebUtility.UrlDecode(p[1]))).ToList();
        fields.Add(new("__RequestVerificationToken", await SamverkanFactory.AntiforgeryTokenAsync(pageClient, page)));
        var viaPage = await pageClient.PostAsync(handler.Length == 0 ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await viaPage.Content.ReadAsStringAsync());

        viaApi.StatusCode.ShouldBe(expected, problem.ToString());
        viaPage.StatusCode.ShouldBe(expected);
        if (errors.ValueKind == JsonValueKind.Object)
        {
            problem.Str("detail").ShouldBe(string.Join(" ", messages));
        }

        foreach (var message in messages)
        {
            html.ShouldContain(message, customMessage: $"the page {page} ({handler}) does not show what the API said");
        }
    }
}
