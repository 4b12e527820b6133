using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Wrong name or password: the same answer, in the same time, whether the account exists or not.</summary>
    Failed,

    /// <summary>Too many failures for this name from this address: only this address waits, the account's owner elsewhere does not.</summary>
    Throttled,

    /// <summary>The account is disabled by an administrator; said only to somebody who knows the password.</summary>
    Disabled,
}

/// <summary>
/// Counts failed sign-ins per client address and account name, so a stranger guessing passwords locks out only
/// themself: five failures within 15 minutes stop further tries for that name from that address for 15 minutes.
/// Names that do not exist are counted the same way, so the answer never tells whether an account exists.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset First)> failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string address, string userName)
    {
        var key = Key(address, userName);
        if (!failures.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (time.GetUtcNow() - entry.First > Window)
        {
            failures.TryRemove(key, out _);
            return false;
        }

        return entry.Failures >= MaxFailures;
    }

    public void Fail(string address, string userName)
    {
        var now = time.GetUtcNow();
        failures.AddOrUpdate(Key(address, userName), _ => (1, now),
            (_, e) => now - e.First > Window ? (1, now) : (e.Failures + 1, e.First));
        if (failures.Count > 100_000)
        {
            foreach (var old in failures.Where(f => now - f.Value.First > Window).Select(f => f.Key).ToList())
            {
                failures.TryRemove(old, out _);
            }
        }
    }

    public void Succeed(string address, string userName) => failures.TryRemove(Key(address, userName), out _);

    private static string Key(string address, string userName) => address + "\n" + userName.Trim().ToUpperInvariant();
}

/// <summary>Password sign-in for the login page and the token endpoint alike.</summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle, IPasswordHasher<AppUser> hasher,
    IHttpContextAccessor http)
{
    // A hash of a random password, verified for unknown names so that they take as long as real ones.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    /// <summary>Checks the name and password; the caller signs the account in when the outcome is <see cref="SignInOutcome.SignedIn"/>.</summary>
    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string userName, string password)
    {
        userName = userName.Trim();
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(address, userName))
        {
            return (SignInOutcome.Throttled, null);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            throttle.Fail(address, userName);
            return (SignInOutcome.Failed, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.Fail(address, userName);
            return (SignInOutcome.Failed, null);
        }

        throttle.Succeed(address, userName);
        return await users.IsLockedOutAsync(user) ? (SignInOutcome.Disabled, null) : (SignInOutcome.SignedIn, user);
    }

    /// <summary>Signs in with the session cookie of the UI.</summary>
    public async Task<SignInOutcome> SignInWithCookieAsync(string userName, string password)
    {
        var (outcome, user) = await CheckAsync(userName, password);
        if (user is not null)
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.SignInAsync(user, isPersistent: false);
        }

        return outcome;
    }

    public Task<ClaimsPrincipal> PrincipalAsync(AppUser user) => signIn.CreateUserPrincipalAsync(user);

    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Throttled => "För många misslyckade inloggningar från din adress. Vänta 15 minuter och försök igen.",
        SignInOutcome.Disabled => "Kontot är spärrat. Kontakta länets sekretariat eller systemadministratören.",
        _ => "Fel användarnamn eller lösenord.",
    };
}

/// <summary>
/// A session (cookie) or a bearer token holds only while its account is as it was: signing out changes the
/// account's security stamp, and a disabled (locked) account signs nothing in. Checked on every request.
/// </summary>
public static class AccountSessions
{
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var options = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var id = users.GetUserId(principal);
        if (id is null || await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user) && !await users.IsLockedOutAsync(user);
    }

    /// <summary>Ends every session and token of the account (sign-out everywhere).</summary>
    public static async Task EndAllAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}

/// <summary>The address the public sees: <c>Samverkan:PublicBaseUrl</c> when set, otherwise the request's (forwarded) scheme and host.</summary>
public static class PublicBase
{
    public static string Of(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetService<IConfiguration>()?["Samverkan:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
    }
}
