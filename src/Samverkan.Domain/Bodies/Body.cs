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

        EnsureCoherent(rules);
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

    /// <summary>The agreement whose collaboration the body serves, if it serves one.</summary>
    public Guid? AgreementId { get; private set; }

    public void ServeAgreement(Guid? agreementId)
    {
        AgreementId = agreementId;
        Version++;
    }

    /// <summary>The county changes its body's rules (a new reglemente): from now on every check reads the new rules.</summary>
    public void ChangeRules(BodyRules rules)
    {
        EnsureCoherent(rules);
        if (rules.MembersFrom.Any(s => s.BodyId == Id))
        {
            throw new DomainRuleException("MembersFromItself", $"{Name} kan inte hämta ledamöter ur sig själv.");
        }

        Rules = rules;
        Version++;
    }

    public void Rename(string name, string? shortName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("BodyName", "Organet måste ha ett namn.");
        }

        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim();
        Version++;
    }

    private static void EnsureCoherent(BodyRules rules)
    {
        if (rules.MinMembers is { } min && rules.MaxMembers is { } max && min > max)
        {
            throw new DomainRuleException("BodyRules", "Lägsta antalet ledamöter kan inte vara större än högsta antalet.");
        }

        if (rules.RegionMinSeats is { } low && rules.RegionMaxSeats is { } high && low > high)
        {
            throw new DomainRuleException("BodyRules", "Regionens lägsta antal ledamöter kan inte vara större än dess högsta.");
        }

        if (rules.AdvisoryOnly && rules.SetsUpCollaborationGroups)
        {
            throw new DomainRuleException("BodyRules", "Ett rådgivande organ fattar inga beslut och kan därför inte inrätta samverkansgrupper.");
        }
    }

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

    /// <summary>Sweden's general elections: every fourth year from 2022 (2026, 2030 ...); a term starts on 1 January after one.</summary>
    public const int ElectionYear = 2022;

    /// <summary>The term after the latest one: from the day after it ends to 31 December of the next election year.</summary>
    public (DateOnly StartsOn, DateOnly EndsOn)? NextTermDates()
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var start = terms.Max(t => t.EndsOn).AddDays(1);
        var election = start.Year + ((ElectionYear - start.Year) % 4 + 4) % 4;
        return (start, new DateOnly(election, 12, 31));
    }

    /// <summary>
    /// Opens the next term of office. With <paramref name="copySeats"/> every seat held on the last day of the current
    /// term is copied into the new term as a starting point; the secretariat then changes what the parties decide.
    /// </summary>
    public TermOfOffice OpenNextTerm(bool copySeats)
    {
        var (start, end) = NextTermDates() ?? throw new DomainRuleException("TermOfOffice", $"{Name} har ingen mandatperiod att fortsätta från.");
        var last = start.AddDays(-1);
        var term = AddTerm(start, end);
        if (copySeats)
        {
            foreach (var seat in memberships.Where(m => m.IsActiveOn(last)).ToList())
            {
                memberships.Add(new Membership(this, seat.Person!, seat.AppointingParty!, seat.Role, seat.PoliticalParty, seat.Side, seat.Office, seat.OfficeTitle, start, end));
            }
        }

        Version++;
        return term;
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
