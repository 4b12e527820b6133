using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Demo;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Hardening;

/// <summary>Sign-out and a disabled account end every session and token; sign-in tells nobody which accounts exist.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task SignOut_EndsEveryCookieAndTokenOfTheAccount_AlsoACopyKeptFromBefore()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var token = await factory.ApiClientAsync("sekretariat.vastmanland");
        (await token.GetAsync("/api/v1/counties/19/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var copy = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        // A copy of a session cookie, kept as an attacker who once saw it would keep it.
        var sessionCookie = await SessionCookieAsync(factory);
        using (var before = new HttpRequestMessage(HttpMethod.Get, "/counties/19"))
        {
            before.Headers.Add("Cookie", sessionCookie);
            (await copy.SendAsync(before)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Signing out in one browser ...
        using var owner = await factory.PageClientAsync("sekretariat.vastmanland");
        var antiforgery = await SamverkanFactory.AntiforgeryTokenAsync(owner, "/counties/19");
        (await owner.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // ... ends the kept cookie and the bearer token too.
        using (var after = new HttpRequestMessage(HttpMethod.Get, "/counties/19"))
        {
            after.Headers.Add("Cookie", sessionCookie);
            var response = await copy.SendAsync(after);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/account/login");
        }

        (await token.GetAsync("/api/v1/counties/19/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADisabledAccount_LosesItsTokenAndSession_AtOnce()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var token = await factory.ApiClientAsync("tjansteperson.vasteras");
        using var page = await factory.PageClientAsync("tjansteperson.vasteras");
        (await token.GetAsync("/api/v1/counties/19/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("tjansteperson.vasteras"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        (await token.GetAsync("/api/v1/counties/19/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await page.GetAsync("/counties/19")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = factory.CreateClient();
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tjansteperson.vasteras", password = DemoData.Password });
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await again.JsonAsync()).Str("detail").ShouldBe("Kontot är spärrat. Kontakta länets sekretariat eller systemadministratören.");
    }

    [Fact]
    public async Task TheTokenEndpoint_IssuesNoRefreshToken()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password });
        var json = await response.JsonAsync();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["tokenType", "accessToken", "expiresIn"]);
        json.GetProperty("expiresIn").GetInt64().ShouldBe(3600);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task WrongPasswords_ForARealAndAnUnknownName_GetTheSameAnswer_AndOnlyTheGuessersAddressIsHeldBack()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = factory.CreateClient();
        async Task<(HttpStatusCode Status, string Detail)> TryAsync(string userName, string password)
        {
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            var json = await response.JsonAsync();
            return (response.StatusCode, json.TryGetProperty("detail", out var detail) ? detail.GetString()! : string.Empty);
        }

        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            (await TryAsync("sekretariat.vastmanland", "fel-lösenord-" + i)).ShouldBe((HttpStatusCode.Unauthorized, "Fel användarnamn eller lösenord."));
            (await TryAsync("finns.inte", "fel-lösenord-" + i)).ShouldBe((HttpStatusCode.Unauthorized, "Fel användarnamn eller lösenord."));
        }

        const string held = "För många misslyckade inloggningar från din adress. Vänta 15 minuter och försök igen.";
        (await TryAsync("sekretariat.vastmanland", DemoData.Password)).ShouldBe((HttpStatusCode.TooManyRequests, held));
        (await TryAsync("finns.inte", "vad-som-helst")).ShouldBe((HttpStatusCode.TooManyRequests, held));

        // The account itself is not locked: its owner signs in from another address (the throttle is per address and name).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.IsLockedOutAsync((await users.FindByNameAsync("sekretariat.vastmanland"))!)).ShouldBeFalse();
        }

        factory.Services.GetRequiredService<LoginThrottle>().IsBlocked("192.0.2.10", "sekretariat.vastmanland").ShouldBeFalse();
        factory.Time.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        (await TryAsync("sekretariat.vastmanland", DemoData.Password)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInAttempts_AreRateLimitedPerAddress()
    {
        var factory = new SamverkanFactory(DatabaseProvider.Sqlite);
        await factory.InitializeAsync();
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Samverkan:SignInsPerMinute", "3"));
        using var anonymous = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "x" + i, password = "y" })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "x", password = "y" });
        refused.Headers.RetryAfter.ShouldNotBeNull();
        await factory.DisposeAsync();
    }

    private static async Task<string> SessionCookieAsync(SamverkanFactory factory)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "sekretariat.vastmanland", ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("samverkan=", StringComparison.Ordinal));
    }
}

/// <summary>Behind the README's TLS-terminating proxy: the forwarded scheme and host are honoured.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task BehindATlsProxy_CookiesAreSecure_HstsIsSent_AndCalendarAddressesAreHttps()
    {
        var sqlite = Path.Combine(Path.GetTempPath(), "samverkan_proxy_" + Guid.NewGuid().ToString("N")[..10] + ".db");
        await using var app = await AppProcess.StartAsync(new()
        {
            ["Samverkan__DemoData"] = "true",
            ["ConnectionStrings__Samverkan"] = $"Data Source={sqlite}",
        });
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        HttpRequestMessage Forwarded(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "samverkan.example.se");
            return request;
        }

        var login = await client.SendAsync(Forwarded(HttpMethod.Get, "/account/login"));
        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        var html = await login.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = Forwarded(HttpMethod.Post, "/account/login");
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "ledamot.srb", ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
        });
        post.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samverkan=", StringComparison.Ordinal)).ToLowerInvariant().ShouldContain("; secure");

        var tokenResponse = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "ledamot.srb", password = DemoData.Password });
        var bearer = (await tokenResponse.JsonAsync()).Str("accessToken");
        var feed = Forwarded(HttpMethod.Post, "/api/v1/me/calendar-feed");
        feed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var url = (await (await client.SendAsync(feed)).JsonAsync()).Str("url");
        url.ShouldStartWith("https://samverkan.example.se/calendar/");
        File.Delete(sqlite);
    }
}
