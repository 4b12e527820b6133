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

    public string FullName => $"{FirstName} {LastName}";
}
