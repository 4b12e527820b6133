using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Browser;

/// <summary>The application on Kestrel, driven by Debian's Chromium through Playwright.</summary>
public class KestrelFactory() : SamverkanFactory(DatabaseProvider.Sqlite)
{
    public string BaseUrl { get; private set; } = string.Empty;

    public void Start()
    {
        if (BaseUrl.Length > 0)
        {
            return;
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        UseKestrel(port);
        StartServer();
        BaseUrl = $"http://localhost:{port}";
    }
}

public sealed class AdoptionMatrixBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SAMVERKAN_CHROMIUM") ?? "/usr/bin/chromium";

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });

    [Fact]
    public async Task Secretariat_LogsIn_ReadsTheAdoptionMatrix_AndRecordsTheMissingDecision()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same

        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.ShouldBeAccessibleAsync();
        await page.GetByLabel("Användarnamn").FillAsync("sekretariat.vastmanland");
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await page.WaitForURLAsync("**/counties/19");
        await page.ShouldBeAccessibleAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Västmanlands län");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("county-start"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Överenskommelse om samverkan mellan kommunerna i Västmanlands län", Exact = false }).First.ClickAsync();
        var matrix = page.Locator("table").First;
        var rows = matrix.Locator("tbody tr");
        (await rows.CountAsync()).ShouldBe(11);
        (await rows.First.Locator("th").InnerTextAsync()).ShouldBe("Region Västmanland");
        var vasteras = rows.Filter(new() { HasText = "Västerås" });
        (await vasteras.InnerTextAsync()).ShouldContain("Väntar på beslut");
        var arboga = rows.Filter(new() { HasText = "Arboga" });
        (await arboga.InnerTextAsync()).ShouldContain("Kommunfullmäktige i Arboga");
        (await arboga.InnerTextAsync()).ShouldContain("Antagen");
        (await page.Locator(".status").First.InnerTextAsync()).ShouldBe("Under antagande");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("adoption-matrix"), FullPage = true });

        await page.GetByLabel("Part").SelectOptionAsync(new SelectOptionValue { Label = "Västerås" });
        await page.GetByLabel("Fullmäktiges beslutsdatum").FillAsync("2026-10-19");
        await page.GetByLabel("Beslutsreferens").FillAsync("KF 2026-10-19 § 201");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Antagandebeslutet för Västerås är registrerat.");
        (await page.Locator(".status").First.InnerTextAsync()).ShouldBe("Gäller");
        (await rows.Filter(new() { HasText = "Västerås" }).InnerTextAsync()).ShouldContain("KF 2026-10-19 § 201");
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task Secretariat_SeesTheSrbCompositionCheck_AndTheAuditLog_WithTheKeyboardOnly()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.ShouldBeAccessibleAsync();

        // Keyboard only: the skip link comes first, then the home link and the public menu, then the form fields in order.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("Hoppa till innehållet");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("Öppna sidor");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("Logga in");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("userName");
        await page.Keyboard.TypeAsync("sekretariat.vastmanland");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Web.Demo.DemoData.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/counties/19");
        await page.ShouldBeAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Strategisk regional beredning", Exact = true }).ClickAsync();
        (await page.Locator("#check").Locator("xpath=..").InnerTextAsync()).ShouldContain("Uppfyller reglerna");
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Organets sidor" }).GetByRole(AriaRole.Link, new() { Name = "Ledamöter" }).ClickAsync();
        (await page.Locator("#check").Locator("xpath=..").InnerTextAsync()).ShouldContain("Uppfyller reglerna");
        var members = page.Locator("section[aria-labelledby=members] tbody tr");
        (await members.CountAsync()).ShouldBe(27);
        (await members.Filter(new() { HasText = "Adjungerad sakkunnig" }).CountAsync()).ShouldBe(1);
        (await page.GetByLabel("Roll").Locator("option").AllInnerTextsAsync()).ShouldNotContain("Ersättare");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("srb"), FullPage = true });

        await page.GotoAsync(factory.BaseUrl + "/counties/19/audit?entityType=Membership");
        (await page.Locator("table.audit tbody tr").CountAsync()).ShouldBeGreaterThan(26);
        (await page.Locator("table.audit tbody tr").First.InnerTextAsync()).ShouldContain("system");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("audit") });
    }
}
