using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Account;

public sealed class LoginModel(PasswordSignIn signIn) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

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

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
