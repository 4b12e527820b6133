using System.Text;
using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>
/// Issue 10 in Chromium, with plain forms only: a municipality official proposes an initiative; the secretariat
/// prepares it (VRAU with VRAG), records the Council's consensus, the region's decision and a payment, and downloads
/// the fund's yearly report as PDF. Every page on the way is checked with axe.
/// </summary>
public sealed class FundBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private async Task<IPage> SignInAsync(IBrowser browser, string user)
    {
        var context = await browser.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.GetByLabel("Användarnamn").FillAsync(user);
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task OfficialsProposal_ThroughPreparationConsensusDecisionAndPayment_ToTheYearlyReportPdf()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);

        // Karlstad's official proposes.
        var official = await SignInAsync(browser, "tjansteperson.karlstad");
        await official.GotoAsync(factory.BaseUrl + "/counties/17/funds");
        await official.GetByRole(AriaRole.Link, new() { Name = "De gemensamma resurserna (DGR)" }).ClickAsync();
        var fundUrl = official.Url;
        await official.ShouldBeAccessibleAsync();
        await official.GetByLabel("Rubrik").FillAsync("Regional laddinfrastruktur");
        await official.GetByLabel("Syfte och vad satsningen gör", new() { Exact = false }).FillAsync("Laddning för tunga transporter längs länets stråk.");
        await official.GetByLabel("Budget (kr)").FillAsync("2500000");
        await official.GetByLabel("Startdatum").FillAsync("2026-12-01");
        await official.GetByLabel("Slutdatum").FillAsync("2028-12-31");
        await official.GetByLabel("Trafikförsörjningsprogrammet: Prioriteringar och målbild 2040").CheckAsync();
        await official.GetByLabel("Näringsliv").FillAsync("400000");
        await official.GetByLabel("Organisationens namn").FillAsync("Laddbolaget i Värmland AB");
        await official.GetByLabel("Organisationsnummer (NNNNNN-NNNN)").FillAsync("556000-0019");
        await official.GetByLabel("Kontaktperson", new() { Exact = true }).FillAsync("Kim Kontakt");
        await official.GetByLabel("Kontaktpersonens e-post").FillAsync("kim@example.se");
        await official.GetByRole(AriaRole.Button, new() { Name = "Spara som utkast" }).ClickAsync();
        await official.WaitForURLAsync("**/initiatives/**");
        var initiativeUrl = official.Url;
        (await official.Locator("main").InnerTextAsync()).ShouldContain("Laddbolaget i Värmland AB (556000-0019)");
        await official.ShouldBeAccessibleAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Lämna in förslaget" }).ClickAsync();
        (await official.Locator(".status").InnerTextAsync()).ShouldBe("Inlämnad");

        // The secretariat: VRAU's preparation with VRAG, the Council's stands, the region's decision, a payment.
        var secretariat = await SignInAsync(browser, "sekretariat.varmland");
        await secretariat.GotoAsync(initiativeUrl);
        await secretariat.ShouldBeAccessibleAsync();
        foreach (var criterion in await secretariat.Locator("form fieldset input[type=checkbox][name=met]").AllAsync())
        {
            await criterion.CheckAsync();
        }

        await secretariat.GetByLabel("Skriftlig bedömning").FillAsync("Har betydelse för hela länet och möter trafikförsörjningsprogrammets mål.");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Spara beredningen" }).ClickAsync();
        (await secretariat.Locator(".status").InnerTextAsync()).ShouldBe("Beredd");
        await secretariat.ShouldBeAccessibleAsync();

        var stands = secretariat.Locator("select[name^='stand[']");
        (await stands.CountAsync()).ShouldBe(17);
        foreach (var stand in await stands.AllAsync())
        {
            await stand.SelectOptionAsync("support");
        }

        await secretariat.GetByLabel("Anteckna rådets ställningstagande nu").CheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Spara ställningstaganden" }).ClickAsync();
        (await secretariat.Locator(".status").InnerTextAsync()).ShouldBe("Rådet ställer sig bakom");
        await secretariat.ShouldBeAccessibleAsync();

        await secretariat.GetByLabel("Beslutsreferens").FillAsync("RS 2026/999");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).ClickAsync();
        (await secretariat.Locator(".status").InnerTextAsync()).ShouldBe("Beslutad", await secretariat.Locator("main").InnerTextAsync());
        await secretariat.GetByLabel("Belopp (kr)").FillAsync("600000,50");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Registrera utbetalning" }).ClickAsync();
        (await secretariat.Locator(".status").InnerTextAsync()).ShouldBe("Pågår", await secretariat.Locator("main").InnerTextAsync());
        (await secretariat.Locator("main").InnerTextAsync()).ShouldContain("600 000,50 kr");
        await secretariat.ShouldBeAccessibleAsync();

        // The yearly report shows the payment; its PDF is ready for the Council.
        await secretariat.GotoAsync(fundUrl);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Årsrapport 2026" }).ClickAsync();
        await secretariat.WaitForURLAsync("**/reports/2026");
        var row = secretariat.Locator("tr", new() { HasText = "Regional laddinfrastruktur" });
        (await row.InnerTextAsync()).ShouldContain("600 000,50 kr");
        await secretariat.ShouldBeAccessibleAsync();
        await secretariat.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("fund-report"), FullPage = true });
        var download = await secretariat.RunAndWaitForDownloadAsync(() => secretariat.GetByRole(AriaRole.Link, new() { Name = "Ladda ned som PDF" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("arsrapport-2026.pdf");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Encoding.ASCII.GetString(bytes.AsSpan(0, 5)).ShouldBe("%PDF-");
        await File.WriteAllBytesAsync(AdoptionMatrixBrowserTests.ScreenshotPath("fund-report-2026").Replace(".png", ".pdf", StringComparison.Ordinal), bytes);

        // At 320 px the report reflows: nothing wider than the screen but its tables' own scroll areas.
        await secretariat.SetViewportSizeAsync(320, 640);
        (await secretariat.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
    }
}
