using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Browser;

/// <summary>Västerbotten's contracts, reviews and forum in Chromium: accessible (WCAG 2.1 AA) and usable on a 320-pixel screen.</summary>
public sealed class ContractBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Secretariat_RecordsTheMissingSignature_AndTheContractIsComplete()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same

        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.GetByLabel("Användarnamn").FillAsync("sekretariat.vasterbotten");
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/24");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("aktualitetsprövningen 2026 ska hållas senast 2026-12-31");

        await page.GetByRole(AriaRole.Link, new() { Name = "Överenskommelse om samverkan för regional utveckling 2023–2026", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/agreements/*");
        await page.ShouldBeAccessibleAsync();
        var sorsele = page.Locator("table").First.Locator("tbody tr").Filter(new() { HasText = "Sorsele" });
        (await sorsele.InnerTextAsync()).ShouldContain("Underskrifter saknas");
        (await sorsele.InnerTextAsync()).ShouldContain("Antagen", customMessage: "adoption and contract side by side");
        var agreementUrl = page.Url;

        await sorsele.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/contracts/**");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Samverkansavtal med Sorsele");
        (await page.Locator("main .status").First.InnerTextAsync()).ShouldBe("Underskrifter saknas");
        await page.ShouldBeAccessibleAsync();
        var contractUrl = page.Url;

        (await page.GetByLabel("Undertecknare").Locator("option").AllInnerTextsAsync()).Count.ShouldBe(1, "only the missing signature can be recorded");
        await page.GetByLabel("Datum för underskriften").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera underskrift" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Avtalet är undertecknat av alla.");
        (await page.Locator("main .status").First.InnerTextAsync()).ShouldBe("Undertecknat av alla");
        (await page.Locator("table tbody tr").Filter(new() { HasText = "Kommunstyrelsens ordförande" }).InnerTextAsync()).ShouldContain("2026-11-20");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Registrera underskrift" }).CountAsync()).ShouldBe(0);
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("contract"), FullPage = true });

        await page.GotoAsync(agreementUrl);
        (await page.Locator("table").First.Locator("tbody tr").Filter(new() { HasText = "Sorsele" }).InnerTextAsync()).ShouldContain("Undertecknat av alla");

        // Every new kind of page: accessible, and at 320 pixels without scrolling sideways.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aktualitetsprövningar", Exact = true }).ClickAsync();
        await page.ShouldBeAccessibleAsync();
        var reviewsUrl = page.Url;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var forum = (await db.Bodies.SingleAsync(b => b.ShortName == "Samråd")).Id;
        var runAu = (await db.Bodies.SingleAsync(b => b.ShortName == "RUN AU")).Id;
        var paths = new List<string> { new Uri(agreementUrl).AbsolutePath, new Uri(contractUrl).AbsolutePath, new Uri(reviewsUrl).AbsolutePath, $"/counties/24/bodies/{forum}", $"/counties/24/bodies/{runAu}" };
        foreach (var body in new[] { forum, runAu })
        {
            await page.GotoAsync(factory.BaseUrl + $"/counties/24/bodies/{body}");
            await page.ShouldBeAccessibleAsync();
            var meetings = await page.Locator("main a[href*='/meetings/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            paths.AddRange(meetings.Where(m => !m.Contains('?', StringComparison.Ordinal)));
        }

        var october = (await db.Minutes.SingleAsync(m => m.BodyId == forum)).MeetingId;
        paths.Add($"/counties/24/meetings/{october}/minutes");
        foreach (var path in paths.Distinct())
        {
            await page.GotoAsync(factory.BaseUrl + path);
            await page.ShouldBeAccessibleAsync();
        }

        await page.GotoAsync(factory.BaseUrl + $"/counties/24/meetings/{october}/minutes");
        var minutes = await page.Locator("main").InnerTextAsync();
        minutes.ShouldContain("Råd/ställningstagande:");
        minutes.ShouldNotContain("Beslut:");

        await page.SetViewportSizeAsync(320, 640);
        var overflowing = new List<string>();
        foreach (var path in paths.Distinct())
        {
            await page.GotoAsync(factory.BaseUrl + path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > await page.EvaluateAsync<int>("window.innerWidth"))
            {
                overflowing.Add($"{path}: {width} px");
            }
        }

        overflowing.ShouldBeEmpty();
    }
}
