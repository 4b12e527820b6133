using Microsoft.AspNetCore.Identity;

namespace Samverkan.Web.Data;

/// <summary>An account. Secretariat, party officials and members are bound to one county; administrators are not.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public Guid? CountyId { get; set; }

    /// <summary>The party a party official acts for.</summary>
    public Guid? PartyId { get; set; }

    /// <summary>The membership a member account belongs to.</summary>
    public Guid? MembershipId { get; set; }
}
