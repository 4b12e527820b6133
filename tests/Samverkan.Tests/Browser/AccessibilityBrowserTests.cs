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

        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/19");

        var checkedKinds = await PageCrawl.WithinTwoClicksAsync(page, factory.BaseUrl, "/counties/19", _ => page.ShouldBeAccessibleAsync());

        checkedKinds.Count.ShouldBeGreaterThanOrEqualTo(15, "the county page and the pages it links to: " + string.Join(", ", checkedKinds));

        // Värmland's shared fund: its list, a fund and an initiative, as the county's secretariat sees them.
        var fund = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        fund.SetDefaultTimeout(60_000);
        await fund.GotoAsync(factory.BaseUrl + "/account/login");
        await fund.GetByLabel("Användarnamn").FillAsync("sekretariat.varmland");
        await fund.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await fund.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await fund.WaitForURLAsync("**/counties/17");
        (await PageCrawl.WithinTwoClicksAsync(fund, factory.BaseUrl, "/counties/17/funds", _ => fund.ShouldBeAccessibleAsync())).Count.ShouldBeGreaterThanOrEqualTo(3);
        await fund.GotoAsync(factory.BaseUrl + "/counties/17/funds");
        await fund.Locator("main a[href*='/funds/']").First.ClickAsync();
        await fund.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("fund"), FullPage = true });

        // Västerbotten's case register: the register, a case, referrals and templates, as the county's secretariat sees them.
        var cases = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        cases.SetDefaultTimeout(60_000);
        await cases.GotoAsync(factory.BaseUrl + "/account/login");
        await cases.GetByLabel("Användarnamn").FillAsync("sekretariat.vasterbotten");
        await cases.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await cases.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await cases.WaitForURLAsync("**/counties/24");
        await cases.ShouldBeAccessibleAsync();
        (await PageCrawl.WithinTwoClicksAsync(cases, factory.BaseUrl, "/counties/24/cases", _ => cases.ShouldBeAccessibleAsync())).Count.ShouldBeGreaterThanOrEqualTo(4);
    }
}
