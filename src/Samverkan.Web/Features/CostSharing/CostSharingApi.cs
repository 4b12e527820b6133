using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.CostSharing;

public static class CostSharingApi
{
    private const int MaxPopulationFileBytes = 1024 * 1024;

    public static RouteGroupBuilder MapCostSharingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/cost-model", GetModelAsync).WithSummary("The cost model: base level, each year's rule and the derived chain.");
        api.MapPut("/counties/{countyCode}/cost-model/years/{year:int}", SetRuleAsync).WithSummary("Sets a year's rule (index, no uplift, agreed uplift, new level). Secretariat.");
        api.MapGet("/agreements/{id:guid}/cost-model", GetAgreementModelAsync).WithSummary("The agreement's cost model, as its form and the chain read it.");
        api.MapPost("/agreements/{id:guid}/cost-model", CreateModelAsync)
            .WithSummary("Creates the agreement's cost model (base year and level, index and its day, uplift deadline, due dates, population year, bankgiro, VAT, the section invoices cite). Secretariat; 409 when there is one.");
        api.MapPut("/agreements/{id:guid}/cost-model", ChangeModelAsync).WithSummary("Changes the agreement's cost model as read at `version`. Secretariat.");
        api.MapGet("/index-series", ListIndexAsync).WithSummary("Index values (LPIK, LPI ...) per year, forecast or outcome.");
        api.MapPut("/index-series/{series}/{year:int}", SetIndexAsync).WithSummary("Records an index value (national reference data): system administrator only; the yearly change must lie between -20 % and +30 %.");
        // No Accepts<>(): content-type matching would answer 415 before authentication; the body is read as bytes whatever its type.
        api.MapPut("/counties/{countyCode}/population/{year:int}", ImportPopulationAsync)
            .WithSummary("Imports the population on 31 December of {year} from a CSV body (text/csv); ?replace=true replaces an existing year.");
        api.MapGet("/counties/{countyCode}/cost-sharing/{year:int}", GetAllocationAsync).WithSummary("The year's cost level shared by population.");
        api.MapGet("/counties/{countyCode}/cost-sharing/{year:int}/csv", AllocationCsvAsync).WithSummary("The year's allocation as CSV.");
        api.MapGet("/counties/{countyCode}/cost-sharing/{year:int}/xlsx", AllocationXlsxAsync).WithSummary("The year's allocation as XLSX.");
        return api;
    }

    private static async Task<Ok<CostModelResponse>> GetModelAsync(string countyCode, Access access, CostSharingService costSharing, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var model = await costSharing.ModelAsync(county.Id, cancellationToken);
        var index = await costSharing.IndexAsync(cancellationToken);
        return TypedResults.Ok(CostModelResponse.From(model, index, time.TodayInSweden().Year + 1));
    }

    private static async Task<Ok<CostModelResponse>> SetRuleAsync(string countyCode, int year, YearRuleRequest request, Access access, CostModelDesk desk,
        CostSharingService costSharing, TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var model = await desk.SetRuleAsync(county.Id, year, request, cancellationToken);
        return TypedResults.Ok(CostModelResponse.From(model, await costSharing.IndexAsync(cancellationToken), time.TodayInSweden().Year + 1));
    }

    private static async Task<Ok<CostModelResponse>> GetAgreementModelAsync(Guid id, Access access, AppDbContext db, CostSharingService costSharing,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var countyId = await db.Agreements.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.CountyId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Överenskommelsen finns inte.");
        access.EnsureRead(countyId);
        var model = await db.CostModels.AsNoTracking().Include(m => m.Rules).FirstOrDefaultAsync(m => m.AgreementId == id, cancellationToken)
            ?? throw new NotFoundException("Överenskommelsen har ingen kostnadsmodell ännu.");
        return TypedResults.Ok(CostModelResponse.From(model, await costSharing.IndexAsync(cancellationToken), time.TodayInSweden().Year + 1));
    }

    private static async Task<Created<CostModelResponse>> CreateModelAsync(Guid id, CostModelRequest request, CostModelDesk desk, CostSharingService costSharing,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var model = await desk.CreateAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{id}/cost-model",
            CostModelResponse.From(model, await costSharing.IndexAsync(cancellationToken), time.TodayInSweden().Year + 1));
    }

    private static async Task<Ok<CostModelResponse>> ChangeModelAsync(Guid id, CostModelRequest request, CostModelDesk desk, CostSharingService costSharing,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var model = await desk.ChangeAsync(id, request, cancellationToken);
        return TypedResults.Ok(CostModelResponse.From(model, await costSharing.IndexAsync(cancellationToken), time.TodayInSweden().Year + 1));
    }

    private static async Task<Ok<List<IndexPoint>>> ListIndexAsync(CostSharingService costSharing, CancellationToken cancellationToken) =>
        TypedResults.Ok((await costSharing.IndexAsync(cancellationToken)).OrderBy(p => p.Series).ThenBy(p => p.Year).ToList());

    private static async Task<Ok<IndexPoint>> SetIndexAsync(string series, int year, IndexValueRequest request, Access access, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        // LPIK and LPI are national figures published by SKR: reference data of the whole installation.
        if (!access.IsAdministrator)
        {
            throw new ForbiddenException("Indexserier är nationella referensdata; endast systemadministratören kan ändra dem.");
        }

        IndexValueRules.Check(series, year, request, time.TodayInSweden().Year);
        var value = await db.IndexValues.FirstOrDefaultAsync(v => v.Series == series && v.Year == year, cancellationToken);
        if (value is null)
        {
            value = new IndexValue(series, year, request.ChangePercent!.Value, request.IsFinal, request.Source!, request.PublishedOn);
            db.IndexValues.Add(value);
        }
        else
        {
            value.Revise(request.ChangePercent!.Value, request.IsFinal, request.Source!, request.PublishedOn);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(value.ToPoint());
    }

    private static async Task<IResult> ImportPopulationAsync(string countyCode, int year, [FromQuery] bool? replace, HttpRequest request, Access access,
        CostSharingService costSharing, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxPopulationFileBytes)
        {
            return TypedResults.Problem(statusCode: 413, title: "Filen är för stor", detail: "Filen med folkmängd får vara högst 1 MB.");
        }

        var result = await costSharing.ImportPopulationAsync(county.Id, year, buffer.ToArray(), replace == true, cancellationToken);
        if (result.NeedsConfirmation)
        {
            return TypedResults.Problem(statusCode: 409, title: "Året finns redan", detail: result.Errors[0].Message + " Skicka replace=true för att ersätta.");
        }

        if (result.Errors.Count > 0)
        {
            return TypedResults.Problem(statusCode: 422, title: "Filen kunde inte läsas in",
                detail: $"{result.Errors.Count} fel; ingenting har sparats. " + string.Join(" ", result.Errors.Select(e => e.Message)),
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors.Select(e => new { line = e.Line, message = e.Message }).ToList() });
        }

        return TypedResults.Ok(new { year, referenceDate = $"{year}-12-31", count = result.Count });
    }

    private static async Task<Ok<AllocationResponse>> GetAllocationAsync(string countyCode, int year, Access access, CostSharingService costSharing,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        return TypedResults.Ok(AllocationResponse.From(await costSharing.AllocateAsync(county.Id, year, cancellationToken: cancellationToken)));
    }

    private static async Task<FileContentHttpResult> AllocationCsvAsync(string countyCode, int year, Access access, CostSharingService costSharing,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var allocation = await costSharing.AllocateAsync(county.Id, year, cancellationToken: cancellationToken);
        return TypedResults.File(Tabular.Csv(AllocationTable.Headers, AllocationTable.Rows(allocation)), "text/csv; charset=utf-8", $"kostnadsfordelning-{county.Code}-{year}.csv");
    }

    private static async Task<FileContentHttpResult> AllocationXlsxAsync(string countyCode, int year, Access access, CostSharingService costSharing,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var allocation = await costSharing.AllocateAsync(county.Id, year, cancellationToken: cancellationToken);
        return TypedResults.File(Tabular.Xlsx($"Kostnadsfördelning {year}", AllocationTable.Headers, AllocationTable.Rows(allocation)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"kostnadsfordelning-{county.Code}-{year}.xlsx");
    }
}

