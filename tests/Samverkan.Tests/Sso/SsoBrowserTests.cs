using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samverkan.Tests.Browser;

namespace Samverkan.Tests.Sso;

/// <summary>
/// In Chromium, end to end against the test OpenID Connect provider: the login page's button, the provider's own
/// form, back to Samverkan signed in as the linked person; signing out ends the provider's session too.
/// </summary>
public sealed class SsoBrowserTests
{
    private sealed class SsoKestrelFactory(string authority, string clientId) : KestrelFactory
    {
        public const string Secret = "browser-client-secret";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            SsoApp.Configure(builder, authority, clientId, Secret, counties: "19", parties: null);
        }
    }

    [Fact]
    public async Task Chair_SignsInThroughTheProvider_LandsOnTheCountyPage_AndSignsOutOfBoth()
    {
        await using var idp = new TestIdentityProvider();
        await idp.InitializeAsync();
        var clientId = "samverkan-browser-" + Guid.NewGuid().ToString("N")[..8];
        await using var factory = new SsoKestrelFactory(idp.Authority, clientId);
        await factory.InitializeAsync();
        // The clock is fixed in the past; the provider's correlation cookies would be expired on arrival.
        factory.Time.SetUtcNow(DateTimeOffset.UtcNow);
        factory.Start();
        await idp.RegisterClientAsync(clientId, SsoKestrelFactory.Secret, factory.BaseUrl, SsoApp.ProviderName);
        string chairName, email;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            var chair = db.Users.Single(u => u.UserName == "ordforande.srb");
            chairName = chair.DisplayName;
            email = db.Memberships.Where(m => m.Id == chair.MembershipId).Select(m => m.Person!.Email).Single()!;
        }

        var user = idp.AddUser(email);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same

        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("sso-login"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med Kommunens inloggning" }).ClickAsync();
        await page.WaitForURLAsync(idp.Authority + "/login**");
        await page.GetByLabel("Username").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(factory.BaseUrl + "/counties/19");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Västmanlands län");
        (await page.Locator(".logout strong").InnerTextAsync()).ShouldBe(chairName);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("sso-signed-in"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync(factory.BaseUrl + "/");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).CountAsync()).ShouldBe(0);
        idp.SignOuts.ShouldBe(1);

        // The provider's session ended too: the next sign-in asks for the password again.
        await page.GotoAsync(factory.BaseUrl + "/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med Kommunens inloggning" }).ClickAsync();
        await page.WaitForURLAsync(idp.Authority + "/login**");
        (await page.GetByLabel("Password").IsVisibleAsync()).ShouldBeTrue();
    }
}
