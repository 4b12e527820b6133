using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>
/// Visits one page of every kind reachable within two clicks from a start page (ids and years made general), skipping
/// downloads (PDF, CSV, Excel, calendar files), the API and sign-out; calls <c>check</c> on each. Returns the kinds seen.
/// </summary>
internal static partial class PageCrawl
{
    public static async Task<IReadOnlySet<string>> WithinTwoClicksAsync(IPage page, string baseUrl, string start, Func<string, Task> check)
    {
        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        var next = new List<string> { start };
        for (var depth = 0; depth <= 2 && next.Count > 0; depth++)
        {
            var found = new List<string>();
            foreach (var path in next.Where(p => checkedKinds.Add(Kind(p))))
            {
                var probe = await page.Context.APIRequest.GetAsync(baseUrl + path);
                if (!probe.Ok || !(probe.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                await page.GotoAsync(baseUrl + path);
                await check(path);
                found.AddRange(await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
            }

            next = found.Select(h => h.Split('#')[0]).Where(h => h.Length > 1 && !h.StartsWith("/api", StringComparison.Ordinal)
                && !h.StartsWith("/openapi", StringComparison.Ordinal) && !h.StartsWith("/account/logout", StringComparison.Ordinal)).Distinct().ToList();
        }

        return checkedKinds;
    }

    /// <summary>A page's kind: its path with ids and years made general, and without its query.</summary>
    private static string Kind(string path) => Ids().Replace(path.Split('?')[0], "{id}");

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)\d{4}(?=/|$)")]
    private static partial Regex Ids();
}
