using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

/// <summary>Whether a member attended; each party pays its own members' fees from this (seed 001 §5).</summary>
public sealed class Attendance : ICountyOwned
{
    private Attendance()
    {
    }

    internal Attendance(Minutes minutes, Membership member, bool present)
    {
        Id = Guid.NewGuid();
        MinutesId = minutes.Id;
        CountyId = minutes.CountyId;
        MembershipId = member.Id;
        Present = present;
    }

    public Guid Id { get; private set; }

    public Guid MinutesId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid MembershipId { get; private set; }

    public bool Present { get; private set; }
}
