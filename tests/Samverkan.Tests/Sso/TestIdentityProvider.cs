using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Tests.Sso;

/// <summary>
/// A real OpenID Connect provider for the tests, built on OpenIddict's server: discovery, an HTML login form with user
/// name and password, the authorization code flow with PKCE required, an id_token with <c>email</c> (and a
/// <c>role</c> claim that Samverkan must ignore), and RP-initiated logout. Ephemeral keys; its store is a SQLite file
/// of its own. It listens on a loopback port the system chose (bound to port 0 and kept), over plain http, so the
/// transport security requirement is switched off here only.
/// </summary>
public sealed class TestIdentityProvider : IAsyncLifetime
{
    private const string CookieScheme = "idp";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "samverkan-idp-" + Guid.NewGuid().ToString("N")[..12] + ".db");
    private readonly ConcurrentDictionary<string, TestUser> users = new(StringComparer.Ordinal);
    private WebApplication? app;
    private int signOuts;

    public sealed record TestUser(string UserName, string Password, string Subject, string Email, string Name);

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Authority { get; private set; } = string.Empty;

    /// <summary>How many times the end-session endpoint ended a session here.</summary>
    public int SignOuts => Volatile.Read(ref signOuts);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<IdentityProviderDb>(o =>
        {
            o.UseSqlite($"Data Source={databasePath};Pooling=False");
            o.UseOpenIddict();
        });
        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "idp-session";
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentityProviderDb>().Database.EnsureCreatedAsync();
        }

        app.UseAuthentication();
        app.MapGet("/login", (HttpContext context) => LoginForm(context.Request.Query["ReturnUrl"].ToString(), error: false));
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)SignInAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            // Only the authorization code grant is allowed; OpenIddict has already checked the code, its PKCE verifier and the client.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return result.Principal is { } principal
                ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        app.MapMethods("/connect/logout", ["GET", "POST"], async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieScheme);
            Interlocked.Increment(ref signOuts);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        app.MapGet("/", () => Results.Content("<!DOCTYPE html><title>Test identity provider</title><h1>Signed out</h1>", "text/html"));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Authority = address.TrimEnd('/');
    }

    public TestUser AddUser(string email, string? name = null)
    {
        var user = new TestUser("user-" + Guid.NewGuid().ToString("N")[..8], "pw-" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid().ToString("N"), email, name ?? "Test User");
        users[user.UserName] = user;
        return user;
    }

    public void ChangeEmail(TestUser user, string email) => users[user.UserName] = user with { Email = email };

    /// <summary>A confidential client for one Samverkan instance, with its callback and post-logout addresses.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, string appBaseUrl, string providerName)
    {
        await using var scope = app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Samverkan",
            RedirectUris = { new Uri(appBaseUrl + "/signin-oidc-" + providerName) },
            PostLogoutRedirectUris = { new Uri(appBaseUrl + "/signout-callback-oidc-" + providerName) },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await manager.CreateAsync(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        File.Delete(databasePath);
    }

    private async Task<IResult> SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["ReturnUrl"].ToString();
        if (!users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString())
        {
            return LoginForm(returnUrl, error: true);
        }

        var identity = new ClaimsIdentity(CookieScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Name, user.UserName));
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal) ? returnUrl : "/");
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded || !users.TryGetValue(session.Principal!.Identity!.Name!, out var user))
        {
            var query = context.Request.HasFormContentType ? QueryString.Create((await context.Request.ReadFormAsync()).Select(p => KeyValuePair.Create(p.Key, p.Value)))
                : context.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + query }, [CookieScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Name)
            // A provider may say anything about roles; Samverkan must not listen.
            .SetClaim(Claims.Role, "Administrator");
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult LoginForm(string returnUrl, bool error)
    {
        var encoder = HtmlEncoder.Default;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
            <body>
            <h1>Test identity provider</h1>
            {(error ? "<p role=\"alert\">Wrong user name or password.</p>" : "")}
            <form method="post" action="/login">
              <input type="hidden" name="ReturnUrl" value="{encoder.Encode(returnUrl)}">
              <label for="username">Username</label> <input id="username" name="username" autocomplete="username">
              <label for="password">Password</label> <input id="password" name="password" type="password">
              <button type="submit">Sign in</button>
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private sealed class IdentityProviderDb(DbContextOptions<IdentityProviderDb> options) : DbContext(options);
}
