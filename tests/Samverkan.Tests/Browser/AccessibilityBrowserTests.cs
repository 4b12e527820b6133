using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>
/// Beyond the pages the task-driven browser tests pass through: every page the secretariat reaches in two clicks
/// from the county start page (one per kind of page), the public pages, and a form showing its errors, all checked
/// with axe-core against WCAG 2.1 A and AA.
/// </summary>
public sealed partial class AccessibilityBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task EveryKindOfPageWithinTwoClicks_AndAFormWithErrors_MeetWcag21AA()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });

        foreach (var path in new[] { "/", "/public" })
        {
            await page.GotoAsync(factory.BaseUrl + path);
            await page.ShouldBeAccessibleAsync();
        }

        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.GetByLabel("Användarnamn").FillAsync("sekretariat.vastmanland");
        await page.GetByLabel("Lösenord").FillAsync("fel-lösenord-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await page.ShouldBeAccessibleAsync();

        await page.GetByLabel("Lösenord").FillAsync(Web.Infrastructure.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/19");

        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        var next = new List<string> { "/counties/19" };
        for (var depth = 0; depth <= 2 && next.Count > 0; depth++)
        {
            var found = new List<string>();
            foreach (var path in next.Where(p => checkedKinds.Add(Kind(p))))
            {
                // Downloads (PDF, CSV, Excel, calendar files) are not pages.
                var probe = await page.Context.APIRequest.GetAsync(factory.BaseUrl + path);
                if (!probe.Ok || !(probe.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                await page.GotoAsync(factory.BaseUrl + path);
                await page.ShouldBeAccessibleAsync();
                found.AddRange(await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
            }

            next = found.Select(h => h.Split('#')[0]).Where(h => h.Length > 1 && !h.StartsWith("/api", StringComparison.Ordinal)
                && !h.StartsWith("/openapi", StringComparison.Ordinal) && !h.StartsWith("/account/logout", StringComparison.Ordinal)).Distinct().ToList();
        }

        checkedKinds.Count.ShouldBeGreaterThanOrEqualTo(15, "the county page and the pages it links to: " + string.Join(", ", checkedKinds));
    }

    /// <summary>A page's kind: its path with ids and years made general, and without its query.</summary>
    private static string Kind(string path) => Ids().Replace(path.Split('?')[0], "{id}");

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)\d{4}(?=/|$)")]
    private static partial Regex Ids();
}
