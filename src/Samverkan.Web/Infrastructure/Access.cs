using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Secretariat = "Secretariat";
    public const string PartyOfficial = "PartyOfficial";
    public const string Member = "Member";

    public static readonly string[] All = [Administrator, Secretariat, PartyOfficial, Member];

    public static string Label(string role) => role switch
    {
        Administrator => "Systemadministratör",
        Secretariat => "Sekretariat",
        PartyOfficial => "Tjänsteperson",
        Member => "Ledamot",
        _ => role,
    };
}

public static class SamverkanClaims
{
    public const string County = "samverkan:county";
    public const string Party = "samverkan:party";
    public const string Membership = "samverkan:membership";
    public const string DisplayName = "samverkan:name";
}

/// <summary>Puts the account's county, party and membership into its cookie and bearer token.</summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SamverkanClaims.DisplayName, user.DisplayName));
        if (user.CountyId is { } county)
        {
            identity.AddClaim(new Claim(SamverkanClaims.County, county.ToString()));
        }

        if (user.PartyId is { } party)
        {
            identity.AddClaim(new Claim(SamverkanClaims.Party, party.ToString()));
        }

        if (user.MembershipId is { } membership)
        {
            identity.AddClaim(new Claim(SamverkanClaims.Membership, membership.ToString()));
        }

        return identity;
    }
}

/// <summary>
/// Tenant isolation in one place: every page and endpoint asks here before it reads or changes a county's data.
/// Administrators see every county; everybody else only their own; only the secretariat manages; a party official
/// acts only for their own party.
/// </summary>
public sealed class Access(IHttpContextAccessor http, AppDbContext db)
{
    private ClaimsPrincipal? actingSystem;

    private ClaimsPrincipal User => actingSystem ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>
    /// Lets work that runs without a signed-in user (the demo loader at start) use the same use cases as the
    /// administrator would, under the given name; the audit log records it as the system.
    /// </summary>
    public IDisposable ActAsSystem(string name)
    {
        actingSystem = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Roles.Administrator)], "system"));
        return new Reset(() => actingSystem = null);
    }

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>A secretariat account (of <see cref="CountyId"/>): manages that county's data.</summary>
    public bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    /// <summary>A party official (of <see cref="PartyId"/>): acts for that party only.</summary>
    public bool IsPartyOfficial => User.IsInRole(Roles.PartyOfficial);

    /// <summary>
    /// Whether the menu offers a county's administration (accounts, the audit log, outgoing mail, people): to the
    /// secretariat and administrators; each of those pages still checks the county itself.
    /// </summary>
    public bool CanAdministerAccounts => IsAdministrator || IsSecretariat;

    /// <summary>Who is acting, as recorded on what they record.</summary>
    public string UserName => User.Identity?.Name ?? "okänd";

    /// <summary>Who is acting by name, as written in a fund's ledger and reports: the account's display name, else its user name.</summary>
    public string DisplayName => User.FindFirstValue(SamverkanClaims.DisplayName) ?? UserName;

    /// <summary>The account's id, by which its e-mail address is found.</summary>
    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The seat in a body the account is bound to, if it is a member's.</summary>
    public Guid? MembershipId => GuidClaim(SamverkanClaims.Membership);

    public Guid? CountyId => GuidClaim(SamverkanClaims.County);

    public Guid? PartyId => GuidClaim(SamverkanClaims.Party);

    public bool CanRead(Guid countyId) => IsAdministrator || (IsSignedIn && CountyId == countyId);

    public bool CanManage(Guid countyId) => IsAdministrator || (IsSecretariat && CountyId == countyId);

    public bool CanActFor(Guid countyId, Guid partyId) =>
        CanManage(countyId) || (IsPartyOfficial && CountyId == countyId && PartyId == partyId);

    /// <summary>
    /// Whether a named signatory, signed in, may sign their own place in a party's contract: a party official only on
    /// their own municipality's side; anybody else named (an elected representative, the region's official) in that place.
    /// </summary>
    public bool MaySignOwnPlace(Guid countyId, Guid contractPartyId, ContractSide side) =>
        CanRead(countyId) && (!IsPartyOfficial || (side == ContractSide.Municipality && PartyId == contractPartyId));

    /// <summary>The county with this code, if the user may read its data.</summary>
    public async Task<County> ReadCountyAsync(string countyCode, CancellationToken cancellationToken = default)
    {
        var county = await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == countyCode, cancellationToken)
            ?? throw new NotFoundException($"Det finns inget län med koden {countyCode}.");
        EnsureRead(county.Id);
        return county;
    }

    public void EnsureRead(Guid countyId)
    {
        if (!CanRead(countyId))
        {
            throw new ForbiddenException("Du har inte behörighet till det här länets uppgifter.");
        }
    }

    public void EnsureManage(Guid countyId)
    {
        if (!CanManage(countyId))
        {
            throw new ForbiddenException("Endast länets sekretariat kan göra den här ändringen.");
        }
    }

    /// <summary>For what only the secretariat may read (the audit log, the outgoing mail): a refusal to read says so.</summary>
    public void EnsureSecretariatReads(Guid countyId, string what)
    {
        if (!CanManage(countyId))
        {
            throw new ForbiddenException($"{what} kan bara läsas av länets sekretariat.");
        }
    }

    /// <summary>Counties and national reference data are the system administrator's alone.</summary>
    public void EnsureAdministrator(string what)
    {
        if (!IsAdministrator)
        {
            throw new ForbiddenException($"Endast systemadministratören kan {what}.");
        }
    }

    public void EnsureActFor(Guid countyId, Guid partyId)
    {
        if (!CanActFor(countyId, partyId))
        {
            throw new ForbiddenException("Du kan bara registrera beslut för den part du företräder.");
        }
    }

    private Guid? GuidClaim(string type) => Guid.TryParse(User.FindFirstValue(type), out var id) ? id : null;

    private sealed class Reset(Action reset) : IDisposable
    {
        public void Dispose() => reset();
    }
}
