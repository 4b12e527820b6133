using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// One identity provider from the settings (<c>Sso:Providers:&lt;name&gt;</c>): the municipality's Entra ID, or a broker
/// that speaks OpenID Connect for BankID, Freja eID or a SAML federation. It signs in only accounts of the counties
/// (and, when named, the parties) it is listed for; roles stay Samverkan's.
/// </summary>
public sealed record SsoProvider(
    string Name,
    string DisplayName,
    string Authority,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Scopes,
    string Claim,
    IReadOnlyList<string> CountyCodes,
    IReadOnlyList<Guid> PartyIds,
    bool RequireHttpsMetadata,
    bool GetClaimsFromUserInfoEndpoint)
{
    /// <summary>The authentication scheme; also the value of the sign-in's <c>amr</c> claim, so sign-out knows where to go.</summary>
    public string Scheme => SchemePrefix + Name;

    public string CallbackPath => "/signin-oidc-" + Name;

    public string SignedOutCallbackPath => "/signout-callback-oidc-" + Name;

    public const string SchemePrefix = "oidc-";
}

/// <summary>The configured identity providers, read once at start. None configured: the login page is password-only.</summary>
public sealed partial class SsoProviders
{
    /// <summary>Item of the challenge's properties naming the provider, read back by the callback.</summary>
    public const string ProviderItem = "samverkan:sso";

    /// <summary>Parameter (never serialised into the state) carrying the id_token to the provider's end-session endpoint.</summary>
    public const string IdTokenHintParameter = "id_token_hint";

    private readonly Dictionary<string, SsoProvider> byName;

    public SsoProviders(IEnumerable<SsoProvider> providers)
    {
        All = providers.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();
        byName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SsoProvider> All { get; }

    public SsoProvider? Find(string? name) => name is not null && byName.TryGetValue(name.Trim().ToLowerInvariant(), out var p) ? p : null;

    public SsoProvider? FindByScheme(string? scheme) =>
        scheme is not null && scheme.StartsWith(SsoProvider.SchemePrefix, StringComparison.Ordinal) ? Find(scheme[SsoProvider.SchemePrefix.Length..]) : null;

    /// <summary>Origins the sign-in and sign-out forms may be redirected to (the CSP's <c>form-action</c>).</summary>
    public IEnumerable<string> Origins => All.Select(p => new Uri(p.Authority).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <c>Sso:Providers</c>; a provider with a missing or malformed setting stops the start with the reason.</summary>
    public static SsoProviders FromConfiguration(IConfiguration configuration)
    {
        var providers = new List<SsoProvider>();
        foreach (var section in configuration.GetSection("Sso:Providers").GetChildren())
        {
            var name = section.Key.Trim().ToLowerInvariant();
            string Setting(string key) => section[key] is { Length: > 0 } value
                ? value.Trim()
                : throw new InvalidOperationException($"Sso:Providers:{section.Key}:{key} is missing.");

            if (!NamePattern().IsMatch(name))
            {
                throw new InvalidOperationException($"Sso:Providers:{section.Key}: a provider's name may hold only the letters a-z, digits and '-'.");
            }

            var authority = Setting("Authority");
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUri) || authorityUri.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"Sso:Providers:{section.Key}:Authority must be an absolute https address, e.g. https://login.microsoftonline.com/<tenant>/v2.0.");
            }

            var counties = List(section, "Counties");
            if (counties.Count == 0)
            {
                throw new InvalidOperationException($"Sso:Providers:{section.Key}:Counties must name the county codes (e.g. 19) whose accounts the provider may sign in.");
            }

            var parties = new List<Guid>();
            foreach (var party in List(section, "Parties"))
            {
                parties.Add(Guid.TryParse(party, out var id)
                    ? id
                    : throw new InvalidOperationException($"Sso:Providers:{section.Key}:Parties: '{party}' is not a party id."));
            }

            var scopes = List(section, "Scopes");
            providers.Add(new SsoProvider(
                name,
                section["DisplayName"] is { Length: > 0 } display ? display.Trim() : section.Key,
                authority,
                Setting("ClientId"),
                section["ClientSecret"] is { Length: > 0 } secret ? secret : null,
                scopes.Count > 0 ? scopes : ["openid", "profile", "email"],
                section["Claim"] is { Length: > 0 } claim ? claim.Trim() : "email",
                counties,
                parties,
                section.GetValue("RequireHttpsMetadata", true),
                section.GetValue("GetClaimsFromUserInfoEndpoint", false)));
        }

        return new SsoProviders(providers);
    }

    /// <summary>Whether the provider announces an end-session endpoint; a provider that cannot be reached does not.</summary>
    public static async Task<bool> SupportsSignOutAsync(HttpContext context, SsoProvider provider)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(provider.Scheme);
        try
        {
            var configuration = options.ConfigurationManager is { } manager ? await manager.GetConfigurationAsync(context.RequestAborted) : null;
            return !string.IsNullOrEmpty(configuration?.EndSessionEndpoint);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException)
        {
            context.RequestServices.GetRequiredService<ILogger<SsoProviders>>()
                .LogWarning(e, "Identity provider {Provider} could not be reached at sign-out; only the local session ends.", provider.Name);
            return false;
        }
    }

    // Comma- or space-separated in one value (handy in environment variables), or a JSON array.
    private static List<string> List(IConfigurationSection section, string key)
    {
        var values = section[key] is { } single
            ? single.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetSection(key).GetChildren().Select(c => c.Value?.Trim()).OfType<string>();
        return values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}

public static class SingleSignOn
{
    /// <summary>
    /// One OpenID Connect scheme per configured provider: authorization code flow with PKCE, signing into Identity's
    /// short-lived external cookie. The login page's callback then links the identity to an account and issues the
    /// ordinary application cookie, so the per-request security-stamp check covers these sessions too.
    /// </summary>
    public static void AddSamverkanSingleSignOn(this WebApplicationBuilder builder)
    {
        var providers = SsoProviders.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(providers);
        var authentication = builder.Services.AddAuthentication();
        foreach (var provider in providers.All)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options => Configure(options, provider));
        }
    }

    private static void Configure(OpenIdConnectOptions options, SsoProvider provider)
    {
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in provider.Scopes.Append("openid").Distinct(StringComparer.Ordinal))
        {
            options.Scope.Add(scope);
        }

        // The provider's claims under their own names ("email", "sub"): the configured claim is looked up as written.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.GetClaimsFromUserInfoEndpoint = provider.GetClaimsFromUserInfoEndpoint;
        // The id_token goes along to the provider's end-session endpoint at sign-out.
        options.SaveTokens = true;
        options.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        options.CallbackPath = provider.CallbackPath;
        options.SignedOutCallbackPath = provider.SignedOutCallbackPath;
        options.RemoteSignOutPath = "/signout-oidc-" + provider.Name;
        options.DisableTelemetry = true;
        options.Events.OnRemoteFailure = context =>
        {
            // A tampered state, a replayed or invalid code, a refusal at the provider: the login page says so, never a 500.
            context.HttpContext.RequestServices.GetRequiredService<ILogger<SsoProviders>>()
                .LogWarning("Sign-in through {Provider} failed: {Reason}", provider.Name, context.Failure?.Message);
            context.Response.Redirect(context.Request.PathBase + "/account/login?handler=SsoFailed&provider=" + Uri.EscapeDataString(provider.Name));
            context.HandleResponse();
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            if (context.Properties.GetParameter<string>(SsoProviders.IdTokenHintParameter) is { Length: > 0 } idToken)
            {
                context.ProtocolMessage.IdTokenHint = idToken;
            }

            return Task.CompletedTask;
        };
    }
}
