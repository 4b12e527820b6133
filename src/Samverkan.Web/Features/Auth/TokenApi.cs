using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Auth;

public static class TokenApi
{
    public const string SignInRateLimit = "sign-in";

    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit)
            .WithSummary("Exchanges a user name and password for a bearer token {tokenType, accessToken, expiresIn}. No refresh token: ask again when it expires.");
        return api;
    }

    /// <summary>
    /// The token is written here, not by Identity's bearer handler, so that no refresh token is handed out: a
    /// refresh token with no endpoint that takes it, or one that could be used again and again, is a liability.
    /// </summary>
    private static async Task<IResult> IssueAsync(TokenRequest request, PasswordSignIn signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: 400, title: "Uppgifter saknas", detail: "Ange både användarnamn (userName) och lösenord (password).");
        }

        var (outcome, user) = await signIn.CheckAsync(request.UserName, request.Password);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: outcome == SignInOutcome.Throttled ? 429 : 401, title: "Inloggningen misslyckades", detail: PasswordSignIn.Message(outcome));
        }

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var expires = time.GetUtcNow().Add(options.BearerTokenExpiration);
        var ticket = new AuthenticationTicket(await signIn.PrincipalAsync(user), new AuthenticationProperties { IssuedUtc = time.GetUtcNow(), ExpiresUtc = expires },
            IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds));
    }
}

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
