using Samverkan.Domain.Common;

namespace Samverkan.Domain.Counties;

public enum PartyKind
{
    Region,
    Municipality,
}

/// <summary>A party to the collaboration: the region or one of the county's municipalities.</summary>
public sealed class Party : ICountyOwned
{
    private Party()
    {
        Name = string.Empty;
        OrganisationNumber = string.Empty;
        CouncilName = string.Empty;
        ExecutiveBoardName = string.Empty;
    }

    public Party(Guid countyId, PartyKind kind, string name, string? municipalityCode, string organisationNumber)
    {
        if (kind == PartyKind.Municipality && (municipalityCode is null || municipalityCode.Length != 4 || !municipalityCode.All(char.IsAsciiDigit)))
        {
            throw new DomainRuleException("MunicipalityCode", $"Kommunkoden för {name} ska bestå av fyra siffror.");
        }

        if (!Counties.OrganisationNumber.IsValid(organisationNumber))
        {
            throw new DomainRuleException("OrganisationNumber", $"Organisationsnumret '{organisationNumber}' för {name} är inte giltigt.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Kind = kind;
        Name = name;
        MunicipalityCode = kind == PartyKind.Municipality ? municipalityCode : null;
        OrganisationNumber = Counties.OrganisationNumber.Normalise(organisationNumber);
        CouncilName = kind == PartyKind.Region ? "Regionfullmäktige" : "Kommunfullmäktige";
        ExecutiveBoardName = kind == PartyKind.Region ? "Regionstyrelsen" : "Kommunstyrelsen";
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public PartyKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Four digits, e.g. 1980 for Västerås; none for a region.</summary>
    public string? MunicipalityCode { get; private set; }

    /// <summary>Swedish organisation number, NNNNNN-NNNN.</summary>
    public string OrganisationNumber { get; private set; }

    /// <summary>The council that adopts agreements for the party (kommunfullmäktige, regionfullmäktige).</summary>
    public string CouncilName { get; private set; }

    /// <summary>The board that receives minutes (kommunstyrelsen, regionstyrelsen).</summary>
    public string ExecutiveBoardName { get; private set; }

    /// <summary>The registry's address (registrator), where dispatched minutes and other formal mail go.</summary>
    public string? RegistryEmail { get; private set; }

    public void SetRegistryEmail(string? email) => RegistryEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
