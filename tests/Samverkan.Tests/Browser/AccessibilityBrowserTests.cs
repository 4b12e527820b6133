using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>
/// Beyond the pages the task-driven browser tests pass through: every page the secretariat reaches in two clicks
/// from the county start page (one per kind of page), the public pages, and a form showing its errors, all checked
/// with axe-core against WCAG 2.1 A and AA.
/// </summary>
public sealed class AccessibilityBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task EveryKindOfPageWithinTwoClicks_AndAFormWithErrors_MeetWcag21AA()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same

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

        var checkedKinds = await PageCrawl.WithinTwoClicksAsync(page, factory.BaseUrl, "/counties/19", _ => page.ShouldBeAccessibleAsync());

        checkedKinds.Count.ShouldBeGreaterThanOrEqualTo(15, "the county page and the pages it links to: " + string.Join(", ", checkedKinds));
    }
}