internal static class AllocationTable
{
    public static readonly string[] Headers = ["Kommunkod", "Kommun", "Folkmängd", "Andel (%)", "Exakt belopp", "Belopp (kr)"];

    public static IEnumerable<object?[]> Rows(YearAllocation allocation) =>
        allocation.Rows.Select(r => new object?[]
        {
            r.Party.MunicipalityCode, r.Party.Name, r.Population, decimal.Round(r.Share * 100, 4), decimal.Round(r.Exact, 4), r.Amount,
        }).Append(["", "Summa", allocation.TotalPopulation, 100m, allocation.Derivation.Level, allocation.Total]);
}

public sealed record YearRuleRequest(YearRuleKind? Kind, decimal? Value, string? IndexSeries, string? DecisionReference, DateOnly? DecidedOn);

public sealed record IndexValueRequest(decimal? ChangePercent, bool IsFinal, string? Source, DateOnly? PublishedOn);

/// <summary>What a published index value must look like before it may change any county's cost level.</summary>
public static class IndexValueRules
{
    public const decimal LowestChange = -20m;
    public const decimal HighestChange = 30m;
    public const int FirstYear = 1968;

    public static void Check(string series, int year, IndexValueRequest request, int currentYear)
    {
        var errors = new Dictionary<string, string[]>();
        if (series.Length is 0 or > 20 || !series.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors["series"] = ["Serien anges med 1–20 bokstäver, siffror eller bindestreck, till exempel LPIK."];
        }

        if (year < FirstYear || year > currentYear + 5)
        {
            errors["year"] = [$"Året måste ligga mellan {FirstYear} och {currentYear + 5}."];
        }

        if (request.ChangePercent is null)
        {
            errors["changePercent"] = ["Ange förändringen i procent (changePercent)."];
        }

        if (string.IsNullOrWhiteSpace(request.Source))
        {
            errors["source"] = ["Ange källan, till exempel \"SKR cirkulär 26:12\"."];
        }
        else if (InputRules.CheckSingleLine("source", request.Source, 200) is { } sourceProblem)
        {
            errors["source"] = [sourceProblem];
        }

        if (request.PublishedOn is null)
        {
            errors["publishedOn"] = ["Ange publiceringsdatum (publishedOn), så att varje län ser vilken publicering värdet kommer från."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (request.ChangePercent < LowestChange || request.ChangePercent > HighestChange)
        {
            throw new DomainRuleException("IndexChangeRange",
                $"En årlig indexförändring måste ligga mellan {LowestChange} % och +{HighestChange} %; {request.ChangePercent} % är utanför gränsen.");
        }
    }
}

public sealed record ChainStepResponse(int Year, decimal Level, YearRuleKind? Rule, decimal? ChangePercent, bool IsPreliminary, string Explanation);

/// <summary>A cost model: days of the year as "MM-DD"; <c>version</c> is what a change sends back.</summary>
public sealed record CostModelResponse(Guid Id, Guid AgreementId, int Version, int BaseYear, decimal BaseLevel, string BaseLabel, string IndexSeries,
    string IndexReferenceDay, string AgreedUpliftDeadline, string FirstDueOn, string SecondDueOn, int PopulationYearOffset, string? Bankgiro,
    string VatCategory, decimal VatRate, string? VatExemptionReason, string ReceivableAccount, string RevenueAccount, string InvoiceSection,
    IReadOnlyList<YearRuleRequest> Rules, IReadOnlyList<ChainStepResponse> Chain, string? ChainStops)
{
    public static CostModelResponse From(CostModel model, IReadOnlyList<IndexPoint> index, int untilYear)
    {
        var (derivation, stops) = model.DeriveLatest(untilYear, index);
        return new(model.Id, model.AgreementId, model.Version, model.BaseYear, model.BaseLevel, model.BaseLabel, model.IndexSeries,
            model.IndexReferenceDay.ToString(), model.AgreedUpliftDeadline.ToString(), model.FirstDue.ToString(), model.SecondDue.ToString(),
            model.PopulationYearOffset, model.Bankgiro, model.VatCategory, model.VatRate, model.VatExemptionReason, model.ReceivableAccount,
            model.RevenueAccount, model.InvoiceSection,
            model.Rules.OrderBy(r => r.Year).Select(r => new YearRuleRequest(r.Kind, r.Value, r.IndexSeries, r.DecisionReference, r.DecidedOn)).ToList(),
            derivation?.Steps.Select(s => new ChainStepResponse(s.Year, s.Level, s.Rule, s.ChangePercent, s.IsPreliminary, s.Explanation)).ToList() ?? [],
            stops);
    }
}

public sealed record AllocationRowResponse(string MunicipalityCode, string Name, int Population, decimal Share, decimal Amount, decimal ExactAmount, decimal RoundingAdded);

public sealed record AllocationResponse(int Year, decimal CostLevel, bool CostLevelPreliminary, DateOnly PopulationReferenceDate, string Key,
    IReadOnlyList<ChainStepResponse> Chain, IReadOnlyList<AllocationRowResponse> Rows, decimal Total, long TotalPopulation)
{
    /// <summary>Share in percent with four decimals, as DOMAIN.md asks.</summary>
    public static AllocationResponse From(YearAllocation a) => new(a.Year, a.Derivation.Level, a.Derivation.IsPreliminary, a.PopulationReferenceDate, a.KeyLabel,
        a.Derivation.Steps.Select(s => new ChainStepResponse(s.Year, s.Level, s.Rule, s.ChangePercent, s.IsPreliminary, s.Explanation)).ToList(),
        a.Rows.Select(r => new AllocationRowResponse(r.Party.MunicipalityCode!, r.Party.Name, r.Population, decimal.Round(r.Share * 100, 4), r.Amount,
            decimal.Round(r.Exact, 4), r.RoundingAdded)).ToList(),
        a.Total, a.TotalPopulation);
}
