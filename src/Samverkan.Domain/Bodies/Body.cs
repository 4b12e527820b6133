using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Bodies;

/// <summary>A political or officials' body of the collaboration, with its rules, terms and members.</summary>
public sealed class Body : ICountyOwned
{
    private readonly List<TermOfOffice> terms = [];
    private readonly List<Membership> memberships = [];

    private Body()
    {
        Name = string.Empty;
        Rules = BodyRules.Default;
    }

    public Body(Guid countyId, BodyKind kind, string name, string? shortName, BodyRules rules, Guid? ownerPartyId, Guid? parentBodyId = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("BodyName", "Organet måste ha ett namn.");
        }

        if (rules.MinMembers is { } min && rules.MaxMembers is { } max && min > max)
        {
            throw new DomainRuleException("BodyRules", "Lägsta antalet ledamöter kan inte vara större än högsta antalet.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Kind = kind;
        Name = name.Trim();
        ShortName = shortName;
        Rules = rules;
        OwnerPartyId = ownerPartyId;
        ParentBodyId = parentBodyId;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public BodyKind Kind { get; private set; }

    public string Name { get; private set; }

    public string? ShortName { get; private set; }

    public BodyRules Rules { get; private set; }

    /// <summary>The party the body belongs to (e.g. the SRB is attached to the regional board); none when owned by the whole county.</summary>
    public Guid? OwnerPartyId { get; private set; }

    /// <summary>The body this one serves, e.g. PKD for its working committee, the SRB for a collaboration group.</summary>
    public Guid? ParentBodyId { get; private set; }

    /// <summary>Raised by every change to the aggregate, so concurrent edits are detected rather than overwritten.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TermOfOffice> Terms => terms;

    public IReadOnlyList<Membership> Memberships => memberships;

    public TermOfOffice? TermOn(DateOnly date) => terms.FirstOrDefault(t => t.Covers(date));

    public TermOfOffice AddTerm(DateOnly startsOn, DateOnly endsOn, string? deviationReference = null)
    {
        if (terms.Any(t => t.StartsOn <= endsOn && startsOn <= t.EndsOn))
        {
            throw new DomainRuleException("TermOverlap", "Mandatperioden överlappar en befintlig mandatperiod.", RuleSeverity.Conflict);
        }

        var term = new TermOfOffice(this, startsOn, endsOn, deviationReference);
        terms.Add(term);
        Version++;
        return term;
    }

    public Membership AddMembership(Person person, Party appointingParty, MembershipRole role, PoliticalParty? politicalParty,
        PoliticalSide? side, QualifyingOffice office, string? officeTitle, DateOnly from, DateOnly? to)
    {
        if (person.CountyId != CountyId || appointingParty.CountyId != CountyId)
        {
            throw new DomainRuleException("MembershipCounty", "Personen och den utseende parten måste höra till samma län som organet.");
        }

        if (role == MembershipRole.Substitute && !Rules.AllowsSubstitutes)
        {
            throw new DomainRuleException("NoSubstitutes", $"{Name} har inga ersättare.");
        }

        if (memberships.Any(m => m.PersonId == person.Id && Overlaps(m, from, to)))
        {
            throw new DomainRuleException("MembershipTwice", $"{person.FullName} har redan ett uppdrag i {Name} under perioden.", RuleSeverity.Conflict);
        }

        var membership = new Membership(this, person, appointingParty, role, politicalParty, side, office, officeTitle, from, to);
        memberships.Add(membership);
        Version++;
        return membership;
    }

    public void EndMembership(Guid membershipId, DateOnly on)
    {
        var membership = memberships.FirstOrDefault(m => m.Id == membershipId)
            ?? throw new DomainRuleException("MembershipMissing", "Uppdraget finns inte i organet.");
        membership.End(on);
        Version++;
    }

    public IEnumerable<Membership> ActiveMemberships(DateOnly date) => memberships.Where(m => m.IsActiveOn(date));

    private static bool Overlaps(Membership m, DateOnly from, DateOnly? to) =>
        m.From <= (to ?? DateOnly.MaxValue) && from <= (m.To ?? DateOnly.MaxValue);
}
