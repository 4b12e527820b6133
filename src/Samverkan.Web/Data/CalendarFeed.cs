using System.Security.Cryptography;
using Samverkan.Domain.Common;

namespace Samverkan.Web.Data;

/// <summary>
/// A calendar subscription whose URL carries a secret token: per body (all its meetings) or per person (the meetings
/// of every body the person sits in). Calendar programs cannot log in, so the token is the key; a new token revokes it.
/// </summary>
public sealed class CalendarFeed : ICountyOwned
{
    private CalendarFeed()
    {
        Token = string.Empty;
    }

    public CalendarFeed(Guid countyId, Guid? bodyId, Guid? personId)
    {
        Id = Guid.NewGuid();
        CountyId = countyId;
        BodyId = bodyId;
        PersonId = personId;
        Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid? BodyId { get; private set; }

    public Guid? PersonId { get; private set; }

    public string Token { get; private set; }
}
