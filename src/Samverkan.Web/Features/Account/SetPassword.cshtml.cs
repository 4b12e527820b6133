using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Samverkan.Web.Data;

namespace Samverkan.Web.Features.Account;

/// <summary>The one-time link of an invitation or a reset: the person chooses their password. The link works once.</summary>
public sealed class SetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    public List<string> Errors { get; } = [];

    public string? UserName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || Token is null)
        {
            Errors.Add("Länken är ofullständig. Använd hela länken i e-postmeddelandet, eller be sekretariatet om en ny.");
            return Page();
        }

        UserName = user.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        UserName = user?.UserName;
        if (user is null || Token is null)
        {
            Errors.Add("Länken är ofullständig. Använd hela länken i e-postmeddelandet, eller be sekretariatet om en ny.");
            return Page();
        }

        if (string.IsNullOrEmpty(Password) || Password != Repeat)
        {
            Errors.Add("Skriv samma lösenord i båda fälten.");
            return Page();
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
            Errors.Add("Länken är ogiltig eller redan använd. Be sekretariatet om en ny.");
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "InvalidToken" ? "Länken är ogiltig, för gammal eller redan använd. Be sekretariatet om en ny." : Swedish(e)));
            return Page();
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        TempData["Message"] = "Lösenordet är sparat. Logga in med ditt användarnamn och det nya lösenordet.";
        return Redirect("/account/login");
    }

    private static string Swedish(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => "Lösenordet ska vara minst 12 tecken.",
        "PasswordRequiresNonAlphanumeric" => "Lösenordet ska innehålla minst ett tecken som inte är en bokstav eller siffra.",
        "PasswordRequiresDigit" => "Lösenordet ska innehålla minst en siffra.",
        "PasswordRequiresLower" => "Lösenordet ska innehålla minst en liten bokstav.",
        "PasswordRequiresUpper" => "Lösenordet ska innehålla minst en stor bokstav.",
        _ => error.Description,
    };
}
