using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>
/// WCAG 1.4.10 (reflow): at 320 CSS pixels every kind of page the secretariat reaches within two clicks of the county
/// page, and the public pages, fit the width: nothing makes the page scroll sideways (wide tables scroll in their own box).
/// </summary>
public sealed class ReflowBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task EveryKindOfPage_FitsA320PixelScreen_WithoutScrollingSideways()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 320, Height = 640 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same
        var overflowing = new List<string>();

        async Task CheckAsync(string path)
        {
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var viewport = await page.EvaluateAsync<int>("window.innerWidth");
            if (width > viewport)
            {
                // Name the widest element that sticks out, so that a failure says what to fix.
                var culprit = await page.EvaluateAsync<string>(@"() => {
                    let worst = null, right = window.innerWidth;
                    for (const e of document.querySelectorAll('body *')) {
                        const r = e.getBoundingClientRect();
                        if (r.right > right + 1 && !(e.parentElement && e.parentElement.closest('.table-scroll'))) { right = r.right; worst = e; }
                    }
                    if (!worst) {
                        for (const e of document.querySelectorAll('body *')) {
                            const r = e.getBoundingClientRect();
                            const far = r.right + parseFloat(getComputedStyle(e).marginRight || '0');
                            if (far > right + 1) { right = far; worst = e; }
                        }
                    }
                    return worst ? worst.tagName.toLowerCase() + (worst.className ? '.' + worst.className : '') + (worst.id ? '#' + worst.id : '') + ' ' + (worst.textContent || '').trim().slice(0, 40) : 'unknown';
                }");
                overflowing.Add($"{path}: {width} px wide ({culprit})");
            }
        }

        foreach (var path in new[] { "/", "/public", "/account/login" })
        {
            await page.GotoAsync(factory.BaseUrl + path);
            await CheckAsync(path);
        }

        await page.GetByLabel("Användarnamn").FillAsync("sekretariat.vastmanland");
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/19");

        var checkedKinds = await PageCrawl.WithinTwoClicksAsync(page, factory.BaseUrl, "/counties/19", CheckAsync);
        checkedKinds.Count.ShouldBeGreaterThanOrEqualTo(15);

        // Värmland's shared fund pages too, as the county's secretariat sees them.
        var varmland = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 320, Height = 640 } });
        varmland.SetDefaultTimeout(60_000);
        await varmland.GotoAsync(factory.BaseUrl + "/account/login");
        await varmland.GetByLabel("Användarnamn").FillAsync("sekretariat.varmland");
        await varmland.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await varmland.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await varmland.WaitForURLAsync("**/counties/17");
        var previous = page;
        page = varmland;
        (await PageCrawl.WithinTwoClicksAsync(varmland, factory.BaseUrl, "/counties/17/funds", CheckAsync)).Count.ShouldBeGreaterThanOrEqualTo(3);

        // Västerbotten's case register too.
        var vasterbotten = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 320, Height = 640 } });
        vasterbotten.SetDefaultTimeout(60_000);
        await vasterbotten.GotoAsync(factory.BaseUrl + "/account/login");
        await vasterbotten.GetByLabel("Användarnamn").FillAsync("sekretariat.vasterbotten");
        await vasterbotten.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await vasterbotten.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await vasterbotten.WaitForURLAsync("**/counties/24");
        page = vasterbotten;
        await CheckAsync("/counties/24");
        (await PageCrawl.WithinTwoClicksAsync(vasterbotten, factory.BaseUrl, "/counties/24/cases", CheckAsync)).Count.ShouldBeGreaterThanOrEqualTo(4);
        await vasterbotten.GotoAsync(factory.BaseUrl + "/counties/24/cases?q=innovationsstrategi");
        await vasterbotten.Locator("main table a").First.ClickAsync();
        await vasterbotten.WaitForURLAsync("**/cases/*");
        await CheckAsync("a case with a step for every council");
        await vasterbotten.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("case-320"), FullPage = true });
        page = previous;
        await page.GotoAsync(factory.BaseUrl + "/counties/19/cost-sharing");
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("cost-sharing-320"), FullPage = true });
        overflowing.ShouldBeEmpty();
    }
}
