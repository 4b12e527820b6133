using Samverkan.Domain.Common;

namespace Samverkan.Domain.Counties;

/// <summary>An elected representative or official who sits in a body.</summary>
public sealed class Person : ICountyOwned
{
    private Person()
    {
        FirstName = string.Empty;
        LastName = string.Empty;
    }

    public Person(Guid countyId, string firstName, string lastName, string? email)
    {
        if (string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName))
        {
            throw new DomainRuleException("PersonName", "En person måste ha både förnamn och efternamn.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The region or municipality the person belongs to (elected in, or employed by).</summary>
    public Guid? PartyId { get; private set; }

    /// <summary>The political party of an elected representative, e.g. "S" or "M"; none for an official.</summary>
    public string? PoliticalParty { get; private set; }

    /// <summary>Elected representative (förtroendevald) or official (tjänsteperson).</summary>
    public bool IsElected { get; private set; } = true;

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Changes the person's details; the organisation must be a party of the same county (checked by the caller).</summary>
    public void Update(string firstName, string lastName, string? email, Guid? partyId, string? politicalParty, bool isElected)
    {
        if (string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName))
        {
            throw new DomainRuleException("PersonName", "En person måste ha både förnamn och efternamn.");
        }

        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        PartyId = partyId;
        IsElected = isElected;
        PoliticalParty = isElected && !string.IsNullOrWhiteSpace(politicalParty) ? politicalParty.Trim() : null;
    }
}
