using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Cases;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Every change of an agreement and its municipalities' contracts, for the pages and the API alike: each use case loads
/// what it changes tracked, checks access through <see cref="Access"/>, checks the input (the same Swedish messages on
/// both), calls the domain and saves. A concurrent change is retried from fresh data (<see cref="ConflictRetry"/>),
/// except when the form was read before it: then the change is refused as stale, since the user never saw what it
/// would overwrite.
/// </summary>
public sealed class AgreementDesk(AppDbContext db, Access access, TimeProvider time)
{
    private const string AgreementChanged = "Någon annan har ändrat överenskommelsen under tiden. Läs in sidan igen och gör om ändringen.";
    private const string ContractChanged = "Någon annan har ändrat avtalet under tiden. Kontrollera underskrifterna och försök igen.";

    private DateOnly Today => time.TodayInSweden();

    /// <summary>
    /// A council's adoption of the agreement, or of one of its amendments or supplements: the secretariat, or the
    /// party's own official. The agreement's adoption is also the council's decision in its case's waiting step.
    /// </summary>
    public Task<(Agreement Agreement, Adoption Adoption)> RecordAdoptionAsync(Guid agreementId, AdoptionRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeAsync(agreementId, countyId, manage: false, request.Version, async agreement =>
        {
            if (request.PartyId is { } acting)
            {
                access.EnsureActFor(agreement.CountyId, acting);
            }

            var input = new InputCheck();
            var partyId = input.Required(request.PartyId, "partyId", "Ange vilken part som har antagit överenskommelsen.");
            var decidedOn = input.Required(request.DecidedOn, "decidedOn", "Ange fullmäktiges beslutsdatum (ÅÅÅÅ-MM-DD).");
            var reference = input.Required(request.Reference, "reference", "Ange beslutets referens, till exempel \"KF 2023-03-27 § 45\".");
            input.ThrowIfAny();

            var adoption = agreement.RecordAdoption(partyId!.Value, decidedOn!.Value, reference!, Today, request.AmendmentId, request.SupplementId);
            await CaseCouncils.RecordAdoptionInCaseAsync(db, agreement, adoption, access.UserName, Today, cancellationToken);
            return adoption;
        }, cancellationToken);

    /// <summary>The secretariat drafts a new agreement of the county; it is freely editable until the first council adopts it.</summary>
    public Task<Agreement> CreateDraftAsync(Guid countyId, AgreementDraftRequest request, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            access.EnsureManage(countyId);
            var (title, text, validFrom, parties) = await CheckDraftAsync(countyId, request, cancellationToken);
            var agreement = new Agreement(countyId, title, text, validFrom, request.ValidTo, string.IsNullOrWhiteSpace(request.CaseNumber) ? null : request.CaseNumber.Trim(), parties);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync(cancellationToken);
            return agreement;
        }, cancellationToken);

