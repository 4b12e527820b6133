using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Each municipality's own contract (samverkansavtal) under the common agreement, and who may record a signature:
/// the secretariat for any signatory, or the named signatory themself when signed in (recognised by their seat in a
/// body, or by their account's e-mail address being the named person's). See docs/decisions/0009.
/// </summary>
public static class Contracts
{
    public static IQueryable<PartyContract> WithSignatories(this IQueryable<PartyContract> contracts) => contracts.Include(c => c.Signatories);

    public static async Task<PartyContract> LoadReadableAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default)
    {
        var contract = await db.PartyContracts.WithSignatories().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Samverkansavtalet finns inte.");
        access.EnsureRead(contract.CountyId);
        return contract;
    }

    /// <summary>The agreement's contracts, one per municipality, in the county's party order.</summary>
    public static async Task<List<PartyContract>> ForAgreementAsync(AppDbContext db, Guid agreementId, CancellationToken cancellationToken = default) =>
        await db.PartyContracts.AsNoTracking().WithSignatories().Where(c => c.AgreementId == agreementId).ToListAsync(cancellationToken);

    /// <summary>The person the signed-in account is: through its seat in a body, or its e-mail address; none for the secretariat's accounts.</summary>
    public static async Task<Guid?> SignedInPersonAsync(AppDbContext db, ClaimsPrincipal user, Guid countyId, CancellationToken cancellationToken = default)
    {
        if (Guid.TryParse(user.FindFirstValue(SamverkanClaims.Membership), out var membershipId)
            && await db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.CountyId == countyId).Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(cancellationToken) is { } seated)
        {
            return seated;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var people = await db.People.AsNoTracking().Where(p => p.CountyId == countyId && p.Email != null).Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken);
        var matches = people.Where(p => string.Equals(p.Email!.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].Id : null;
    }

    /// <summary>The signatories the signed-in user may record a signature for: all unsigned for the secretariat, otherwise their own place.</summary>
    public static async Task<IReadOnlyList<ContractSignatory>> SignableAsync(AppDbContext db, Access access, ClaimsPrincipal user, PartyContract contract,
        CancellationToken cancellationToken = default)
    {
        var unsigned = contract.Signatories.Where(s => s.SignedOn is null).ToList();
        if (access.CanManage(contract.CountyId))
        {
            return unsigned;
        }

        if (!access.CanRead(contract.CountyId) || unsigned.All(s => s.PersonId is null))
        {
            return [];
        }

        var person = await SignedInPersonAsync(db, user, contract.CountyId, cancellationToken);
        // A party official signs only for their own municipality's side; any signed-in named signatory for their own place.
        return unsigned.Where(s => person is not null && s.PersonId == person
            && (!user.IsInRole(Roles.PartyOfficial) || (s.Side == ContractSide.Municipality && access.PartyId == contract.PartyId))).ToList();
    }

    /// <summary>Records a signature, or refuses: 403 when the user may not sign there, 422/409 for a broken rule.</summary>
    public static async Task<ContractSignatory> SignAsync(AppDbContext db, Access access, ClaimsPrincipal user, PartyContract contract, Guid signatoryId,
        DateOnly? signedOn, string? name, string? role, DateOnly today, CancellationToken cancellationToken = default)
    {
        var signable = await SignableAsync(db, access, user, contract, cancellationToken);
        var manage = access.CanManage(contract.CountyId);
        if (!manage && signable.All(s => s.Id != signatoryId))
        {
            throw new ForbiddenException("Underskriften registreras av sekretariatet, eller av den namngivna undertecknaren själv.");
        }

        // Somebody signing for themself signs as themself; only the secretariat records who signed in another's place.
        return contract.Sign(signatoryId, signedOn ?? today, user.Identity?.Name ?? "okänd", today, manage ? name : null, manage ? role : null);
    }

    public static async Task AttachDocumentAsync(AppDbContext db, PartyContract contract, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var stored = await FileStore.StoreAsync(db, fileName, content, cancellationToken);
        contract.AttachDocument(stored.FileName, stored.ContentType, stored.Hash, stored.Size);
    }

    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{id:guid}/contracts", ListAsync).WithSummary("Each municipality's contract under the agreement, with its signatures and status.");
        api.MapGet("/contracts/{id:guid}", GetAsync).WithSummary("One contract: its texts, every required signatory and who has signed.");
        api.MapPost("/contracts/{id:guid}/signatures", SignatureAsync)
            .WithSummary("Records a signature {signatoryId (or side and capacity), signedOn, name?, role?}. Secretariat, or the named signatory themself.");
        api.MapPost("/contracts/{id:guid}/document", UploadAsync)
            .DisableAntiforgery() // the API takes bearer tokens only, which a browser never sends on its own
            .WithSummary("Attaches the contract as a file (PDF, DOCX, XLSX, ODT; at most 20 MB), form field file. Secretariat.");
        api.MapGet("/contracts/{id:guid}/document", DownloadAsync).WithSummary("The attached contract, always as an attachment.");
        return api;
    }

    private static async Task<Ok<List<ContractResponse>>> ListAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var contracts = await ForAgreementAsync(db, agreement.Id, cancellationToken);
        var parties = agreement.Parties.Select(p => p.Party!).ToList();
        return TypedResults.Ok(Ordered(contracts, parties).Select(c => ContractResponse.From(c, parties)).ToList());
    }

    private static async Task<Ok<ContractResponse>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var contract = await LoadReadableAsync(db, access, id, cancellationToken);
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == contract.PartyId, cancellationToken);
        return TypedResults.Ok(ContractResponse.From(contract, [party]));
    }

    private static async Task<Results<Created<ContractResponse>, ValidationProblem>> SignatureAsync(Guid id, SignatureRequest request, Access access,
        AppDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var contract = await LoadReadableAsync(db, access, id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var candidates = contract.Signatories.Where(s =>
            (request.SignatoryId is null || s.Id == request.SignatoryId)
            && (request.Side is null || s.Side == request.Side)
            && (request.Capacity is null || s.Capacity == request.Capacity)).ToList();
        if (request.SignatoryId is null && request.Side is null)
        {
            errors["signatoryId"] = ["Ange vilken undertecknare som har skrivit under (signatoryId, eller side och capacity)."];
        }
        else if (candidates.Count == 0)
        {
            // An id of another contract, or of another county, is simply not found here.
            errors["signatoryId"] = ["Undertecknaren finns inte bland avtalets undertecknare."];
        }
        else if (candidates.Count > 1)
        {
            errors["signatoryId"] = ["Flera undertecknare passar; ange signatoryId."];
        }

        if (request.Version is { } version)
        {
            db.Entry(contract).Property(c => c.Version).OriginalValue = version;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte kompletta");
        }

        await SignAsync(db, access, http.User, contract, candidates[0].Id, request.SignedOn, request.Name, request.Role, time.TodayInSweden(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == contract.PartyId, cancellationToken);
        return TypedResults.Created($"/api/v1/contracts/{contract.Id}", ContractResponse.From(contract, [party]));
    }

    // The form is read by hand after the access check: a bound IFormFile would make routing answer 415 before authentication.
    private static async Task<Ok<ContractResponse>> UploadAsync(Guid id, HttpRequest request, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var contract = await LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(contract.CountyId);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var file = form?.Files["file"] ?? throw new DomainRuleException("DocumentFile", "Skicka filen som multipart/form-data i fältet \"file\".");
        var (fileName, content) = await FileStore.ReadAsync(file, cancellationToken);
        await AttachDocumentAsync(db, contract, fileName, content, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == contract.PartyId, cancellationToken);
        return TypedResults.Ok(ContractResponse.From(contract, [party]));
    }

    private static async Task<FileContentHttpResult> DownloadAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var contract = await LoadReadableAsync(db, access, id, cancellationToken);
        return await DocumentAsync(db, contract, cancellationToken);
    }

    public static async Task<FileContentHttpResult> DocumentAsync(AppDbContext db, PartyContract contract, CancellationToken cancellationToken)
    {
        if (contract.DocumentHash is null)
        {
            throw new NotFoundException("Avtalet har ingen bifogad fil.");
        }

        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Hash == contract.DocumentHash, cancellationToken);
        return TypedResults.File(file.Content, contract.DocumentContentType, contract.DocumentFileName);
    }

    public static IEnumerable<PartyContract> Ordered(IEnumerable<PartyContract> contracts, IReadOnlyCollection<Party> parties)
    {
        var order = CountyQueries.Ordered(parties).Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return contracts.OrderBy(c => order.GetValueOrDefault(c.PartyId, int.MaxValue));
    }
}

