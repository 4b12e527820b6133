using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Browser;

/// <summary>
/// In Chromium: the secretariat plans a meeting, builds the agenda and sends the notice; the chair signs and the
/// appointed member checks the minutes; after dispatch the public page shows them, without a login.
/// </summary>
public sealed class MeetingBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.ShouldBeAccessibleAsync();
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/counties/19", new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            // Say where the browser ended up, so that a failure under load can be understood.
            throw new TimeoutException($"Login as {userName} did not reach the county page; at {page.Url}: {await page.Locator("main").InnerTextAsync()}", e);
        }
        await page.ShouldBeAccessibleAsync();
    }

    private static async Task LogOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/counties/", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Secretariat_PlansAndNotices_ChairSigns_CheckerChecks_PublicSeesTheMinutes()
    {
        factory.Start();
        Guid checker;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            checker = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.UserName == "ledamot.srb")).MembershipId!.Value;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same

        await LogInAsync(page, "sekretariat.vastmanland");
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategisk regional beredning", Exact = true }).ClickAsync();
        var srbUrl = page.Url;
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Organets sidor" }).GetByRole(AriaRole.Link, new() { Name = "Sammanträden" }).ClickAsync();
        await page.ShouldBeAccessibleAsync();
        await page.GetByText("Planera sammanträde").ClickAsync();
        await page.GetByLabel("Datum").FillAsync("2026-12-17");
        await page.GetByLabel("Plats").FillAsync("Västerås stadshus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planera" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Sammanträdet är planerat");
        await page.ShouldBeAccessibleAsync();

        await page.GetByLabel("Rubrik").FillAsync("Kostnadsnivå inför mandatperioden 2027–2030");
        await page.GetByLabel("Diarienummer").FillAsync("RV 2026-150");
        await page.GetByLabel("Förslag till beslut").FillAsync("Att rekommendera parterna en ny kostnadsnivå.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka kallelse" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Kallelsen är skickad till 27 mottagare.");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("meeting"), FullPage = true });

        // The minutes open on the meeting's day: the clock moves to 17 December and the secretariat signs in again.
        var minutesUrl = page.Url + "/minutes";
        await LogOutAsync(page);
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 12, 17, 12, 30, 0, TimeSpan.Zero));
        await LogInAsync(page, "sekretariat.vastmanland");
        await page.GotoAsync(minutesUrl);
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Påbörja protokoll" }).ClickAsync();
        await page.GetByLabel("Rubrik").FillAsync("Kostnadsnivå inför mandatperioden 2027–2030");
        await page.GetByLabel("Beslut", new() { Exact = true }).FillAsync("Beredningen rekommenderar parterna att anta en kostnadsnivå om 15 500 tkr för 2027.");
        await page.GetByLabel("Typ av beslut").SelectOptionAsync("Recommendation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till paragraf" }).ClickAsync();
        var boxes = page.Locator("input[name=present]");
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await page.GetByLabel("Justerare").SelectOptionAsync(checker.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro och justerare" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Närvaro och justerare är sparade.");
        await page.ShouldBeAccessibleAsync();
        await LogOutAsync(page);

        await LogInAsync(page, "ordforande.srb");
        await page.GotoAsync(minutesUrl);
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Underteckna som ordförande" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är undertecknat.");
        await page.ShouldBeAccessibleAsync();
        await LogOutAsync(page);

        await LogInAsync(page, "ledamot.srb");
        await page.GotoAsync(minutesUrl);
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är justerat.");
        await page.ShouldBeAccessibleAsync();
        await LogOutAsync(page);

        await LogInAsync(page, "sekretariat.vastmanland");
        await page.GotoAsync(minutesUrl);
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Expediera och publicera" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är expedierat och publicerat.");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("minutes"), FullPage = true });
        await LogOutAsync(page);

        var srbId = srbUrl[(srbUrl.LastIndexOf('/') + 1)..];
        await page.GotoAsync(factory.BaseUrl + "/public/bodies/" + srbId);
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Protokoll 2026-12-17" }).ClickAsync();
        (await page.Locator("h2").First.InnerTextAsync()).ShouldBe("§ 3 Kostnadsnivå inför mandatperioden 2027–2030");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("public-minutes"), FullPage = true });
    }
}
