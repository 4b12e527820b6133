using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Agreements;

/// <summary>Whose side a signatory of a contract signs for.</summary>
public enum ContractSide
{
    Region,
    Municipality,
}

/// <summary>Whether a signatory signs as an elected representative (förtroendevald) or an official (tjänsteperson).</summary>
public enum SignatoryCapacity
{
    Elected,
    Official,
}

public enum ContractStatus
{
    /// <summary>Nobody has signed yet.</summary>
    Unsigned,

    /// <summary>Some, not all, required signatories have signed.</summary>
    Signing,

    /// <summary>Every required signatory has signed.</summary>
    Complete,
}

/// <summary>
/// A municipality's own collaboration contract (samverkansavtal) under the common agreement (seeds 002, 003): what the
/// agreement means for that municipality, its own commitments, and the signatures of elected representatives and
/// officials of both the region and the municipality. It is complete only when every required signatory has signed.
/// </summary>
public sealed class PartyContract : ICountyOwned
{
    private readonly List<ContractSignatory> signatories = [];

    private PartyContract()
    {
        Meaning = string.Empty;
        Commitments = string.Empty;
    }

    /// <param name="signatories">The required signatories: at least one elected representative and one official of each side.</param>
    public PartyContract(Agreement agreement, Party party, string meaning, string commitments,
        IEnumerable<(ContractSide Side, SignatoryCapacity Capacity, string Name, string Role, Guid? PersonId)> signatories)
    {
        if (!agreement.IsParty(party.Id) || party.CountyId != agreement.CountyId)
        {
            throw new DomainRuleException("ContractParty", $"{party.Name} är inte part i överenskommelsen.");
        }

        if (party.Kind != PartyKind.Municipality)
        {
            throw new DomainRuleException("ContractParty", "Ett samverkansavtal tecknas mellan regionen och en kommun.");
        }

        Id = Guid.NewGuid();
        CountyId = agreement.CountyId;
        AgreementId = agreement.Id;
        PartyId = party.Id;
        Meaning = meaning?.Trim() ?? string.Empty;
        Commitments = commitments?.Trim() ?? string.Empty;
        foreach (var (side, capacity, name, role, personId) in signatories)
        {
            this.signatories.Add(new ContractSignatory(this, side, capacity, name, role, personId));
        }

        foreach (var side in Enum.GetValues<ContractSide>())
        {
            foreach (var capacity in Enum.GetValues<SignatoryCapacity>())
            {
                if (!this.signatories.Any(s => s.Side == side && s.Capacity == capacity))
                {
                    throw new DomainRuleException("ContractSignatories",
                        $"Avtalet ska undertecknas av både förtroendevalda och tjänstepersoner från region och kommun; {ContractLabels.Signatory(side, capacity).ToLowerInvariant()} saknas.");
                }
            }
        }
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid AgreementId { get; private set; }

    /// <summary>The municipality the contract is made with.</summary>
    public Guid PartyId { get; private set; }

    /// <summary>What the common agreement means for this municipality.</summary>
    public string Meaning { get; private set; }

    /// <summary>The municipality's own commitments.</summary>
    public string Commitments { get; private set; }

    /// <summary>The signed contract as a file in the document store (by its SHA-256), if one is attached.</summary>
    public string? DocumentHash { get; private set; }

    public string? DocumentFileName { get; private set; }

    public string? DocumentContentType { get; private set; }

    public long? DocumentSize { get; private set; }

    /// <summary>Raised by every change, so concurrent signatures are detected rather than overwritten.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ContractSignatory> Signatories => signatories;

    /// <summary>How many signatures the contract needs: one per required signatory.</summary>
    public int RequiredSignatures => signatories.Count;

    public int SignedCount => signatories.Count(s => s.SignedOn is not null);

    /// <summary>A contract is complete only when every required signatory has signed.</summary>
    public ContractStatus Status => SignedCount == 0 ? ContractStatus.Unsigned
        : signatories.All(s => s.SignedOn is not null) ? ContractStatus.Complete
        : ContractStatus.Signing;

    public bool IsComplete => Status == ContractStatus.Complete;

    /// <summary>
    /// Records a required signatory's signature. <paramref name="name"/> and <paramref name="role"/>, when given, are
    /// who actually signed in that place (e.g. an acting chair); otherwise the named signatory signed.
    /// </summary>
    public ContractSignatory Sign(Guid signatoryId, DateOnly signedOn, string recordedBy, DateOnly today, string? name = null, string? role = null)
    {
        var signatory = signatories.FirstOrDefault(s => s.Id == signatoryId)
            ?? throw new DomainRuleException("SignatoryMissing", "Undertecknaren finns inte bland avtalets undertecknare.");
        if (signatory.SignedOn is not null)
        {
            throw new DomainRuleException("SignatureTwice", $"{signatory.Name} har redan undertecknat avtalet ({SwedishText.Date(signatory.SignedOn.Value)}).", RuleSeverity.Conflict);
        }

        if (signedOn > today)
        {
            throw new DomainRuleException("SignatureDate", "Datumet för underskriften kan inte ligga i framtiden.");
        }

        signatory.Signed(signedOn, recordedBy, name, role);
        Version++;
        return signatory;
    }

    /// <summary>The texts can be changed until somebody has signed: a signature is given to a text.</summary>
    public void EditTexts(string meaning, string commitments)
    {
        if (SignedCount > 0)
        {
            throw new DomainRuleException("ContractSigned", "Avtalet har börjat undertecknas och dess text kan inte längre ändras.", RuleSeverity.Conflict);
        }

        Meaning = meaning?.Trim() ?? string.Empty;
        Commitments = commitments?.Trim() ?? string.Empty;
        Version++;
    }

    public void AttachDocument(string fileName, string contentType, string hash, long size)
    {
        DocumentFileName = fileName;
        DocumentContentType = contentType;
        DocumentHash = hash;
        DocumentSize = size;
        Version++;
    }

    /// <summary>The contract for the same municipality under the next agreement: the same texts and signatories, nobody signed.</summary>
    public PartyContract ForNext(Agreement next, Party party) =>
        new(next, party, Meaning, Commitments, signatories.Select(s => (s.Side, s.Capacity, s.NamedName, s.NamedRole, s.PersonId)));
}

/// <summary>A required signatory of a contract and, once signed, the signature: name, role, side and date.</summary>
public sealed class ContractSignatory : ICountyOwned
{
    private ContractSignatory()
    {
        Name = string.Empty;
        Role = string.Empty;
        NamedName = string.Empty;
        NamedRole = string.Empty;
    }

