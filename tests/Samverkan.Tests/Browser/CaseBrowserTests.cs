using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>Cases in Chromium (issue 9): the agreement's chain read step by step, and a municipality's official recording their council's decision.</summary>
public sealed class CaseBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private async Task<IPage> SignInAsync(IBrowser browser, string userName, int width = 1280)
    {
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = width, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/24");
        return page;
    }

    [Fact]
    public async Task TheSecretariat_FollowsRS759_2022_FromPkbToRf()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await SignInAsync(browser, "sekretariat.vasterbotten");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ärenden", Exact = true }).ClickAsync();
        await page.GetByLabel("Diarienummer eller rubrik").FillAsync("RS 759-2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("1 ärende.");
        await page.GetByRole(AriaRole.Link, new() { Name = "RS 759-2022" }).ClickAsync();
        await page.WaitForURLAsync("**/cases/*");
        await page.ShouldBeAccessibleAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("RS 759-2022 Överenskommelse om samverkan för regional utveckling 2023–2026");
        var steps = page.Locator("ol.flow > li");
        (await steps.Locator("h3").AllInnerTextsAsync()).ShouldBe([
            "1. PKB – bereder", "2. RUN – bereder", "3. Varje kommuns fullmäktige – beslutar", "4. PKD – bereder", "5. RS AU – bereder", "6. RF – beslutar"]);
        (await steps.Nth(0).InnerTextAsync()).ShouldContain("Berett, PKB 2022-03-23 § 22, 2022-03-23");
        (await steps.Nth(1).InnerTextAsync()).ShouldContain("RUN 2022-04-13 § 73");
        (await steps.Nth(2).InnerTextAsync()).ShouldContain("15 av 15 har beslutat.");
        (await steps.Nth(2).Locator("tbody tr").CountAsync()).ShouldBe(15);
        (await steps.Nth(3).InnerTextAsync()).ShouldContain("PKD 2022-09-01 § 52");
        (await steps.Nth(4).InnerTextAsync()).ShouldContain("RS AU 2022-10-18 § 192");
        (await steps.Nth(5).InnerTextAsync()).ShouldContain("Beslutat (bifall), RF 2022-11-22 § 110");
        (await page.Locator("dl.facts").First.InnerTextAsync()).ShouldContain("Avslutat");
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("case-rs-759-2022"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the case reads on a phone without scrolling sideways");
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("case-rs-759-2022-390"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // The case leads to the agreement it adopted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Överenskommelse om samverkan för regional utveckling 2023–2026" }).ClickAsync();
        await page.WaitForURLAsync("**/agreements/*");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Överenskommelse om samverkan för regional utveckling 2023–2026");
    }

    [Fact]
    public async Task AMunicipalitysOfficial_RecordsTheirCouncilsDecision_OnAStepForEveryCouncil()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await SignInAsync(browser, "tjansteperson.umea");

        // The start page says what waits for Umeå's council.
        var task = page.GetByRole(AriaRole.Link, new() { Name = "Registrera fullmäktiges beslut i ärendet RUN 1-2026 Regional innovationsstrategi för Västerbotten" });
        await task.First.ClickAsync();
        await page.WaitForURLAsync("**/cases/*");
        await page.ShouldBeAccessibleAsync();
        var step = page.Locator("ol.flow > li").Nth(2);
        (await step.InnerTextAsync()).ShouldContain("12 av 15 har beslutat. Väntar på: Sorsele, Storuman, Umeå.");

        // Only Umeå can be chosen: the official acts for their own party.
        (await step.GetByLabel("Part").Locator("option").AllInnerTextsAsync()).ShouldBe(["Umeå"]);
        await step.GetByLabel("Fullmäktiges beslut", new() { Exact = true }).SelectOptionAsync("Adopted");
        await step.GetByLabel("Beslutsdatum").FillAsync("2026-11-16");
        await step.GetByLabel("Referens").FillAsync("KF 2026-11-16 § 201");
        await step.GetByRole(AriaRole.Button, new() { Name = "Registrera fullmäktiges beslut" }).ClickAsync();

        await page.WaitForURLAsync("**saved=council**");
        (await page.GetByRole(AriaRole.Status).First.InnerTextAsync()).ShouldBe("Fullmäktiges beslut är registrerat.");
        step = page.Locator("ol.flow > li").Nth(2);
        (await step.InnerTextAsync()).ShouldContain("13 av 15 har beslutat. Väntar på: Sorsele, Storuman.");
        (await step.Locator("tbody tr", new() { HasText = "Umeå" }).InnerTextAsync()).ShouldBe("Umeå\tBeslutat (bifall)\t2026-11-16\tKF 2026-11-16 § 201");
        (await step.GetByRole(AriaRole.Button, new() { Name = "Registrera fullmäktiges beslut" }).CountAsync()).ShouldBe(0, "Umeå has decided; the others are not Umeå's to record");
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("case-council-decision"), FullPage = true });
    }
}
