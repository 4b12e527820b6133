using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Agreements, their adoptions and relevance reviews, and each municipality's contract with its signatures. Reading is
/// for the county's users; a council's adoption is recorded by the secretariat or the party's own official; a signature
/// by the secretariat or the named signatory themself; the rest by the secretariat. Every change goes through
/// <see cref="AgreementDesk"/>, the same use cases the agreement pages call.
/// </summary>
public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/agreements", ListAsync).WithSummary("The county's agreements with their derived status.");
        api.MapPost("/counties/{countyCode}/agreements", CreateDraftAsync)
            .WithSummary("Drafts an agreement of the county (no partyIds: every party of the county). Secretariat only.");
        api.MapPut("/agreements/{id:guid}", RedraftAsync)
            .WithSummary("Rewrites a draft: title, text, period, case number, parties; 409 once a council has adopted it. Secretariat only.");
        api.MapDelete("/agreements/{id:guid}/adoptions/{adoptionId:guid}", StrikeAdoptionAsync)
            .WithSummary("Strikes out an adoption recorded in error; '?reason=' is required and kept with the struck decision. Secretariat only.");
        api.MapGet("/agreements/{id:guid}", GetAsync).WithSummary("One agreement: status, and per party its adoption or none yet.");
        api.MapPost("/agreements/{id:guid}/supplements", AddSupplementAsync)
            .WithSummary("Adds a supplement (title, description, validFrom, reference, adoptionDeadline); each council adopts it with supplementId. Secretariat.");
        api.MapPost("/agreements/{id:guid}/adoptions", RecordAdoptionAsync)
            .WithSummary("Records a council's adoption. The secretariat, or the party's own official.");
        api.MapGet("/agreements/{id:guid}/reviews", ReviewsAsync).WithSummary("The agreement's relevance reviews: the year, when due, status and what each found.");
        api.MapPost("/agreements/{id:guid}/reviews", RecordReviewAsync)
            .WithSummary("Records a held review {year?, heldOn, participants, workingForms, results, financing, structure, conclusion}. Secretariat.");
        api.MapPost("/agreements/{id:guid}/next", StartNextAsync)
            .WithSummary("Starts the next agreement as a draft: the same text and parties, the next term, new contracts. Secretariat; less than a year left.");
        api.MapGet("/agreements/{id:guid}/contracts", ContractsAsync).WithSummary("Each municipality's contract under the agreement, with its signatures and status.");
        api.MapGet("/contracts/{id:guid}", ContractAsync).WithSummary("One contract: its texts, every required signatory and who has signed.");
        api.MapPost("/contracts/{id:guid}/signatures", SignAsync)
            .WithSummary("Records a signature {signatoryId (or side and capacity), signedOn, name?, role?}. Secretariat, or the named signatory themself.");
        api.MapPost("/contracts/{id:guid}/document", UploadAsync)
            .DisableAntiforgery() // the API takes bearer tokens only, which a browser never sends on its own
            .WithSummary("Attaches the contract as a file (PDF, DOCX, XLSX, ODT; at most 20 MB), form field file. Secretariat.");
        api.MapGet("/contracts/{id:guid}/document", DownloadAsync).WithSummary("The attached contract, always as an attachment.");
        return api;
    }

    private static async Task<Ok<List<AgreementSummaryResponse>>> ListAsync(string countyCode, Access access, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var agreements = await db.Agreements.AsNoTracking().WithDetails().Where(a => a.CountyId == county.Id).ToListAsync(cancellationToken);
        var today = time.TodayInSweden();
        return TypedResults.Ok(agreements.OrderBy(a => a.ValidFrom).Select(a => AgreementSummaryResponse.From(a, county, today)).ToList());
    }

    private static async Task<Created<AgreementResponse>> CreateDraftAsync(string countyCode, AgreementDraftRequest request, Access access, AgreementDesk desk,
        AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var agreement = await desk.CreateDraftAsync(county.Id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}", AgreementResponse.From(agreement, county, time.TodayInSweden()));
    }

    private static async Task<Ok<AgreementResponse>> RedraftAsync(Guid id, AgreementDraftRequest request, AgreementDesk desk, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var agreement = await desk.RedraftAsync(id, request, cancellationToken);
        return TypedResults.Ok(AgreementResponse.From(agreement, await db.Counties.AsNoTracking().FirstAsync(c => c.Id == agreement.CountyId, cancellationToken), time.TodayInSweden()));
    }

    private static async Task<Ok<AgreementResponse>> StrikeAdoptionAsync(Guid id, Guid adoptionId, string? reason, int? version, AgreementDesk desk, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (agreement, _) = await desk.StrikeAdoptionAsync(id, adoptionId, new StrikeAdoptionRequest(reason, version), cancellationToken);
        return TypedResults.Ok(AgreementResponse.From(agreement, await db.Counties.AsNoTracking().FirstAsync(c => c.Id == agreement.CountyId, cancellationToken), time.TodayInSweden()));
    }

    private static async Task<Created<AgreementResponse>> AddSupplementAsync(Guid id, SupplementRequest request, AgreementDesk desk, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (agreement, _) = await desk.AddSupplementAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}",
            AgreementResponse.From(agreement, await db.Counties.AsNoTracking().FirstAsync(c => c.Id == agreement.CountyId, cancellationToken), time.TodayInSweden()));
    }

    private static async Task<Ok<AgreementResponse>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var county = await db.Counties.AsNoTracking().FirstAsync(c => c.Id == agreement.CountyId, cancellationToken);
        return TypedResults.Ok(AgreementResponse.From(agreement, county, time.TodayInSweden()));
    }

    private static async Task<Created<AdoptionResponse>> RecordAdoptionAsync(Guid id, AdoptionRequest request, AgreementDesk desk, CancellationToken cancellationToken)
    {
        var (agreement, adoption) = await desk.RecordAdoptionAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}", AdoptionResponse.From(adoption));
    }

    private static async Task<Ok<List<ReviewResponse>>> ReviewsAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var today = time.TodayInSweden();
        return TypedResults.Ok(agreement.Reviews.OrderBy(r => r.Year).Select(r => ReviewResponse.From(r, today)).ToList());
    }

    private static async Task<Created<ReviewResponse>> RecordReviewAsync(Guid id, ReviewRequest request, AgreementDesk desk, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (agreement, review) = await desk.RecordReviewAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}/reviews", ReviewResponse.From(review, time.TodayInSweden()));
    }

    private static async Task<Created<AgreementSummaryResponse>> StartNextAsync(Guid id, AgreementDesk desk, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var next = await desk.StartNextAsync(id, cancellationToken);
        var county = await db.Counties.AsNoTracking().FirstAsync(c => c.Id == next.CountyId, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{next.Id}", AgreementSummaryResponse.From(next, county, time.TodayInSweden()));
    }

    private static async Task<Ok<List<ContractResponse>>> ContractsAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var contracts = await Contracts.ForAgreementAsync(db, agreement.Id, cancellationToken);
        var parties = agreement.Parties.Select(p => p.Party!).ToList();
        return TypedResults.Ok(Contracts.Ordered(contracts, parties).Select(c => ContractResponse.From(c, parties)).ToList());
    }

    private static async Task<Ok<ContractResponse>> ContractAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ContractResponseAsync(db, await Contracts.LoadReadableAsync(db, access, id, cancellationToken), cancellationToken));

    private static async Task<Created<ContractResponse>> SignAsync(Guid id, SignatureRequest request, AgreementDesk desk, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var (contract, _) = await desk.SignAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/contracts/{contract.Id}", await ContractResponseAsync(db, contract, cancellationToken));
    }

    // The form is read by hand: a bound IFormFile would make routing answer 415 before authentication.
    private static async Task<Ok<ContractResponse>> UploadAsync(Guid id, HttpRequest request, AgreementDesk desk, AppDbContext db, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var contract = await desk.AttachContractDocumentAsync(id, form?.Files["file"], version: null, cancellationToken);
        return TypedResults.Ok(await ContractResponseAsync(db, contract, cancellationToken));
    }

    private static async Task<FileContentHttpResult> DownloadAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken) =>
        await Contracts.DocumentAsync(db, await Contracts.LoadReadableAsync(db, access, id, cancellationToken), cancellationToken);

    private static async Task<ContractResponse> ContractResponseAsync(AppDbContext db, Domain.Agreements.PartyContract contract, CancellationToken cancellationToken)
    {
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == contract.PartyId, cancellationToken);
        return ContractResponse.From(contract, [party]);
    }
}
