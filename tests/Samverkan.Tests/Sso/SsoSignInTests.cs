using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Domain.Counties;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Sso;

/// <summary>
/// Single sign-on against a real OpenID Connect provider (OpenIddict, on loopback): the first sign-in links the
/// provider's identity to the one person with that e-mail address in a county the provider serves, later sign-ins go
/// by the link; everything else is refused on the login page with the reason, never with an error page.
/// Each test has a database of its own.
/// </summary>
public sealed class SsoSignInTests(TestIdentityProvider idp) : IClassFixture<TestIdentityProvider>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FirstSignIn_LinksThePersonByEmail_AndGivesTheApplicationCookie_WithSamverkansRolesOnly(DatabaseProvider database)
    {
        await using var app = await SsoApp.StartAsync(idp, database);
        var (chair, email) = await app.AccountAsync("ordforande.srb");
        // The register's address in other letter case: e-mail addresses match whatever their case.
        var user = idp.AddUser(email.ToUpperInvariant());
        using var browser = app.NewBrowser();

        var landing = await browser.SignInAsync(user);

        landing.Path.ShouldBe("/counties/19");
        landing.Status.ShouldBe(HttpStatusCode.OK);
        landing.Html.ShouldContain($"Inloggad som <strong>{chair.DisplayName}</strong>");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var login = (await users.GetLoginsAsync((await users.FindByNameAsync("ordforande.srb"))!)).ShouldHaveSingleItem();
            login.LoginProvider.ShouldBe(SsoApp.ProviderName);
            login.ProviderKey.ShouldBe(user.Subject);
        }

        // The provider said "Administrator"; the session is the chair's, a member of Västmanland and nothing more.
        (await browser.Client.GetAsync("/counties/24")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.Client.GetAsync("/counties/19/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task LaterSignIns_GoByTheStoredLink_EvenWhenTheProvidersEmailChanged()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var (member, email) = await app.AccountAsync("ledamot.srb");
        var user = idp.AddUser(email);
        using (var first = app.NewBrowser())
        {
            (await first.SignInAsync(user)).Path.ShouldBe("/counties/19");
        }

        idp.ChangeEmail(user, "nytt.namn@exempel.invalid");
        using var second = app.NewBrowser();
        var landing = await second.SignInAsync(user);

        landing.Path.ShouldBe("/counties/19");
        landing.Html.ShouldContain($"Inloggad som <strong>{member.DisplayName}</strong>");
    }

    [Fact]
    public async Task AnAccountWithoutAPerson_IsLinkedByItsOwnEmail()
    {
        await using var app = await SsoApp.StartAsync(idp);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var secretariat = (await users.FindByNameAsync("sekretariat.vastmanland"))!;
            (await users.SetEmailAsync(secretariat, "sekretariatet@vastmanland.exempel.invalid")).Succeeded.ShouldBeTrue();
        }

        using var browser = app.NewBrowser();
        var landing = await browser.SignInAsync(idp.AddUser("Sekretariatet@Vastmanland.exempel.invalid"));

        landing.Path.ShouldBe("/counties/19");
        landing.Html.ShouldContain("Inloggad som <strong>Sekretariatet Västmanland</strong>");
    }

    [Fact]
    public async Task UnknownPerson_IsRefused_WithTheReason()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var user = idp.AddUser("okand.person@exempel.invalid");
        using var browser = app.NewBrowser();

        var landing = await browser.SignInAsync(user);

        landing.Status.ShouldBe(HttpStatusCode.OK);
        landing.Error.ShouldBe("Det finns ingen person med konto i Samverkan med e-postadressen okand.person@exempel.invalid. Kontakta länets sekretariat.");
        await ShouldBeSignedOutAsync(browser);
        await ShouldHaveNoLinksAsync(app);
    }

    [Fact]
    public async Task ProviderNotServingThePersonsCounty_IsRefused_WithTheReason()
    {
        // The provider serves Västerbotten (24); the chair is of Västmanland.
        await using var app = await SsoApp.StartAsync(idp, counties: "24");
        var (_, email) = await app.AccountAsync("ordforande.srb");
        using var browser = app.NewBrowser();

        var landing = await browser.SignInAsync(idp.AddUser(email));

        landing.Error.ShouldBe("Kommunens inloggning får inte användas för inloggning i Västmanlands län. Logga in med användarnamn och lösenord.");
        await ShouldBeSignedOutAsync(browser);
        await ShouldHaveNoLinksAsync(app);
    }

    [Fact]
    public async Task ProviderNotServingTheAccountsParty_IsRefused_WithTheReason()
    {
        // The provider is limited to one party, not the one that appointed the chair.
        await using var app = await SsoApp.StartAsync(idp, parties: Guid.NewGuid().ToString());
        var (_, email) = await app.AccountAsync("ordforande.srb");
        using var browser = app.NewBrowser();

        var landing = await browser.SignInAsync(idp.AddUser(email));

        landing.Error.ShouldBe("Kommunens inloggning får bara användas för vissa parter, och ditt konto hör inte till någon av dem. Logga in med användarnamn och lösenord.");
        await ShouldBeSignedOutAsync(browser);
    }

    [Fact]
    public async Task TwoPeopleWithTheEmail_InTheServedCounty_IsRefused_WithTheReason()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var (chair, email) = await app.AccountAsync("ordforande.srb");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.People.Add(new Person(chair.CountyId!.Value, "Namne", "Samma", email.ToUpperInvariant()));
            await db.SaveChangesAsync();
        }

        using var browser = app.NewBrowser();
        var landing = await browser.SignInAsync(idp.AddUser(email));

        landing.Error.ShouldBe($"Flera personer eller konton i Samverkan har e-postadressen {email}, så inloggningen kan inte kopplas till ett av dem. Kontakta länets sekretariat.");
        await ShouldBeSignedOutAsync(browser);
        await ShouldHaveNoLinksAsync(app);
    }

    [Fact]
    public async Task ADisabledAccount_IsRefused_WithTheReason()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var (_, email) = await app.AccountAsync("ordforande.srb");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("ordforande.srb"))!, DateTimeOffset.MaxValue);
        }

        using var browser = app.NewBrowser();
        var landing = await browser.SignInAsync(idp.AddUser(email));

        landing.Error.ShouldBe("Kontot är spärrat. Kontakta länets sekretariat eller systemadministratören.");
        await ShouldBeSignedOutAsync(browser);
        await ShouldHaveNoLinksAsync(app);
    }

    [Fact]
    public async Task TamperedState_IsRefused_OnTheLoginPage_NotWithAnError()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var (_, email) = await app.AccountAsync("ordforande.srb");
        using var browser = app.NewBrowser();
        var answer = await browser.SignInAtProviderAsync(await browser.ChooseProviderAsync(), idp.AddUser(email));
        var state = answer.Fields["state"];
        var tampered = state[..(state.Length / 2)] + (state[state.Length / 2] == 'A' ? 'B' : 'A') + state[(state.Length / 2 + 1)..];

        var landing = await browser.ReturnToSamverkanAsync(answer.With("state", tampered));

        landing.Path.ShouldBe("/account/login?handler=SsoFailed&provider=test");
        landing.Status.ShouldBe(HttpStatusCode.OK);
        landing.Error.ShouldBe(ExpectedFailure);
        await ShouldBeSignedOutAsync(browser);
    }

    [Fact]
    public async Task ReplayedCode_IsRefused_OnTheLoginPage_NotWithAnError()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var (_, email) = await app.AccountAsync("ordforande.srb");
        using var victim = app.NewBrowser();
        var answer = await victim.SignInAtProviderAsync(await victim.ChooseProviderAsync(), idp.AddUser(email));
        // An attacker who saw the provider's answer and the browser's cookies at that moment ...
        var stolen = victim.Cookies.GetAllCookies();
        (await victim.ReturnToSamverkanAsync(answer)).Path.ShouldBe("/counties/19");

        // ... and sends them again after the code was used.
        using var attacker = app.NewBrowser();
        attacker.Cookies.Add(stolen);
        var landing = await attacker.ReturnToSamverkanAsync(answer);

        landing.Path.ShouldBe("/account/login?handler=SsoFailed&provider=test");
        landing.Error.ShouldBe(ExpectedFailure);
        await ShouldBeSignedOutAsync(attacker);
    }

    [Fact]
    public async Task GarbageCode_IsRefused_OnTheLoginPage_NotWithAnError()
    {
        await using var app = await SsoApp.StartAsync(idp);
        using var browser = app.NewBrowser();
        var authorize = await browser.ChooseProviderAsync();
        var state = System.Web.HttpUtility.ParseQueryString(authorize.Query)["state"]!;

        var landing = await browser.ReturnToSamverkanAsync(new SsoApp.CallbackForm(new Uri(SsoApp.BaseAddress, "/signin-oidc-test"),
            new Dictionary<string, string> { ["code"] = "not-a-code-this-provider-issued", ["state"] = state }));

        landing.Path.ShouldBe("/account/login?handler=SsoFailed&provider=test");
        landing.Error.ShouldBe(ExpectedFailure);
        await ShouldBeSignedOutAsync(browser);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheProvidersSession()
    {
        await using var app = await SsoApp.StartAsync(idp);
        var (_, email) = await app.AccountAsync("ordforande.srb");
        using var browser = app.NewBrowser();
        (await browser.SignInAsync(idp.AddUser(email))).Path.ShouldBe("/counties/19");
        var kept = browser.Cookies.GetAllCookies();
        var signOutsBefore = idp.SignOuts;

        var token = await SamverkanFactory.AntiforgeryTokenAsync(browser.Client, "/counties/19");
        var signOut = await browser.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        // Off to the provider's end-session endpoint with the id_token, and from there back to Samverkan's start page.
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var endSession = signOut.Headers.Location!;
        endSession.GetLeftPart(UriPartial.Path).ShouldBe(idp.Authority + "/connect/logout");
        System.Web.HttpUtility.ParseQueryString(endSession.Query)["id_token_hint"].ShouldNotBeNullOrEmpty();
        var back = await browser.AtProviderAsync(endSession);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe("https://localhost/signout-callback-oidc-test");
        var landing = await browser.FollowAsync(await browser.Client.GetAsync(back.Headers.Location!.PathAndQuery));
        landing.Path.ShouldBe("/");
        idp.SignOuts.ShouldBe(signOutsBefore + 1);

        // A copy of the cookie kept from before the sign-out opens nothing.
        using var copy = app.NewBrowser();
        copy.Cookies.Add(kept);
        var again = await copy.Client.GetAsync("/counties/19");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task WithNoProviderConfigured_TheLoginPageIsPasswordOnly()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/account/login");

        html.ShouldNotContain("handler=Sso");
        html.ShouldNotContain("Med din organisations inloggning");
        html.ShouldContain("<label for=\"password\">Lösenord</label>");
    }

    [Fact]
    public async Task WithAProvider_TheLoginPageOffersItsButton_AndTheCspLetsTheFormGoThere()
    {
        await using var app = await SsoApp.StartAsync(idp);
        using var browser = app.NewBrowser();

        var response = await browser.Client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<button type=\"submit\" class=\"button secondary\">Logga in med Kommunens inloggning</button>");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain($"form-action 'self' {idp.Authority};");
    }

    private const string ExpectedFailure = "Inloggningen via Kommunens inloggning kunde inte slutföras. Försök igen, eller logga in med användarnamn och lösenord.";

    private static async Task ShouldBeSignedOutAsync(SsoApp.Browser browser)
    {
        var response = await browser.Client.GetAsync("/counties/19");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    private static async Task ShouldHaveNoLinksAsync(SsoApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserLogins.CountAsync()).ShouldBe(0);
    }
}
