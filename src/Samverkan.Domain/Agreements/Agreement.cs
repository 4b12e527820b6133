using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Agreements;

/// <summary>
/// The collaboration agreement (överenskommelse) between the region and the municipalities (seed 001 §1, §7; 002; 004).
/// It is in force once every party's council has adopted it and its start date is reached; an amendment needs
/// every council too; a withdrawal by any party ends it.
/// </summary>
public sealed partial class Agreement : ICountyOwned
{
    private readonly List<AgreementParty> parties = [];
    private readonly List<Adoption> adoptions = [];
    private readonly List<Amendment> amendments = [];
    private readonly List<Withdrawal> withdrawals = [];
    private readonly List<Supplement> supplements = [];
    private readonly List<RelevanceReview> reviews = [];
    private readonly List<StruckAdoption> struck = [];

    private Agreement()
    {
        Title = string.Empty;
        Text = string.Empty;
    }

    public Agreement(Guid countyId, string title, string text, DateOnly validFrom, DateOnly? validTo, string? caseNumber, IEnumerable<Party> parties)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("AgreementTitle", "Överenskommelsen måste ha en rubrik.");
        }

        if (validTo is { } end && end < validFrom)
        {
            throw new DomainRuleException("AgreementPeriod", "Slutdatumet kan inte ligga före startdatumet.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Title = title.Trim();
        Text = text;
        ValidFrom = validFrom;
        ValidTo = validTo;
        CaseNumber = caseNumber;
        foreach (var party in parties)
        {
            if (party.CountyId != countyId)
            {
                throw new DomainRuleException("AgreementPartyCounty", $"{party.Name} hör inte till länet.");
            }

            this.parties.Add(new AgreementParty(this, party));
        }

        if (this.parties.Count < 2)
        {
            throw new DomainRuleException("AgreementParties", "En överenskommelse måste ha minst två parter.");
        }

        foreach (var year in RelevanceReview.Years(validFrom, validTo))
        {
            reviews.Add(new RelevanceReview(this, year));
        }
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The original text as adopted; amendments carry their own text.</summary>
    public string Text { get; private set; }

    /// <summary>Case number (diarienummer), e.g. "RS 759-2022".</summary>
    public string? CaseNumber { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>None means "tills vidare" (until further notice).</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Raised by every change to the aggregate, so concurrent edits are detected rather than overwritten.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AgreementParty> Parties => parties;

    public IReadOnlyList<Adoption> Adoptions => adoptions;

    public IReadOnlyList<Amendment> Amendments => amendments;

    public IReadOnlyList<Withdrawal> Withdrawals => withdrawals;

    public IReadOnlyList<Supplement> Supplements => supplements;

    /// <summary>The relevance reviews of a fixed term, in year order (seed 002).</summary>
    public IReadOnlyList<RelevanceReview> Reviews => reviews;

    /// <summary>Adoptions recorded in error and struck out, with why and by whom: the record keeps them.</summary>
    public IReadOnlyList<StruckAdoption> StruckAdoptions => struck;


    /// <summary>The agreement this one follows, when it was started as the next term of another.</summary>
    public Guid? PredecessorId { get; private set; }

    /// <summary>A fixed-term agreement with less than a year left (or already ended by its term) may have its successor started.</summary>
    public bool LessThanAYearLeft(DateOnly today) => ValidTo is { } end && end < today.AddYears(1);

    public bool IsParty(Guid partyId) => parties.Any(p => p.PartyId == partyId);

    /// <summary>The adoption of the agreement itself (not of an amendment) by a party, if recorded.</summary>
    public Adoption? AdoptionBy(Guid partyId) => adoptions.FirstOrDefault(a => a.PartyId == partyId && a.AmendmentId is null && a.SupplementId is null);

    /// <summary>A party's council's adoption of a supplement, if recorded.</summary>
    public Adoption? SupplementAdoptionBy(Guid supplementId, Guid partyId) =>
        adoptions.FirstOrDefault(a => a.PartyId == partyId && a.SupplementId == supplementId);

    public AgreementState StateOn(DateOnly today)
    {
        var adopted = Round(a => a.AmendmentId is null && a.SupplementId is null).Decided;
        var withdrawal = withdrawals.Where(w => w.EffectiveOn <= today).OrderBy(w => w.EffectiveOn).FirstOrDefault();
        if (withdrawal is not null)
        {
            var who = parties.FirstOrDefault(p => p.PartyId == withdrawal.PartyId)?.Party?.Name ?? "En part";
            return new AgreementState(AgreementStatus.Ended, adopted, parties.Count, withdrawal.EffectiveOn,
                $"{who} har sagt upp överenskommelsen, som upphörde {SwedishText.Date(withdrawal.EffectiveOn)}.");
        }

        if (ValidTo is { } end && end < today)
        {
            return new AgreementState(AgreementStatus.Ended, adopted, parties.Count, end,
                $"Avtalstiden löpte ut {SwedishText.Date(end)}.");
        }

        if (adopted == 0)
        {
            return new AgreementState(AgreementStatus.Draft, 0, parties.Count, null,
                "Ingen part har antagit överenskommelsen ännu.");
        }

        if (adopted < parties.Count)
        {
            return new AgreementState(AgreementStatus.Adopting, adopted, parties.Count, null,
                $"{adopted} av {parties.Count} parter har antagit överenskommelsen. Den gäller först när alla har antagit den.");
        }

        if (today < ValidFrom)
        {
            return new AgreementState(AgreementStatus.Adopting, adopted, parties.Count, null,
                $"Alla {parties.Count} parter har antagit överenskommelsen. Den gäller från {SwedishText.Date(ValidFrom)}.");
        }

        var pendingEnd = withdrawals.OrderBy(w => w.EffectiveOn).FirstOrDefault();
        var tail = pendingEnd is null ? string.Empty : $" En uppsägning gör att den upphör {SwedishText.Date(pendingEnd.EffectiveOn)}.";
        return new AgreementState(AgreementStatus.InForce, adopted, parties.Count, null,
            $"Alla {parties.Count} parter har antagit överenskommelsen och den gäller sedan {SwedishText.Date(ValidFrom)}.{tail}");
    }

    /// <summary>Records that a party's council adopted the agreement, or one of its amendments.</summary>
    public Adoption RecordAdoption(Guid partyId, DateOnly decidedOn, string reference, DateOnly today, Guid? amendmentId = null, Guid? supplementId = null)
    {
        var party = parties.FirstOrDefault(p => p.PartyId == partyId);
        var clean = EveryCouncil.EnsureRecordable("Adoption", "antagandebeslut", party is not null,
            adoptions.Any(a => a.PartyId == partyId && a.AmendmentId == amendmentId && a.SupplementId == supplementId),
            party?.Party?.Name ?? "Parten", decidedOn, reference, today);
        if (StateOn(today).Status == AgreementStatus.Ended)
        {
            throw new DomainRuleException("AdoptionEnded", "Överenskommelsen har upphört och kan inte antas.", RuleSeverity.Conflict);
        }

        if (amendmentId is { } id && amendments.All(a => a.Id != id))
        {
            throw new DomainRuleException("AdoptionAmendment", "Ändringen finns inte i överenskommelsen.");
        }

        if (supplementId is { } sid && supplements.All(s => s.Id != sid))
        {
            throw new DomainRuleException("AdoptionSupplement", "Tillägget finns inte i överenskommelsen.");
        }

        if (amendmentId is not null && supplementId is not null)
        {
            throw new DomainRuleException("AdoptionOneDocument", "Ett antagandebeslut gäller antingen en ändring eller ett tillägg.");
        }

        var adoption = new Adoption(this, partyId, amendmentId, supplementId, decidedOn, clean);
        adoptions.Add(adoption);
        Version++;
        return adoption;
    }

    public Amendment ProposeAmendment(string title, string text, DateOnly proposedOn)
    {
        if (StateOn(proposedOn).Status == AgreementStatus.Ended)
        {
            throw new DomainRuleException("AmendmentEnded", "Överenskommelsen har upphört och kan inte ändras.", RuleSeverity.Conflict);
        }

        var amendment = new Amendment(this, title, text, proposedOn);
        amendments.Add(amendment);
        Version++;
        return amendment;
    }

    /// <summary>An amendment is adopted only when every party's council has adopted it (unanimity).</summary>
    public AmendmentStatus AmendmentStatusOf(Amendment amendment) =>
        Round(a => a.AmendmentId == amendment.Id).Complete ? AmendmentStatus.Adopted : AmendmentStatus.Pending;

    /// <summary>Which councils have adopted a document of the agreement (itself, an amendment or a supplement), by the one rule of every council.</summary>
    public CouncilRound Round(Func<Adoption, bool> document) =>
        EveryCouncil.Progress(parties.Select(p => p.PartyId), adoptions.Where(document).Select(a => a.PartyId));

    /// <summary>The text that applies: the latest amendment that every party adopted, otherwise the original.</summary>
    public string ApplicableText(DateOnly today)
    {
        var adopted = amendments
            .Where(a => AmendmentStatusOf(a) == AmendmentStatus.Adopted)
            .Select(a => (Amendment: a, AdoptedOn: adoptions.Where(x => x.AmendmentId == a.Id).Max(x => x.DecidedOn)))
            .Where(x => x.AdoptedOn <= today)
            .OrderByDescending(x => x.AdoptedOn)
            .FirstOrDefault();
        return adopted.Amendment?.Text ?? Text;
    }

    /// <summary>Any party may withdraw; the agreement then ends for all from the withdrawal's date (seed 001 §7).</summary>
    public Withdrawal RecordWithdrawal(Guid partyId, DateOnly decidedOn, DateOnly effectiveOn, string reference, DateOnly today)
    {
        if (!IsParty(partyId))
        {
            throw new DomainRuleException("WithdrawalParty", "Den angivna parten är inte part i överenskommelsen.");
        }

        if (effectiveOn < decidedOn)
        {
            throw new DomainRuleException("WithdrawalDate", "Uppsägningen kan inte gälla från ett datum före beslutet.");
        }

        if (decidedOn > today)
        {
            throw new DomainRuleException("WithdrawalDecisionDate", "Beslutsdatumet kan inte ligga i framtiden.");
        }

        if (withdrawals.Count > 0)
        {
            throw new DomainRuleException("WithdrawalTwice", "En uppsägning är redan registrerad; överenskommelsen upphör redan.", RuleSeverity.Conflict);
        }

        var withdrawal = new Withdrawal(this, partyId, decidedOn, effectiveOn, reference);
        withdrawals.Add(withdrawal);
        Version++;
        return withdrawal;
    }

    /// <summary>
    /// A supplement is adopted like the agreement itself: by every party's council (seed 004). It is in force once
    /// all have adopted it, its start date is reached and the agreement it supplements has not ended.
    /// </summary>
    public AgreementState SupplementStateOn(Supplement supplement, DateOnly today)
    {
        var adopted = Round(a => a.SupplementId == supplement.Id).Decided;
        var agreement = StateOn(today);
        if (agreement.Status == AgreementStatus.Ended)
        {
            return new AgreementState(AgreementStatus.Ended, adopted, parties.Count, agreement.EndedOn,
                $"Tillägget upphörde med överenskommelsen. {agreement.Explanation}");
        }

        var deadline = supplement.AdoptionDeadline is { } d ? $" Sista dag för beslut: {SwedishText.Date(d)}." : string.Empty;
        if (adopted == 0)
        {
            return new AgreementState(AgreementStatus.Draft, 0, parties.Count, null, "Ingen part har antagit tillägget ännu." + deadline);
        }

        if (adopted < parties.Count)
        {
            return new AgreementState(AgreementStatus.Adopting, adopted, parties.Count, null,
                $"{adopted} av {parties.Count} parter har antagit tillägget. Det gäller först när alla har antagit det.{deadline}");
        }

        if (today < supplement.ValidFrom || agreement.Status != AgreementStatus.InForce)
        {
            return new AgreementState(AgreementStatus.Adopting, adopted, parties.Count, null,
                $"Alla {parties.Count} parter har antagit tillägget. Det gäller från {SwedishText.Date(supplement.ValidFrom)} när överenskommelsen gäller.");
        }

        return new AgreementState(AgreementStatus.InForce, adopted, parties.Count, null,
            $"Alla {parties.Count} parter har antagit tillägget och det gäller sedan {SwedishText.Date(supplement.ValidFrom)}.");
    }

    public Supplement AddSupplement(string title, string description, DateOnly validFrom, string? reference, DateOnly? adoptionDeadline = null)
    {
        var supplement = new Supplement(this, title, description, validFrom, reference, adoptionDeadline);
        supplements.Add(supplement);
        Version++;
        return supplement;
    }

    /// <summary>Records a held relevance review; <paramref name="year"/> names the scheduled review it is.</summary>
    public RelevanceReview RecordReview(int year, DateOnly heldOn, string participants, string? workingForms, string? results, string? financing,
        string? structure, string conclusion, string recordedBy, DateOnly today)
    {
        var review = reviews.FirstOrDefault(r => r.Year == year)
            ?? throw new DomainRuleException("ReviewNotScheduled", reviews.Count == 0
                ? "Överenskommelsen gäller tills vidare och har inga schemalagda aktualitetsprövningar."
                : $"Överenskommelsen har aktualitetsprövningar {string.Join(" och ", reviews.Select(r => r.Year))}, inte {year}.");
        review.Record(heldOn, participants, workingForms, results, financing, structure, conclusion, recordedBy, today);
        Version++;
        return review;
    }

    /// <summary>
    /// Starts the next agreement as a draft once less than a year of a fixed term is left (seed 002: renewed before each
    /// term of office): the same text and parties, a term as long as this one, starting the day after it ends. It has
    /// its own adoption by every council. <paramref name="parties"/> are this agreement's parties as loaded.
    /// </summary>
    public Agreement StartNext(IEnumerable<Party> parties, DateOnly today)
    {
        if (ValidTo is not { } end)
        {
            throw new DomainRuleException("NextAgreementFixedTerm", "Överenskommelsen gäller tills vidare; den har ingen avtalstid att förnya.");
        }

        if (!LessThanAYearLeft(today))
        {
            throw new DomainRuleException("NextAgreementTooEarly",
                $"Nästa överenskommelse kan påbörjas när mindre än ett år återstår, från {SwedishText.Date(end.AddYears(-1).AddDays(1))}.");
        }

        var years = end.Year - ValidFrom.Year + 1;
        var start = end.AddDays(1);
        var nextEnd = end.AddYears(years);
        var oldSpan = $"{ValidFrom.Year}–{end.Year}";
        var title = Title.Contains(oldSpan, StringComparison.Ordinal)
            ? Title.Replace(oldSpan, $"{start.Year}–{nextEnd.Year}", StringComparison.Ordinal)
            : $"{Title} {start.Year}–{nextEnd.Year}";
        var ids = this.parties.Select(p => p.PartyId).ToHashSet();
        var next = new Agreement(CountyId, title, ApplicableText(today), start, nextEnd, null, parties.Where(p => ids.Contains(p.Id)))
        {
            PredecessorId = Id,
        };
        return next;
    }
}
