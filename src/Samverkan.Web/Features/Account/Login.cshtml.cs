using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Account;

/// <summary>The password form, and a button for each configured identity provider (single sign-on).</summary>
public sealed class LoginModel(PasswordSignIn signIn, SsoProviders providers, ExternalSignIn externalSignIn) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<SsoProvider> Providers => providers.All;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Ange både användarnamn och lösenord.";
            return Page();
        }

        var outcome = await signIn.SignInWithCookieAsync(UserName, Password);
        if (outcome != SignInOutcome.SignedIn)
        {
            Error = PasswordSignIn.Message(outcome);
            return Page();
        }

        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>A provider's button: off to the provider's own sign-in, back through <see cref="OnGetSsoCallbackAsync"/>.</summary>
    public IActionResult OnPostSso(string? provider)
    {
        if (providers.Find(provider) is not { } chosen)
        {
            Error = "Den inloggningstjänsten finns inte. Välj en av tjänsterna nedan eller logga in med användarnamn och lösenord.";
            return Page();
        }

        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/Login", "SsoCallback", new { returnUrl = ReturnUrl }) };
        properties.Items[SsoProviders.ProviderItem] = chosen.Name;
        return Challenge(properties, chosen.Scheme);
    }

    public async Task<IActionResult> OnGetSsoCallbackAsync()
    {
        Error = await externalSignIn.CompleteAsync(HttpContext.RequestAborted);
        return Error is null ? LocalRedirect(SafeReturnUrl) : Page();
    }

    /// <summary>Where the provider's failures land: a tampered state, an invalid or replayed code, a refusal at the provider.</summary>
    public void OnGetSsoFailed(string? provider) => Error = ExternalSignIn.Failed(providers.Find(provider));

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
