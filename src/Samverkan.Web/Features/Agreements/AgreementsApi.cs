using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/agreements", ListAsync)
            .WithSummary("The county's agreements with their derived status.");
        api.MapGet("/agreements/{id:guid}", GetAsync)
            .WithSummary("One agreement: status, and per party its adoption or none yet.");
        api.MapPost("/agreements/{id:guid}/adoptions", RecordAdoptionAsync)
            .WithSummary("Records a council's adoption. The secretariat, or the party's own official.");
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

    private static async Task<Ok<AgreementResponse>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var county = await db.Counties.AsNoTracking().FirstAsync(c => c.Id == agreement.CountyId, cancellationToken);
        return TypedResults.Ok(AgreementResponse.From(agreement, county, time.TodayInSweden()));
    }

    private static async Task<Results<Created<AdoptionResponse>, ValidationProblem>> RecordAdoptionAsync(Guid id, AdoptionRequest request,
        Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (request.PartyId is null)
        {
            errors["partyId"] = ["Ange vilken part som har antagit överenskommelsen."];
        }

        if (request.DecidedOn is null)
        {
            errors["decidedOn"] = ["Ange fullmäktiges beslutsdatum (ÅÅÅÅ-MM-DD)."];
        }

        if (string.IsNullOrWhiteSpace(request.Reference))
        {
            errors["reference"] = ["Ange beslutets referens, till exempel \"KF 2023-03-27 § 45\"."];
        }

        if (request.PartyId is { } partyId)
        {
            access.EnsureActFor(agreement.CountyId, partyId);
        }
        else
        {
            access.EnsureRead(agreement.CountyId);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte kompletta");
        }

        var adoption = agreement.RecordAdoption(request.PartyId!.Value, request.DecidedOn!.Value, request.Reference!, time.TodayInSweden(), request.AmendmentId, request.SupplementId);
        await Cases.CaseCouncils.RecordAdoptionInCaseAsync(db, agreement, adoption, access.UserName, time.TodayInSweden(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}", AdoptionResponse.From(adoption));
    }
}

public sealed record AdoptionRequest(Guid? PartyId, DateOnly? DecidedOn, string? Reference, Guid? AmendmentId = null, Guid? SupplementId = null);

public sealed record AdoptionResponse(Guid Id, Guid PartyId, Guid? AmendmentId, DateOnly DecidedOn, string Reference, Guid? SupplementId = null)
{
    public static AdoptionResponse From(Adoption a) => new(a.Id, a.PartyId, a.AmendmentId, a.DecidedOn, a.Reference, a.SupplementId);
}

public sealed record AgreementSummaryResponse(Guid Id, string CountyCode, string Title, string? CaseNumber, AgreementStatus Status,
    string StatusLabel, string Explanation, int AdoptedCount, int PartyCount, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public static AgreementSummaryResponse From(Agreement a, County county, DateOnly today)
    {
        var state = a.StateOn(today);
        return new(a.Id, county.Code, a.Title, a.CaseNumber, state.Status, state.StatusLabel, state.Explanation,
            state.AdoptedCount, state.PartyCount, a.ValidFrom, a.ValidTo);
    }
}

public sealed record AgreementPartyResponse(Guid PartyId, string Name, PartyKind Kind, string Council, AdoptionResponse? Adoption, WithdrawalResponse? Withdrawal);

public sealed record AmendmentResponse(Guid Id, string Title, DateOnly ProposedOn, AmendmentStatus Status, int AdoptedCount);

public sealed record WithdrawalResponse(Guid PartyId, DateOnly DecidedOn, DateOnly EffectiveOn, string Reference);

public sealed record SupplementResponse(Guid Id, string Title, string Description, DateOnly ValidFrom, string? Reference,
    AgreementStatus Status = AgreementStatus.Draft, string Explanation = "", int AdoptedCount = 0, DateOnly? AdoptionDeadline = null);

public sealed record AgreementResponse(Guid Id, string CountyCode, string Title, string? CaseNumber, AgreementStatus Status, string StatusLabel,
    string Explanation, int AdoptedCount, int PartyCount, DateOnly ValidFrom, DateOnly? ValidTo, string ApplicableText, int Version,
    IReadOnlyList<AgreementPartyResponse> Parties, IReadOnlyList<AmendmentResponse> Amendments, IReadOnlyList<SupplementResponse> Supplements)
{
    public static AgreementResponse From(Agreement a, County county, DateOnly today)
    {
        var state = a.StateOn(today);
        return new(a.Id, county.Code, a.Title, a.CaseNumber, state.Status, state.StatusLabel, state.Explanation, state.AdoptedCount,
            state.PartyCount, a.ValidFrom, a.ValidTo, a.ApplicableText(today), a.Version,
            AgreementQueries.AdoptionMatrix(a).Select(r => new AgreementPartyResponse(r.Party.Id, r.Party.Name, r.Party.Kind, r.Council,
                r.Adoption is null ? null : AdoptionResponse.From(r.Adoption),
                r.Withdrawal is null ? null : new WithdrawalResponse(r.Withdrawal.PartyId, r.Withdrawal.DecidedOn, r.Withdrawal.EffectiveOn, r.Withdrawal.Reference))).ToList(),
            a.Amendments.OrderBy(m => m.ProposedOn).Select(m => new AmendmentResponse(m.Id, m.Title, m.ProposedOn, a.AmendmentStatusOf(m),
                a.Adoptions.Count(x => x.AmendmentId == m.Id))).ToList(),
            a.Supplements.OrderBy(s => s.ValidFrom).Select(s =>
            {
                var st = a.SupplementStateOn(s, today);
                return new SupplementResponse(s.Id, s.Title, s.Description, s.ValidFrom, s.Reference, st.Status, st.Explanation, st.AdoptedCount, s.AdoptionDeadline);
            }).ToList());
    }
}
