using Microsoft.AspNetCore.Identity;
using Samverkan.Web.Data;

namespace Samverkan.Web.Features.Auth;

public static class TokenApi
{
    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueAsync).AllowAnonymous()
            .WithSummary("Exchanges a user name and password for a bearer token (accessToken, expiresIn, refreshToken).");
        return api;
    }

    /// <summary>Identity's bearer handler writes {"tokenType","accessToken","expiresIn","refreshToken"} itself on sign-in.</summary>
    private static async Task<IResult> IssueAsync(TokenRequest request, SignInManager<AppUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: 400, title: "Uppgifter saknas", detail: "Ange både användarnamn (userName) och lösenord (password).");
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(statusCode: 401, title: "Kontot är låst", detail: "Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen senare.");
        }

        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: 401, title: "Inloggningen misslyckades", detail: "Fel användarnamn eller lösenord.");
        }

        // The bearer handler has already written the token response.
        return TypedResults.Empty;
    }
}

public sealed record TokenRequest(string? UserName, string? Password);
