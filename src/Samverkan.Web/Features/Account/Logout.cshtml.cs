using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SsoProviders providers) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Read before the session ends: which provider signed this session in, and its id_token for the provider's sign-out.
        var provider = providers.FindByScheme(User.FindFirstValue(ClaimTypes.AuthenticationMethod));
        var idToken = provider is null ? null : await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token");

        // Signing out ends every session and token of the account, also a copy of the cookie kept from before.
        await AccountSessions.EndAllAsync(User, users);
        await signIn.SignOutAsync();
        if (provider is not null && await SsoProviders.SupportsSignOutAsync(HttpContext, provider))
        {
            // RP-initiated logout: the provider ends its own session too, then sends the browser back to the start page.
            var properties = new AuthenticationProperties { RedirectUri = "/" };
            properties.SetParameter(SsoProviders.IdTokenHintParameter, idToken);
            return SignOut(properties, provider.Scheme);
        }

        return Redirect("/");
    }
}
