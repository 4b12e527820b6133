using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Agreements;

/// <summary>A party to an agreement.</summary>
public sealed class AgreementParty : ICountyOwned
{
    private AgreementParty()
    {
    }

    internal AgreementParty(Agreement agreement, Party party)
    {
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        PartyId = party.Id;
        Party = party;
    }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public Party? Party { get; private set; }
}

/// <summary>A council's decision to adopt the agreement or one of its amendments, e.g. "KF 2023-03-27 § 45".</summary>
public sealed class Adoption : ICountyOwned
{
    private Adoption()
    {
        Reference = string.Empty;
    }

    internal Adoption(Agreement agreement, Guid partyId, Guid? amendmentId, Guid? supplementId, DateOnly decidedOn, string reference)
    {
        Id = Guid.NewGuid();
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        PartyId = partyId;
        AmendmentId = amendmentId;
        SupplementId = supplementId;
        DecidedOn = decidedOn;
        Reference = reference;
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    /// <summary>None when the agreement itself was adopted.</summary>
    public Guid? AmendmentId { get; private set; }

    /// <summary>Set when a supplement (such as the one creating a shared fund) was adopted.</summary>
    public Guid? SupplementId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Reference { get; private set; }
}

/// <summary>A proposed change to the agreement's text; pending until every council has adopted it.</summary>
public sealed class Amendment : ICountyOwned
{
    private Amendment()
    {
        Title = string.Empty;
        Text = string.Empty;
    }

    internal Amendment(Agreement agreement, string title, string text, DateOnly proposedOn)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("AmendmentTitle", "Ändringen måste ha en rubrik.");
        }

        Id = Guid.NewGuid();
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        Title = title.Trim();
        Text = text;
        ProposedOn = proposedOn;
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The whole text of the agreement as amended.</summary>
    public string Text { get; private set; }

    public DateOnly ProposedOn { get; private set; }
}

/// <summary>A party's decision to leave; it ends the agreement for everyone from <see cref="EffectiveOn"/>.</summary>
public sealed class Withdrawal : ICountyOwned
{
    private Withdrawal()
    {
        Reference = string.Empty;
    }

    internal Withdrawal(Agreement agreement, Guid partyId, DateOnly decidedOn, DateOnly effectiveOn, string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("WithdrawalReference", "Ange uppsägningsbeslutets referens.");
        }

        Id = Guid.NewGuid();
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        PartyId = partyId;
        DecidedOn = decidedOn;
        EffectiveOn = effectiveOn;
        Reference = reference.Trim();
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public string Reference { get; private set; }
}

/// <summary>A supplement (tillägg) to the agreement, such as Värmland's shared-fund agreement.</summary>
public sealed class Supplement : ICountyOwned
{
    private Supplement()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    internal Supplement(Agreement agreement, string title, string description, DateOnly validFrom, string? reference, DateOnly? adoptionDeadline)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("SupplementTitle", "Tillägget måste ha en rubrik.");
        }

        Id = Guid.NewGuid();
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        Title = title.Trim();
        Description = description;
        ValidFrom = validFrom;
        Reference = reference;
        AdoptionDeadline = adoptionDeadline;
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public string? Reference { get; private set; }

    /// <summary>The day by which every council was asked to decide (Värmland: the end of 2021).</summary>
    public DateOnly? AdoptionDeadline { get; private set; }
}

/// <summary>An adoption struck out as recorded in error: what it said, why it was struck, when and by whom.</summary>
public sealed class StruckAdoption : ICountyOwned
{
    private StruckAdoption()
    {
        Reference = string.Empty;
        Reason = string.Empty;
        StruckBy = string.Empty;
    }

    internal StruckAdoption(Agreement agreement, Adoption adoption, string reason, DateOnly struckOn, string struckBy)
    {
        Id = Guid.NewGuid();
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        PartyId = adoption.PartyId;
        AmendmentId = adoption.AmendmentId;
        SupplementId = adoption.SupplementId;
        DecidedOn = adoption.DecidedOn;
        Reference = adoption.Reference;
        Reason = reason;
        StruckOn = struckOn;
        StruckBy = struckBy;
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public Guid? AmendmentId { get; private set; }

    public Guid? SupplementId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Reference { get; private set; }

    public string Reason { get; private set; }

    public DateOnly StruckOn { get; private set; }

    public string StruckBy { get; private set; }
}
