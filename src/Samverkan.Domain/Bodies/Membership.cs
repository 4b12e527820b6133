using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Bodies;

/// <summary>A person's seat in a body: appointed by a party, in a role, for a period.</summary>
public sealed class Membership : ICountyOwned
{
    private Membership()
    {
    }

    internal Membership(Body body, Person person, Party appointingParty, MembershipRole role, PoliticalParty? politicalParty,
        PoliticalSide? side, QualifyingOffice office, string? officeTitle, DateOnly from, DateOnly? to)
    {
        if (to is { } end && end < from)
        {
            throw new DomainRuleException("MembershipPeriod", "Uppdraget kan inte sluta innan det börjar.");
        }

        Id = Guid.NewGuid();
        BodyId = body.Id;
        CountyId = body.CountyId;
        PersonId = person.Id;
        Person = person;
        AppointingPartyId = appointingParty.Id;
        AppointingParty = appointingParty;
        Role = role;
        PoliticalPartyId = politicalParty?.Id;
        PoliticalParty = politicalParty;
        Side = side;
        Office = office;
        OfficeTitle = string.IsNullOrWhiteSpace(officeTitle) ? null : officeTitle.Trim();
        From = from;
        To = to;
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PersonId { get; private set; }

    public Person? Person { get; private set; }

    public Guid AppointingPartyId { get; private set; }

    public Party? AppointingParty { get; private set; }

    public MembershipRole Role { get; private set; }

    public Guid? PoliticalPartyId { get; private set; }

    public PoliticalParty? PoliticalParty { get; private set; }

    public PoliticalSide? Side { get; private set; }

    public QualifyingOffice Office { get; private set; }

    /// <summary>Free text for the qualifying office when the enumeration is not enough.</summary>
    public string? OfficeTitle { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool IsActiveOn(DateOnly date) => From <= date && (To is null || date <= To);

    /// <summary>Co-opted experts attend and speak but are never counted as members; substitutes only stand in.</summary>
    public bool CountsAsMember => Role is not (MembershipRole.CoOptedExpert or MembershipRole.Substitute);

    internal void End(DateOnly on)
    {
        if (on < From)
        {
            throw new DomainRuleException("MembershipEnd", "Uppdraget kan inte avslutas före sitt startdatum.");
        }

        To = on;
    }

    internal void ChangeRole(MembershipRole role) => Role = role;
}
