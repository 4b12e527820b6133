using System.Net.Http.Json;
using Microsoft.Playwright;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Browser;

/// <summary>Each role signs in, opens its work list and does the first task on it, in Chromium.</summary>
public sealed class WorkListBrowserTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private async Task<IPage> SignedInAsync(IBrowser browser, string userName)
    {
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(Web.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/**", new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Att göra") }).ClickAsync();
        await page.WaitForURLAsync("**/tasks");
        await page.ShouldBeAccessibleAsync();
        return page;
    }

    [Fact]
    public async Task EveryRole_OpensItsWorkList_AndDoesTheFirstTaskOnIt()
    {
        factory.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);

        // The party official records Västerås's decision on the recommendation its work list names.
        var official = await SignedInAsync(browser, "tjansteperson.vasteras");
        await official.Locator(".worklist a").First.ClickAsync();
        await official.WaitForURLAsync("**/recommendations");
        await official.Locator("select[name=outcome]").First.SelectOptionAsync("Adopted");
        await official.Locator("input[name=decidedOn]").First.FillAsync("2026-11-16");
        await official.Locator("input[name=reference]").First.FillAsync("KS 2026-11-16 § 201");
        await official.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).First.ClickAsync();
        (await official.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Partens beslut är registrerat.");
        await official.GotoAsync(factory.BaseUrl + "/tasks");
        (await official.Locator("main").InnerTextAsync()).ShouldContain("Du har inget att göra just nu.");

        // The secretariat prepares June's minutes; the chair finds them in the work list and signs.
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = (await api.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var june = (await api.GetJsonAsync($"/api/v1/bodies/{srb}/meetings?year=2026")).EnumerateArray().First(m => m.Str("startsAt").StartsWith("2026-06-11", StringComparison.Ordinal)).Str("id");
        var checker = (await api.GetJsonAsync($"/api/v1/bodies/{srb}")).GetProperty("members").EnumerateArray()
            .First(m => m.Str("appointingParty") == "Västerås" && m.Str("side") == "Opposition").Str("membershipId");
        (await api.PostAsync($"/api/v1/meetings/{june}/minutes", null)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/meetings/{june}/minutes/items", new { title = "Regional kulturplan", decision = "Beredningen tillstyrker.", kind = "Information" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/meetings/{june}/minutes/checker", new { membershipId = checker })).EnsureSuccessStatusCode();

        var chair = await SignedInAsync(browser, "ordforande.srb");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Underteckna protokollet från Strategisk regional beredning 2026-06-11" }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Underteckna som ordförande" }).ClickAsync();
        (await chair.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är undertecknat.");

        // The appointed checker finds the check in the work list.
        var member = await SignedInAsync(browser, "ledamot.srb");
        await member.GetByRole(AriaRole.Link, new() { Name = "Justera protokollet från Strategisk regional beredning 2026-06-11" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }).ClickAsync();
        (await member.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är justerat.");

        // The secretariat's list holds what the county start page lists; its first item leads to the page where it is done.
        var secretariat = await SignedInAsync(browser, "sekretariat.vastmanland");
        var first = secretariat.Locator(".worklist a").First;
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await secretariat.WaitForURLAsync("**" + href!.Split('?')[0] + "**");
        await secretariat.ShouldBeAccessibleAsync();
        await secretariat.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("worklist-first-task"), FullPage = true });
    }
}
