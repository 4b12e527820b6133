using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Account;

/// <summary>
/// Completes a sign-in through an identity provider. The first time, the provider's identity is linked to an account
/// when the configured claim matches the e-mail address of exactly one person (or account) in a county the provider
/// serves, and that person has an account; the link is kept in Identity's external logins, so later sign-ins go by
/// the provider's subject alone. Either way the account must be of a county (and party, when the provider names
/// parties) the provider serves and not be disabled. The session is the ordinary application cookie of that account:
/// nothing the provider says about roles or rights reaches it.
/// </summary>
public sealed class ExternalSignIn(SsoProviders providers, SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db,
    IHttpContextAccessor http, ILogger<ExternalSignIn> logger)
{
    public static string Failed(SsoProvider? provider) =>
        $"Inloggningen via {provider?.DisplayName ?? "inloggningstjänsten"} kunde inte slutföras. Försök igen, eller logga in med användarnamn och lösenord.";

    public static string MissingClaim(SsoProvider provider) =>
        $"{provider.DisplayName} skickade ingen uppgift om {provider.Claim}, så Samverkan kan inte avgöra vem du är. Kontakta länets sekretariat.";

    public static string UnknownPerson(string value) =>
        $"Det finns ingen person med konto i Samverkan med e-postadressen {value}. Kontakta länets sekretariat.";

    public static string NotForCounty(SsoProvider provider, IEnumerable<string> countyNames)
    {
        var names = countyNames.Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).ToList();
        var where = names.Count == 0 ? "ditt konto" : string.Join(" och ", names);
        return $"{provider.DisplayName} får inte användas för inloggning i {where}. Logga in med användarnamn och lösenord.";
    }

    public static string NotForParty(SsoProvider provider) =>
        $"{provider.DisplayName} får bara användas för vissa parter, och ditt konto hör inte till någon av dem. Logga in med användarnamn och lösenord.";

    public static string SeveralMatches(string value) =>
        $"Flera personer eller konton i Samverkan har e-postadressen {value}, så inloggningen kan inte kopplas till ett av dem. Kontakta länets sekretariat.";

    /// <summary>Signs the account in and returns null, or returns why not (in Swedish, for the login page).</summary>
    public async Task<string?> CompleteAsync(CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No request.");
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        string? providerName = null;
        if (!external.Succeeded || external.Properties?.Items.TryGetValue(SsoProviders.ProviderItem, out providerName) != true
            || providers.Find(providerName) is not { } provider)
        {
            return Failed(providers.Find(providerName));
        }

        var principal = external.Principal!;
        var subject = principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(subject))
        {
            return MissingClaim(provider with { Claim = "sub" });
        }

        var user = await users.FindByLoginAsync(provider.Name, subject);
        var firstTime = user is null;
        if (user is null)
        {
            var value = principal.FindFirstValue(provider.Claim)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return MissingClaim(provider);
            }

            (user, var refusal) = await MatchAsync(provider, value, cancellationToken);
            if (user is null)
            {
                logger.LogInformation("Sign-in through {Provider} refused for {Value}: {Refusal}", provider.Name, value, refusal);
                return refusal;
            }
        }

        if (await RefusalAsync(provider, user, cancellationToken) is { } refused)
        {
            logger.LogInformation("Sign-in through {Provider} refused for account {User}: {Refusal}", provider.Name, user.UserName, refused);
            return refused;
        }

        if (firstTime)
        {
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(provider.Name, subject, provider.DisplayName));
            if (!linked.Succeeded)
            {
                logger.LogWarning("Could not link {Provider} to {User}: {Errors}", provider.Name, user.UserName, string.Join("; ", linked.Errors.Select(e => e.Description)));
                return Failed(provider);
            }

            logger.LogInformation("Linked {Provider} subject to account {User}.", provider.Name, user.UserName);
        }

        var properties = new AuthenticationProperties();
        if (external.Properties!.GetTokenValue("id_token") is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user, properties, authenticationMethod: provider.Scheme);
        return null;
    }

    /// <summary>The one account the claim's value names among the counties the provider serves, or why there is none.</summary>
    private async Task<(AppUser? User, string Refusal)> MatchAsync(SsoProvider provider, string value, CancellationToken cancellationToken)
    {
        // lower() in SQL, as EF cannot translate a StringComparison; SQLite's lower() folds ASCII only, and e-mail
        // addresses in the registers are ASCII in practice.
        var lowered = value.ToLowerInvariant();
#pragma warning disable CA1862
        var people = await db.People.AsNoTracking().Where(p => p.Email != null && p.Email.ToLower() == lowered)
            .Select(p => new { p.Id, p.CountyId }).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var normalized = users.NormalizeEmail(value);
        var ownEmail = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).ToListAsync(cancellationToken);
        if (people.Count == 0 && ownEmail.Count == 0)
        {
            return (null, UnknownPerson(value));
        }

        var served = await ServedCountiesAsync(provider, cancellationToken);
        var peopleHere = people.Where(p => served.Contains(p.CountyId)).ToList();
        var ownEmailHere = ownEmail.Where(u => u.CountyId is { } c && served.Contains(c)).ToList();
        if (peopleHere.Count == 0 && ownEmailHere.Count == 0)
        {
            var countyIds = people.Select(p => p.CountyId).Concat(ownEmail.Where(u => u.CountyId.HasValue).Select(u => u.CountyId!.Value)).ToList();
            var names = await db.Counties.AsNoTracking().Where(c => countyIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(cancellationToken);
            return (null, NotForCounty(provider, names));
        }

        if (peopleHere.Count > 1)
        {
            return (null, SeveralMatches(value));
        }

        var personIds = peopleHere.Select(p => p.Id).ToList();
        var membershipIds = await db.Memberships.AsNoTracking().Where(m => personIds.Contains(m.PersonId)).Select(m => m.Id).ToListAsync(cancellationToken);
        var personAccounts = await db.Users.AsNoTracking()
            .Where(u => u.MembershipId != null && membershipIds.Contains(u.MembershipId.Value)).ToListAsync(cancellationToken);
        var accounts = personAccounts.Concat(ownEmailHere).DistinctBy(u => u.Id).ToList();
        return accounts.Count switch
        {
            0 => (null, UnknownPerson(value)),
            1 => (await users.FindByIdAsync(accounts[0].Id), string.Empty),
            _ => (null, SeveralMatches(value)),
        };
    }

    /// <summary>Checked at every sign-in, also through a stored link: the provider's counties and parties may have changed since.</summary>
    private async Task<string?> RefusalAsync(SsoProvider provider, AppUser user, CancellationToken cancellationToken)
    {
        var served = await ServedCountiesAsync(provider, cancellationToken);
        if (user.CountyId is not { } county || !served.Contains(county))
        {
            var names = await db.Counties.AsNoTracking().Where(c => c.Id == user.CountyId).Select(c => c.Name).ToListAsync(cancellationToken);
            return NotForCounty(provider, names);
        }

        if (provider.PartyIds.Count > 0)
        {
            var party = user.PartyId ?? await db.Memberships.AsNoTracking().Where(m => m.Id == user.MembershipId)
                .Select(m => (Guid?)m.AppointingPartyId).FirstOrDefaultAsync(cancellationToken);
            if (party is not { } p || !provider.PartyIds.Contains(p))
            {
                return NotForParty(provider);
            }
        }

        return await users.IsLockedOutAsync(user) ? PasswordSignIn.Message(SignInOutcome.Disabled) : null;
    }

    private async Task<HashSet<Guid>> ServedCountiesAsync(SsoProvider provider, CancellationToken cancellationToken)
    {
        var codes = provider.CountyCodes.ToList();
        return (await db.Counties.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }
}
