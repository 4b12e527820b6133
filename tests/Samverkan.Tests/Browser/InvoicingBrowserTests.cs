using System.Text;
using Microsoft.Playwright;
using Samverkan.Tests.Invoicing;

namespace Samverkan.Tests.Browser;

/// <summary>The secretariat imports the population, raises the first instalment and opens an invoice's PDF, in Chromium.</summary>
public sealed class InvoicingBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Secretariat_ImportsPopulation_RaisesTheFirstInstalment_AndOpensAnInvoicePdf()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.ShouldBeAccessibleAsync();
        await page.GetByLabel("Användarnamn").FillAsync("sekretariat.vastmanland");
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/19");
        await page.ShouldBeAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Kostnader" }).ClickAsync();
        // Out of the box the year works on demo population, clearly labelled, with the way to SCB's figures beside it.
        (await page.Locator("section[aria-labelledby=rows] p.warning").InnerTextAsync()).ShouldStartWith("Folkmängden för 2025 är inte SCB:s siffror: Demovärde");
        await page.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera SCB:s folkmängd för 2025" }).ClickAsync();
        await page.WaitForURLAsync("**/population");
        await page.ShouldBeAccessibleAsync();
        await page.GetByLabel("Folkmängd per 31 december år").FillAsync("2025");
        await page.GetByLabel("Ersätt den folkmängd som redan finns för året", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Fil (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "folkmangd-2025.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(await InvoicingTests.PopulationFileAsync(factory)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Folkmängden per 2025-12-31 för 10 kommuner är importerad.");
        await page.ShouldBeAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Kostnader" }).ClickAsync();
        // Västerås has not adopted the agreement in the demo: the page says so where the buttons would be.
        (await page.Locator("#refusal-1").InnerTextAsync()).ShouldContain("Västerås har inte antagit den.");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Fakturera delbetalning 1" }).CountAsync()).ShouldBe(0);
        await page.ShouldBeAccessibleAsync();
        using (var api = await factory.ApiClientAsync("sekretariat.vastmanland"))
        {
            await InvoicingTests.EveryCouncilAdoptsAsync(api);
        }

        await page.ReloadAsync();
        (await page.Locator("h2#chain").InnerTextAsync()).ShouldBe("Kostnadsnivå 2026: 15 300 040 kr");
        (await page.Locator("section[aria-labelledby=rows] tfoot").InnerTextAsync()).ShouldContain("15 300 040 kr");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("cost-sharing"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Fakturera delbetalning 1" }).ClickAsync();
        // Nothing is raised before the count, the total and the due date (with the rule that applies) are confirmed.
        (await page.Locator("#confirm").InnerTextAsync()).ShouldContain("10 fakturor på sammanlagt 7 650 018 kr skapas");
        (await page.Locator("#confirm").InnerTextAsync()).ShouldContain("Förfallodag: 2026-12-22 – den avtalade förfallodagen 2026-02-01 har passerat, så fakturorna förfaller 30 dagar efter fakturadatum.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa 10 fakturor" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("10 fakturor för delbetalning 1 skapades (2026-0001–2026-0010)");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("invoices"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "2026-0001" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldStartWith("Faktura 2026-0001");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("invoice-page"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("faktura-2026-0001.pdf");
        var path = await download.PathAsync();
        Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path)).AsSpan(0, 5)).ShouldBe("%PDF-");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kostnader" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Västerås" }).ClickAsync();
        (await page.Locator("svg[role=img] title").TextContentAsync()).ShouldBe("Västerås: belopp per år");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("municipality"), FullPage = true });
    }
}