public sealed record SignatureRequest(Guid? SignatoryId, ContractSide? Side, SignatoryCapacity? Capacity, DateOnly? SignedOn, string? Name, string? Role, int? Version = null);

public sealed record SignatureResponse(Guid SignatoryId, string Name, string Role, ContractSide Side, SignatoryCapacity Capacity, DateOnly? SignedOn);

public sealed record ContractResponse(Guid Id, Guid AgreementId, Guid PartyId, string PartyName, ContractStatus Status, string StatusLabel,
    IReadOnlyList<SignatureResponse> Signatures, int RequiredSignatures, IReadOnlyList<SignatureResponse> Signatories, string Meaning, string Commitments,
    string? DocumentFileName, int Version)
{
    public static ContractResponse From(PartyContract c, IReadOnlyCollection<Party> parties)
    {
        var all = c.Signatories.OrderBy(s => s.Side).ThenBy(s => s.Capacity)
            .Select(s => new SignatureResponse(s.Id, s.Name, s.Role, s.Side, s.Capacity, s.SignedOn)).ToList();
        return new(c.Id, c.AgreementId, c.PartyId, parties.FirstOrDefault(p => p.Id == c.PartyId)?.Name ?? string.Empty, c.Status,
            ContractLabels.Status(c.Status), all.Where(s => s.SignedOn is not null).ToList(), c.RequiredSignatures, all, c.Meaning, c.Commitments,
            c.DocumentFileName, c.Version);
    }
}
