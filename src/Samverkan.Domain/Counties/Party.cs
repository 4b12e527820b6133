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

    /// <summary>
    /// A party as the county adds it; the organisation number may wait (a party added from the reference list has
    /// none until the secretariat enters it), but nothing is invoiced to a party without one.
    /// </summary>
    public Party(Guid countyId, PartyKind kind, string name, string? municipalityCode, string? organisationNumber)
    {
        if (kind == PartyKind.Municipality && (municipalityCode is null || municipalityCode.Length != 4 || !municipalityCode.All(char.IsAsciiDigit)))
        {
            throw new DomainRuleException("MunicipalityCode", $"Kommunkoden för {name} ska bestå av fyra siffror.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Kind = kind;
        MunicipalityCode = kind == PartyKind.Municipality ? municipalityCode : null;
        Name = string.Empty;
        OrganisationNumber = string.Empty;
        CouncilName = string.Empty;
        ExecutiveBoardName = string.Empty;
        Describe(name, organisationNumber, kind == PartyKind.Region ? "Regionfullmäktige" : "Kommunfullmäktige",
            kind == PartyKind.Region ? "Regionstyrelsen" : "Kommunstyrelsen");
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public PartyKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Four digits, e.g. 1980 for Västerås; none for a region.</summary>
    public string? MunicipalityCode { get; private set; }

    /// <summary>Swedish organisation number, NNNNNN-NNNN; empty until the county has entered it.</summary>
    public string OrganisationNumber { get; private set; }

    /// <summary>The council that adopts agreements for the party (kommunfullmäktige, regionfullmäktige).</summary>
    public string CouncilName { get; private set; }

    /// <summary>The board that receives minutes (kommunstyrelsen, regionstyrelsen).</summary>
    public string ExecutiveBoardName { get; private set; }

    /// <summary>The registry's address (registrator), where dispatched minutes and other formal mail go.</summary>
    public string? RegistryEmail { get; private set; }

    /// <summary>The party's address in the Peppol network (e.g. 0007:2120001234 or a GLN, 0088:7300000000000), where e-invoices go.</summary>
    public string? PeppolId { get; private set; }

    /// <summary>The reference the party asks its invoices to carry (beställarreferens), e.g. its cost centre.</summary>
    public string? BuyerReference { get; private set; }

    /// <summary>Raised by every change, so two secretaries editing the same party at once are told rather than overwritten.</summary>
    public int Version { get; private set; }

    public bool HasOrganisationNumber => OrganisationNumber.Length > 0;

    public void SetRegistryEmail(string? email) => RegistryEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();

    /// <summary>The party's name, organisation number and bodies as the county records them.</summary>
    public void Describe(string name, string? organisationNumber, string councilName, string executiveBoardName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("PartyName", "Parten måste ha ett namn.");
        }

        if (!string.IsNullOrWhiteSpace(organisationNumber) && !Counties.OrganisationNumber.IsValid(organisationNumber))
        {
            throw new DomainRuleException("OrganisationNumber", $"Organisationsnumret '{organisationNumber}' för {name} är inte giltigt.");
        }

        if (string.IsNullOrWhiteSpace(councilName) || string.IsNullOrWhiteSpace(executiveBoardName))
        {
            throw new DomainRuleException("PartyBodies", $"Ange fullmäktiges och styrelsens namn för {name}.");
        }

        Name = name.Trim();
        OrganisationNumber = string.IsNullOrWhiteSpace(organisationNumber) ? string.Empty : Counties.OrganisationNumber.Normalise(organisationNumber);
        CouncilName = councilName.Trim();
        ExecutiveBoardName = executiveBoardName.Trim();
        Version++;
    }

    /// <summary>Where formal mail and invoices go: the registry's e-mail address, the Peppol id and the buyer's reference.</summary>
    public void SetAddresses(string? registryEmail, string? peppolId, string? buyerReference)
    {
        SetRegistryEmail(registryEmail);
        PeppolId = string.IsNullOrWhiteSpace(peppolId) ? null : peppolId.Trim();
        BuyerReference = string.IsNullOrWhiteSpace(buyerReference) ? null : buyerReference.Trim();
        Version++;
    }
}