    internal ContractSignatory(PartyContract contract, ContractSide side, SignatoryCapacity capacity, string name, string role, Guid? personId)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(role))
        {
            throw new DomainRuleException("SignatoryName", "Ange undertecknarens namn och roll.");
        }

        Id = Guid.NewGuid();
        ContractId = contract.Id;
        CountyId = contract.CountyId;
        Side = side;
        Capacity = capacity;
        Name = NamedName = name.Trim();
        Role = NamedRole = role.Trim();
        PersonId = personId;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid CountyId { get; private set; }

    public ContractSide Side { get; private set; }

    public SignatoryCapacity Capacity { get; private set; }

    /// <summary>Who signed, or is to sign: the named signatory until somebody else signs in their place.</summary>
    public string Name { get; private set; }

    public string Role { get; private set; }

    /// <summary>Who the contract names to sign here.</summary>
    public string NamedName { get; private set; }

    public string NamedRole { get; private set; }

    /// <summary>The named signatory as a person of the county, so that they can sign themself when signed in.</summary>
    public Guid? PersonId { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>Who recorded the signature: the secretariat's account or the signatory's own.</summary>
    public string? RecordedBy { get; private set; }

    internal void Signed(DateOnly signedOn, string recordedBy, string? name, string? role)
    {
        SignedOn = signedOn;
        RecordedBy = recordedBy;
        if (!string.IsNullOrWhiteSpace(name))
        {
            Name = name.Trim();
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            Role = role.Trim();
        }
    }
}

public static class ContractLabels
{
    public static string Status(ContractStatus status) => status switch
    {
        ContractStatus.Unsigned => "Ej undertecknat",
        ContractStatus.Signing => "Underskrifter saknas",
        ContractStatus.Complete => "Undertecknat av alla",
        _ => status.ToString(),
    };

    public static string Side(ContractSide side) => side == ContractSide.Region ? "Regionen" : "Kommunen";

    public static string Signatory(ContractSide side, SignatoryCapacity capacity) =>
        $"{(capacity == SignatoryCapacity.Elected ? "Förtroendevald" : "Tjänsteperson")} för {(side == ContractSide.Region ? "regionen" : "kommunen")}";
}