    /// <summary>Rewrites a draft (refused, 409, once a council has adopted it).</summary>
    public async Task<Agreement> RedraftAsync(Guid agreementId, AgreementDraftRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        (await ChangeAsync(agreementId, countyId, manage: true, request.Version, async agreement =>
        {
            var (title, text, validFrom, parties) = await CheckDraftAsync(agreement.CountyId, request, cancellationToken);
            agreement.Redraft(title, text, validFrom, request.ValidTo, request.CaseNumber, parties);
            return agreement;
        }, cancellationToken)).Agreement;

    /// <summary>Strikes out an adoption recorded in error, with the reason; the secretariat's alone, and kept in the record.</summary>
    public Task<(Agreement Agreement, StruckAdoption Struck)> StrikeAdoptionAsync(Guid agreementId, Guid adoptionId, StrikeAdoptionRequest request,
        CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(agreementId, countyId, manage: true, request.Version, async agreement =>
        {
            var input = new InputCheck();
            var reason = input.Required(request.Reason?.Trim(), "reason", "Ange varför beslutet stryks, till exempel \"registrerat på fel kommun\".");
            if (reason is { Length: > 1000 })
            {
                input.Add("reason", "Skälet får vara högst 1 000 tecken.");
            }

            input.ThrowIfAny();
            var adoption = agreement.Adoptions.FirstOrDefault(a => a.Id == adoptionId) ?? throw new NotFoundException("Antagandebeslutet finns inte i överenskommelsen.");
            await CaseCouncils.StrikeAdoptionInCaseAsync(db, agreement, adoption, cancellationToken);
            return agreement.StrikeAdoption(adoptionId, reason!, Today, access.DisplayName);
        }, cancellationToken);

    private async Task<(string Title, string Text, DateOnly ValidFrom, List<Domain.Counties.Party> Parties)> CheckDraftAsync(Guid countyId,
        AgreementDraftRequest request, CancellationToken cancellationToken)
    {
        var input = new InputCheck();
        var title = input.Required(request.Title?.Trim(), "title", "Ange överenskommelsens rubrik.");
        if (title is { Length: > 300 })
        {
            input.Add("title", "Rubriken får vara högst 300 tecken.");
        }

        var text = input.Required(request.Text, "text", "Skriv överenskommelsens text.");
        var validFrom = input.Required(request.ValidFrom, "validFrom", "Ange från vilket datum överenskommelsen gäller (ÅÅÅÅ-MM-DD).");
        if (validFrom is { } from && request.ValidTo is { } to && to < from)
        {
            input.Add("validTo", "Slutdatumet kan inte ligga före startdatumet.");
        }

        var county = await db.Parties.Where(p => p.CountyId == countyId).ToListAsync(cancellationToken);
        var parties = request.PartyIds is { Count: > 0 } ids ? county.Where(p => ids.Contains(p.Id)).ToList() : county;
        if (request.PartyIds is { Count: > 0 } wanted && wanted.Distinct().Count() != parties.Count)
        {
            input.Add("partyIds", "En eller flera av parterna (partyIds) finns inte i länet.");
        }
        else if (parties.Count < 2)
        {
            input.Add("partyIds", "En överenskommelse måste ha minst två parter; lägg till länets parter först.");
        }

        input.ThrowIfAny();
        return (title!, text!, validFrom!.Value, parties);
    }

    /// <summary>The secretariat proposes an amendment with its new text; the old text applies until every council has adopted it.</summary>
    public Task<(Agreement Agreement, Amendment Amendment)> ProposeAmendmentAsync(Guid agreementId, AmendmentRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeAsync(agreementId, countyId, manage: true, request.Version, agreement =>
        {
            var input = new InputCheck();
            var title = input.Required(request.Title, "title", "Ange ändringens rubrik.");
            var text = input.Required(request.Text, "text", "Ange den nya lydelsen.");
            input.ThrowIfAny();
            return Task.FromResult(agreement.ProposeAmendment(title!, text!, Today));
        }, cancellationToken);

    /// <summary>The secretariat adds a supplement (such as the fund's); it applies once every council has adopted it.</summary>
    public Task<(Agreement Agreement, Supplement Supplement)> AddSupplementAsync(Guid agreementId, SupplementRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeAsync(agreementId, countyId, manage: true, request.Version, agreement =>
        {
            var input = new InputCheck();
            var title = input.Required(request.Title?.Trim(), "title", "Ange tilläggets rubrik.");
            var description = input.Required(request.Description?.Trim(), "description", "Beskriv vad tillägget innebär.");
            var validFrom = input.Required(request.ValidFrom, "validFrom", "Ange från vilket datum tillägget gäller (ÅÅÅÅ-MM-DD).");
            if (validFrom is { } from && from < agreement.ValidFrom)
            {
                input.Add("validFrom", $"Tillägget kan inte gälla före överenskommelsen ({SwedishText.Date(agreement.ValidFrom)}).");
            }

            if (request.AdoptionDeadline is { } deadline && validFrom is { } start && deadline > start)
            {
                input.Add("adoptionDeadline", "Sista dag för antagande ligger efter att tillägget ska börja gälla.");
            }

            input.ThrowIfAny();
            return Task.FromResult(agreement.AddSupplement(title!, description!, validFrom!.Value, string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim(),
                request.AdoptionDeadline));
        }, cancellationToken);

    /// <summary>A party's withdrawal: the agreement ends for all from its date, which opens the settlement.</summary>
    public Task<(Agreement Agreement, Withdrawal Withdrawal)> RecordWithdrawalAsync(Guid agreementId, WithdrawalRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeAsync(agreementId, countyId, manage: true, request.Version, agreement =>
        {
            var input = new InputCheck();
            var partyId = input.Required(request.PartyId, "partyId", "Välj den part som säger upp överenskommelsen.");
            var decidedOn = input.Required(request.DecidedOn, "decidedOn", "Ange beslutsdatum (ÅÅÅÅ-MM-DD).");
            var effectiveOn = input.Required(request.EffectiveOn, "effectiveOn", "Ange från vilken dag uppsägningen gäller (ÅÅÅÅ-MM-DD).");
            var reference = input.Required(request.Reference, "reference", "Ange beslutets referens.");
            input.ThrowIfAny();
            return Task.FromResult(agreement.RecordWithdrawal(partyId!.Value, decidedOn!.Value, effectiveOn!.Value, reference!, Today));
        }, cancellationToken);

    /// <summary>A held relevance review (seed 002) with what it found; the year is the first not yet held unless told.</summary>
    public Task<(Agreement Agreement, RelevanceReview Review)> RecordReviewAsync(Guid agreementId, ReviewRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeAsync(agreementId, countyId, manage: true, request.Version, agreement =>
        {
            var input = new InputCheck();
            var heldOn = input.Required(request.HeldOn, "heldOn", "Ange när dialogen hölls (ÅÅÅÅ-MM-DD).");
            var participants = input.Required(request.Participants, "participants", "Ange med vilka dialogen fördes.");
            var conclusion = input.Required(request.Conclusion, "conclusion", "Ange prövningens slutsats.");
            input.ThrowIfAny();

            var year = request.Year ?? agreement.Reviews.Where(r => r.HeldOn is null).OrderBy(r => r.Year).Select(r => (int?)r.Year).FirstOrDefault() ?? Today.Year;
            return Task.FromResult(agreement.RecordReview(year, heldOn!.Value, participants!, request.WorkingForms, request.Results, request.Financing,
                request.Structure, conclusion!, access.UserName, Today));
        }, cancellationToken);

    /// <summary>
    /// The next agreement as a draft, with a new contract for every municipality that had one (the same texts and
    /// signatories, nobody signed). One successor per agreement: a second start is a conflict, also when two race (the
    /// unique index on the predecessor refuses the second, whose retry then finds the first).
    /// </summary>
    public async Task<Agreement> StartNextAsync(Guid agreementId, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (_, next) = await ChangeAsync(agreementId, countyId, manage: true, version: null, async agreement =>
        {
            if (await db.Agreements.AnyAsync(a => a.PredecessorId == agreement.Id, cancellationToken))
            {
                throw new DomainRuleException("NextAgreementStarted", "Nästa överenskommelse är redan påbörjad.", RuleSeverity.Conflict);
            }

            var parties = agreement.Parties.Select(p => p.Party!).ToList();
            var next = agreement.StartNext(parties, Today);
            db.Agreements.Add(next);
            foreach (var contract in await db.PartyContracts.AsNoTracking().WithSignatories().Where(c => c.AgreementId == agreement.Id).ToListAsync(cancellationToken))
            {
                db.PartyContracts.Add(contract.ForNext(next, parties.First(p => p.Id == contract.PartyId)));
            }

            return next;
        }, cancellationToken);
        return next;
    }

    /// <summary>
    /// Records a signature: the secretariat for any signatory (and who signed in another's place), a named signatory
    /// only their own place and as themself. The signatory is named by id, or by side and capacity.
    /// </summary>
    public Task<(PartyContract Contract, ContractSignatory Signatory)> SignAsync(Guid contractId, SignatureRequest request, CancellationToken cancellationToken,
        Guid? countyId = null) =>
        ChangeContractAsync(contractId, countyId, manage: false, request.Version, async contract =>
        {
            var manage = access.CanManage(contract.CountyId);
            var signable = await Contracts.SignableAsync(db, access, contract, cancellationToken);
            if (!manage && signable.Count == 0)
            {
                throw NotYourPlace();
            }

            var candidates = contract.Signatories.Where(s =>
                (request.SignatoryId is null || s.Id == request.SignatoryId)
                && (request.Side is null || s.Side == request.Side)
                && (request.Capacity is null || s.Capacity == request.Capacity)).ToList();
            var input = new InputCheck();
            if (request.SignatoryId is null && request.Side is null)
            {
                input.Add("signatoryId", "Ange vilken undertecknare som har skrivit under (signatoryId, eller side och capacity).");
            }
            else if (candidates.Count == 0)
            {
                // An id of another contract, or of another county, is simply not found here.
                input.Add("signatoryId", "Undertecknaren finns inte bland avtalets undertecknare.");
            }
            else if (candidates.Count > 1)
            {
                input.Add("signatoryId", "Flera undertecknare passar; ange signatoryId.");
            }

            input.ThrowIfAny();
            var signatoryId = candidates[0].Id;
            if (!manage && signable.All(s => s.Id != signatoryId))
            {
                throw NotYourPlace();
            }

            // Somebody signing for themself signs as themself; only the secretariat records who signed in another's place.
            return contract.Sign(signatoryId, request.SignedOn ?? Today, access.UserName, Today, manage ? request.Name : null, manage ? request.Role : null);
        }, cancellationToken);

    /// <summary>What the agreement means for the municipality and its commitments, until the contract starts to be signed.</summary>
    public async Task<PartyContract> EditContractTextsAsync(Guid contractId, ContractTextsRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        (await ChangeContractAsync(contractId, countyId, manage: true, request.Version, contract =>
        {
            contract.EditTexts(request.Meaning ?? string.Empty, request.Commitments ?? string.Empty);
            return Task.FromResult(true);
        }, cancellationToken)).Contract;

    /// <summary>Attaches the signed contract as a file, through the file store (types, size, one copy per content).</summary>
    public async Task<PartyContract> AttachContractDocumentAsync(Guid contractId, IFormFile? file, int? version, CancellationToken cancellationToken, Guid? countyId = null) =>
        (await ChangeContractAsync(contractId, countyId, manage: true, version, async contract =>
        {
            if (file is not { Length: > 0 })
            {
                throw InputValidationException.For("file", "Välj filen med det undertecknade avtalet (fältet file).");
            }

            var stored = await FileStore.StoreAsync(db, file, cancellationToken);
            contract.AttachDocument(stored.FileName, stored.ContentType, stored.Hash, stored.Size);
            return true;
        }, cancellationToken)).Contract;

    private static ForbiddenException NotYourPlace() => new("Underskriften registreras av sekretariatet, eller av den namngivna undertecknaren själv.");

    private Task<(Agreement Agreement, T Result)> ChangeAsync<T>(Guid agreementId, Guid? countyId, bool manage, int? version, Func<Agreement, Task<T>> change,
        CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var agreement = await AgreementQueries.LoadReadableAsync(db, access, agreementId, cancellationToken);
            if (countyId is { } county && agreement.CountyId != county)
            {
                throw new NotFoundException("Överenskommelsen finns inte i det här länet.");
            }

            if (manage)
            {
                access.EnsureManage(agreement.CountyId);
            }

            StaleVersionException.Ensure(agreement.Version, version, AgreementChanged);
            var result = await change(agreement);
            await db.SaveChangesAsync(cancellationToken);
            return (agreement, result);
        }, cancellationToken);

    private Task<(PartyContract Contract, T Result)> ChangeContractAsync<T>(Guid contractId, Guid? countyId, bool manage, int? version,
        Func<PartyContract, Task<T>> change, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var contract = await Contracts.LoadReadableAsync(db, access, contractId, cancellationToken);
            if (countyId is { } county && contract.CountyId != county)
            {
                throw new NotFoundException("Samverkansavtalet finns inte i det här länet.");
            }

            if (manage)
            {
                access.EnsureManage(contract.CountyId);
            }

            StaleVersionException.Ensure(contract.Version, version, ContractChanged);
            var result = await change(contract);
            await db.SaveChangesAsync(cancellationToken);
            return (contract, result);
        }, cancellationToken);
}
