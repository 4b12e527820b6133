using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Admin;

/// <summary>An account as the administration lists it.</summary>
public sealed record AccountRow(string Id, string UserName, string DisplayName, string? Email, string? CountyCode, string Role, string? PartyName, string? PersonName,
    bool Disabled, bool HasPassword);

/// <summary>What an invitation asks for: the role and what it is bound to.</summary>
public sealed record InviteRequest(string? UserName, string? DisplayName, string? Email, string? Role, string? CountyCode, Guid? PartyId, Guid? MembershipId);

/// <summary>
/// Accounts without database commands: the system administrator manages every account, a county's secretariat the
/// accounts of its own county (never administrators). An invitation e-mails a one-time link to set the password; a
/// reset does the same and ends the account's sessions; disabling ends them at once. Every change is audited.
/// </summary>
public sealed class AccountAdmin(AppDbContext db, UserManager<AppUser> users, Access access, TimeProvider time, IHttpContextAccessor http,
    Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp)
{
    public static readonly string[] AssignableRoles = [Roles.Secretariat, Roles.PartyOfficial, Roles.Member];

    public async Task<IReadOnlyList<AccountRow>> ListAsync(Guid? countyId, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (!access.IsAdministrator)
        {
            countyId = access.CountyId ?? throw new ForbiddenException("Kontona kan bara hanteras av sekretariatet och systemadministratören.");
        }

        if (countyId is { } c)
        {
            query = query.Where(u => u.CountyId == c);
        }

        var accounts = await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Code, cancellationToken);
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var seats = await db.Memberships.AsNoTracking().Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, Name = p.FirstName + " " + p.LastName })
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var now = time.GetUtcNow();
        return accounts.Select(u => new AccountRow(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Email,
            u.CountyId is { } cid ? counties.GetValueOrDefault(cid) : null,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? string.Empty,
            u.PartyId is { } pid ? parties.GetValueOrDefault(pid) : null,
            u.MembershipId is { } mid ? seats.GetValueOrDefault(mid) : null,
            u.LockoutEnd is { } end && end > now, u.PasswordHash is not null)).ToList();
    }

    /// <summary>Creates the account without a password and e-mails a one-time link to set it.</summary>
    public async Task<AppUser> InviteAsync(InviteRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 100 || !request.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors["userName"] = ["Användarnamnet är 1–100 tecken: bokstäver a–z, siffror, punkt, bindestreck eller understreck."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors["displayName"] = ["Ange namnet som visas, till exempel \"Anna Berg, Sala kommun\"."];
        }

        if (string.IsNullOrWhiteSpace(request.Email) || !System.Net.Mail.MailAddress.TryCreate(request.Email.Trim(), out _))
        {
            errors["email"] = ["Ange en giltig e-postadress; inbjudan skickas dit."];
        }

        if (request.Role is null || !AssignableRoles.Contains(request.Role))
        {
            errors["role"] = ["Välj roll: sekretariat, tjänsteperson eller ledamot."];
        }

        var county = await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == request.CountyCode, cancellationToken);
        if (county is null)
        {
            errors["countyCode"] = ["Välj län."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        access.EnsureManage(county!.Id);
        var user = new AppUser { UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), Email = request.Email!.Trim(), CountyId = county.Id };
        await BindAsync(user, request.Role!, county.Id, request.PartyId, request.MembershipId, cancellationToken);
        if (await users.FindByNameAsync(user.UserName) is not null)
        {
            throw new DomainRuleException("AccountExists", $"Det finns redan ett konto med användarnamnet {user.UserName}.", RuleSeverity.Conflict);
        }

        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, request.Role!));
        await SendLinkAsync(user, invitation: true, cancellationToken);
        Audit(user, "Added", null, Snapshot(user, request.Role!));
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public async Task SetRoleAsync(string id, string role, Guid? partyId, Guid? membershipId, CancellationToken cancellationToken = default)
    {
        if (!AssignableRoles.Contains(role))
        {
            throw InputValidationException.For("role", "Välj roll: sekretariat, tjänsteperson eller ledamot.");
        }

        var user = await ManagedAsync(id, cancellationToken);
        var before = Snapshot(user, await RoleOfAsync(user));
        await BindAsync(user, role, user.CountyId!.Value, partyId, membershipId, cancellationToken);
        foreach (var old in await users.GetRolesAsync(user))
        {
            Check(await users.RemoveFromRoleAsync(user, old));
        }

        Check(await users.AddToRoleAsync(user, role));
        Check(await users.UpdateAsync(user));
        await users.UpdateSecurityStampAsync(user);
        Audit(user, "Modified", before, Snapshot(user, role));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await ManagedAsync(id, cancellationToken);
        var role = await RoleOfAsync(user);
        var before = Snapshot(user, role);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await users.UpdateSecurityStampAsync(user);
        Audit(user, "Modified", before, Snapshot(user, role));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the account's sessions and e-mails a new one-time link to set the password.</summary>
    public async Task ResetAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await ManagedAsync(id, cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        await SendLinkAsync(user, invitation: false, cancellationToken);
        Audit(user, "Modified", null, JsonSerializer.Serialize(new { Lösenord = "återställningslänk skickad" }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<AppUser> ManagedAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Kontot finns inte.");
        if (await users.IsInRoleAsync(user, Roles.Administrator))
        {
            throw new ForbiddenException("Systemadministratörens konto ändras inte här.");
        }

        access.EnsureManage(user.CountyId ?? throw new ForbiddenException("Kontot hör inte till något län."));
        _ = cancellationToken;
        return user;
    }

    /// <summary>A party official acts for one party of the county; a member account belongs to a seat in one of its bodies.</summary>
    private async Task BindAsync(AppUser user, string role, Guid countyId, Guid? partyId, Guid? membershipId, CancellationToken cancellationToken)
    {
        user.PartyId = null;
        user.MembershipId = null;
        if (role == Roles.PartyOfficial)
        {
            if (partyId is null || !await db.Parties.AnyAsync(p => p.Id == partyId && p.CountyId == countyId, cancellationToken))
            {
                throw InputValidationException.For("partyId", "Välj den part i länet som tjänstepersonen företräder.");
            }

            user.PartyId = partyId;
        }
        else if (role == Roles.Member)
        {
            if (membershipId is null || !await db.Memberships.AnyAsync(m => m.Id == membershipId && db.Bodies.Any(b => b.Id == m.BodyId && b.CountyId == countyId), cancellationToken))
            {
                throw InputValidationException.For("membershipId", "Välj ledamotens uppdrag i ett av länets organ.");
            }

            user.MembershipId = membershipId;
        }
    }

    private async Task SendLinkAsync(AppUser user, bool invitation, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var request = http.HttpContext?.Request;
        var link = $"{(request is null ? string.Empty : PublicBase.Of(request))}/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";
        var text = invitation
            ? $"Hej {user.DisplayName}!\n\nDu har fått ett konto i Samverkan med användarnamnet {user.UserName}.\nVälj ditt lösenord här (länken gäller i tre dagar och kan användas en gång):\n\n{link}\n"
            : $"Hej {user.DisplayName}!\n\nLösenordet till ditt konto {user.UserName} i Samverkan har återställts och alla dina inloggningar har avslutats.\nVälj ett nytt lösenord här (länken gäller i tre dagar och kan användas en gång):\n\n{link}\n";
        Outbox.Enqueue(db, time, user.CountyId, user.Email!, invitation ? "Ditt konto i Samverkan" : "Nytt lösenord till Samverkan", text);
        await Task.CompletedTask;
        _ = cancellationToken;
        _ = smtp;
    }

    private async Task<string> RoleOfAsync(AppUser user) => (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty;

    private string Snapshot(AppUser user, string role) => JsonSerializer.Serialize(new SortedDictionary<string, object?>
    {
        ["UserName"] = user.UserName, ["DisplayName"] = user.DisplayName, ["Email"] = user.Email, ["Role"] = Roles.Label(role),
        ["PartyId"] = user.PartyId, ["MembershipId"] = user.MembershipId, ["Disabled"] = user.LockoutEnd is { } end && end > time.GetUtcNow(),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void Audit(AppUser user, string action, string? before, string after)
    {
        var principal = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            CountyId = user.CountyId,
            UserId = principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            UserName = principal?.Identity?.Name ?? "system",
            EntityType = "Account",
            EntityId = user.Id,
            Action = action,
            Before = before,
            After = after,
        });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException("Account", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
