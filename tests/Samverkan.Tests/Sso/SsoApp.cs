using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Sso;

/// <summary>
/// Samverkan with its own database and demo data, configured with the test identity provider as provider
/// <c>test</c>, registered at the provider as a client of its own.
/// </summary>
internal sealed partial class SsoApp : IAsyncDisposable
{
    public const string ProviderName = "test";
    public const string DisplayName = "Kommunens inloggning";

    /// <summary>The address the tests' HTTP clients use: https, so the provider's Secure correlation cookies come back.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    private SsoApp(SamverkanFactory root, WebApplicationFactory<Program> app)
    {
        Root = root;
        App = app;
    }

    public SamverkanFactory Root { get; }

    public WebApplicationFactory<Program> App { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<SsoApp> StartAsync(TestIdentityProvider idp, DatabaseProvider database = DatabaseProvider.Sqlite, string counties = "19", string? parties = null)
    {
        var root = new SamverkanFactory(database);
        await root.InitializeAsync();
        // The clock is fixed in the past; the provider's correlation cookies would be expired on arrival.
        root.Time.SetUtcNow(DateTimeOffset.UtcNow);
        var clientId = "samverkan-" + Guid.NewGuid().ToString("N")[..8];
        const string secret = "test-client-secret";
        var app = root.WithWebHostBuilder(b => Configure(b, idp.Authority, clientId, secret, counties, parties));
        _ = app.Server;
        await idp.RegisterClientAsync(clientId, secret, BaseAddress.ToString().TrimEnd('/'), ProviderName);
        return new SsoApp(root, app);
    }

    public static void Configure(IWebHostBuilder builder, string authority, string clientId, string secret, string counties, string? parties)
    {
        const string section = "Sso:Providers:" + ProviderName + ":";
        builder.UseSetting(section + "DisplayName", DisplayName);
        builder.UseSetting(section + "Authority", authority);
        builder.UseSetting(section + "ClientId", clientId);
        builder.UseSetting(section + "ClientSecret", secret);
        builder.UseSetting(section + "Counties", counties);
        builder.UseSetting(section + "RequireHttpsMetadata", "false");
        if (parties is not null)
        {
            builder.UseSetting(section + "Parties", parties);
        }
    }

    /// <summary>The demo account, its display name and its person's e-mail address.</summary>
    public async Task<(AppUser User, string Email)> AccountAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var email = await db.Memberships.Where(m => m.Id == user.MembershipId).Select(m => m.Person!.Email).SingleAsync();
        return (user, email!);
    }

    public Browser NewBrowser() => new(this);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Root.DisposeAsync();
    }

    /// <summary>
    /// One user's browser, as two HTTP clients sharing nothing but the user: one for Samverkan (in-process), one for
    /// the provider (over loopback). Redirects are followed by hand, so each step can be looked at or tampered with.
    /// </summary>
    public sealed partial class Browser : IDisposable
    {
        private readonly CookieContainerHandler appCookies = new();
        private readonly HttpClient provider;

        public Browser(SsoApp app)
        {
            Client = app.App.CreateDefaultClient(BaseAddress, appCookies);
            provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        }

        public HttpClient Client { get; }

        public CookieContainer Cookies => appCookies.Container;

        /// <summary>The login page's button: answered with a redirect to the provider's authorization endpoint.</summary>
        public async Task<Uri> ChooseProviderAsync()
        {
            var token = await SamverkanFactory.AntiforgeryTokenAsync(Client, "/account/login");
            var response = await Client.PostAsync("/account/login?handler=Sso", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["provider"] = ProviderName,
                ["__RequestVerificationToken"] = token,
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return response.Headers.Location!;
        }

        /// <summary>Signs in at the provider's form; returns the form the provider posts back to Samverkan (code and state).</summary>
        public async Task<CallbackForm> SignInAtProviderAsync(Uri authorize, TestIdentityProvider.TestUser user)
        {
            var toLogin = await provider.GetAsync(authorize);
            toLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var loginUrl = new Uri(authorize, toLogin.Headers.Location!);
            var form = await provider.GetStringAsync(loginUrl);
            var returnUrl = WebUtility.HtmlDecode(Regex.Match(form, "name=\"ReturnUrl\" value=\"([^\"]*)\"").Groups[1].Value);
            var signedIn = await provider.PostAsync(new Uri(authorize, "/login"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ReturnUrl"] = returnUrl,
                ["username"] = user.UserName,
                ["password"] = user.Password,
            }));
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var answer = await provider.GetStringAsync(new Uri(authorize, signedIn.Headers.Location!));
            var action = WebUtility.HtmlDecode(FormAction().Match(answer).Groups[1].Value);
            var fields = HiddenInput().Matches(answer).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            fields.ShouldContainKey("code");
            return new CallbackForm(new Uri(action), fields);
        }

        /// <summary>Posts the provider's answer to Samverkan and follows Samverkan's redirects; returns the last answer.</summary>
        public async Task<Landing> ReturnToSamverkanAsync(CallbackForm form)
        {
            var response = await Client.PostAsync(form.Action.PathAndQuery, new FormUrlEncodedContent(form.Fields));
            return await FollowAsync(response);
        }

        /// <summary>The whole sign-in: button, provider's form, back.</summary>
        public async Task<Landing> SignInAsync(TestIdentityProvider.TestUser user) =>
            await ReturnToSamverkanAsync(await SignInAtProviderAsync(await ChooseProviderAsync(), user));

        /// <summary>Follows Samverkan's own redirects (not the provider's).</summary>
        public async Task<Landing> FollowAsync(HttpResponseMessage response)
        {
            var path = "";
            for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 10; hops++)
            {
                var location = response.Headers.Location!;
                if (location.IsAbsoluteUri && location.Host != BaseAddress.Host)
                {
                    break;
                }

                path = location.IsAbsoluteUri ? location.PathAndQuery : location.ToString();
                response = await Client.GetAsync(path);
            }

            return new Landing(response.StatusCode, path, await response.Content.ReadAsStringAsync(), response.Headers.Location);
        }

        /// <summary>At the provider: follows its redirects (the end-session endpoint sends the browser back to Samverkan).</summary>
        public Task<HttpResponseMessage> AtProviderAsync(Uri url) => provider.GetAsync(url);

        public void Dispose()
        {
            Client.Dispose();
            provider.Dispose();
        }

        [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
        private static partial Regex FormAction();

        [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
        private static partial Regex HiddenInput();
    }

    public sealed record CallbackForm(Uri Action, Dictionary<string, string> Fields)
    {
        public CallbackForm With(string name, string value) => this with { Fields = new Dictionary<string, string>(Fields) { [name] = value } };
    }

    public sealed partial record Landing(HttpStatusCode Status, string Path, string Html, Uri? Location)
    {
        /// <summary>The message in the login page's error summary, or null.</summary>
        public string? Error => ErrorSummary().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        [GeneratedRegex("<div class=\"error-summary\"[^>]*>\\s*<h2>[^<]*</h2>\\s*<p>(.*?)</p>", RegexOptions.Singleline)]
        private static partial Regex ErrorSummary();
    }
}
