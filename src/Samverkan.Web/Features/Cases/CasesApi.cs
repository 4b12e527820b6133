using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// The case register, flows, flow templates and external referrals (issue 9). Reading is for the county's users;
/// registering and managing for the secretariat; a party's official records their own council's decision in a step
/// for every council. Values in JSON are the enums' names, as everywhere in the API ("Strategy", "Decide", "Adopted").
/// </summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/cases", ListAsync).WithSummary("Searches the register: q (number or title), kind, status, bodyId, year; 50 a page.");
        api.MapPost("/counties/{countyCode}/cases", RegisterAsync).WithSummary("Registers a case with the next number of its series and year. Secretariat.");
        api.MapGet("/counties/{countyCode}/case-series", SeriesAsync).WithSummary("The county's series in the register.");
        api.MapPost("/counties/{countyCode}/case-series", AddSeriesAsync).WithSummary("Adds a series. Secretariat.");
        api.MapGet("/cases/{id:guid}", GetAsync).WithSummary("A case with its flow's steps and its documents.");
        api.MapPost("/cases/{id:guid}/steps", AddStepAsync).WithSummary("Adds a step to the flow. Secretariat.");
        api.MapDelete("/cases/{id:guid}/steps/{stepId:guid}", RemoveStepAsync).WithSummary("Removes a step not yet handled. Secretariat.");
        api.MapPost("/cases/{id:guid}/steps/{stepId:guid}/outcome", OutcomeAsync)
            .WithSummary("Records what a step came to; for a step of every council, one party's decision (partyId): the secretariat or the party's own official.");
        api.MapPost("/cases/{id:guid}/steps/{stepId:guid}/agenda", AgendaAsync)
            .WithSummary("Puts the step on a meeting's agenda of the step's body (a new item, or agendaItemId to link an existing one). Secretariat.");
        api.MapPost("/cases/{id:guid}/flow", ApplyTemplateAsync).WithSummary("Copies a flow template's steps into the case. Secretariat.");
        api.MapPost("/cases/{id:guid}/documents", AddDocumentAsync)
            .DisableAntiforgery() // bearer tokens only; a browser never sends one on its own
            .WithSummary("Adds a document (JSON, or multipart/form-data with a file). Not public needs secrecyReference (OSL). Secretariat.");
        api.MapGet("/cases/{id:guid}/documents/{documentId:guid}/file", DownloadAsync).WithSummary("Downloads a case document's file.");
        api.MapPost("/cases/{id:guid}/close", CloseAsync).WithSummary("Closes the case with its decision. Secretariat.");
        api.MapPost("/cases/{id:guid}/withdraw", WithdrawAsync).WithSummary("Withdraws the case; its number is never reused. Secretariat.");
        api.MapGet("/counties/{countyCode}/flow-templates", TemplatesAsync).WithSummary("The county's flow templates.");
        api.MapPost("/counties/{countyCode}/flow-templates", AddTemplateAsync).WithSummary("Adds a flow template. Secretariat.");
        api.MapGet("/counties/{countyCode}/referrals", ReferralsAsync).WithSummary("External referrals; overdue=true for those past their deadline without a reply.");
        api.MapPost("/counties/{countyCode}/referrals", ReceiveReferralAsync).WithSummary("Registers an external referral as a case. Secretariat.");
        api.MapPost("/referrals/{id:guid}/reply", ReplyAsync).WithSummary("Records the reply as sent (an outgoing document). Secretariat.");
        return api;
    }

    private static async Task<Ok<CaseListResponse>> ListAsync(string countyCode, string? q, string? kind, string? status, Guid? bodyId, int? year, int? page,
        Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var kindValue = Parse<CaseKind>(kind, "kind", "Strategy, Referral, Internal, Agreement eller MandatoryItem", errors);
        var statusValue = Parse<CaseStatus>(status, "status", "Open, Closed eller Withdrawn", errors);
        if (page is < 1)
        {
            errors["page"] = ["Sidnumret börjar på 1."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var (items, total) = await CaseSearch.SearchAsync(db, county.Id, new CaseFilter(q, kindValue, statusValue, bodyId, year, page ?? 1), cancellationToken);
        return TypedResults.Ok(new CaseListResponse(items.Select(CaseRowResponse.From).ToList(), total, page ?? 1, CaseFilter.PageSize));
    }

    private static async Task<Created<CaseResponse>> RegisterAsync(string countyCode, CaseRequest request, Access access, CaseDesk desk, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var @case = await desk.RegisterAsync(county.Id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<List<SeriesResponse>>> SeriesAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var series = await db.CaseSeries.AsNoTracking().Where(s => s.CountyId == county.Id).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(series.Select(s => new SeriesResponse(s.Id, s.Code, s.Name, s.ForReferrals)).ToList());
    }

    private static async Task<Created<SeriesResponse>> AddSeriesAsync(string countyCode, SeriesRequest request, Access access, CaseSetup setup,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var series = await setup.AddSeriesAsync(county.Id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{county.Code}/case-series", new SeriesResponse(series.Id, series.Code, series.Name, series.ForReferrals));
    }

    private static async Task<Ok<CaseResponse>> GetAsync(Guid id, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.LoadAsync(id, null, cancellationToken), time.TodayInSweden(), cancellationToken));

    private static async Task<Created<CaseResponse>> AddStepAsync(Guid id, StepRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (@case, step) = await desk.AddStepAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}/steps/{step.Id}", await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> RemoveStepAsync(Guid id, Guid stepId, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.RemoveStepAsync(id, stepId, cancellationToken), time.TodayInSweden(), cancellationToken));

    private static async Task<Ok<CaseResponse>> OutcomeAsync(Guid id, Guid stepId, OutcomeRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.RecordOutcomeAsync(id, stepId, request, cancellationToken), time.TodayInSweden(), cancellationToken));

    private static async Task<Ok<CaseResponse>> AgendaAsync(Guid id, Guid stepId, AgendaRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.PutOnAgendaAsync(id, stepId, request, cancellationToken), time.TodayInSweden(), cancellationToken));

    private static async Task<Ok<CaseResponse>> ApplyTemplateAsync(Guid id, FlowRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.ApplyTemplateAsync(id, request, cancellationToken), time.TodayInSweden(), cancellationToken));

    // A multipart form is read by hand after the access check: a bound IFormFile would make routing answer 415 before authentication.
    private static async Task<Created<CaseDocumentResponse>> AddDocumentAsync(Guid id, HttpRequest http, CaseDesk desk, Access access, AppDbContext db,
        CancellationToken cancellationToken)
    {
        access.EnsureManage((await desk.LoadAsync(id, null, cancellationToken)).CountyId);
        DocumentRequest request;
        IFormFile? file = null;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            request = new DocumentRequest(Enum.TryParse<DocumentDirection>(form["direction"], true, out var d) ? d : null, form["counterpart"],
                DateOnly.TryParse(form["date"], System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null, form["title"],
                string.Equals(form["isPublic"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase), form["secrecyReference"]);
            file = form.Files["file"];
        }
        else
        {
            request = await http.ReadFromJsonAsync<DocumentRequest>(cancellationToken) ?? throw InputValidationException.For("title", "Skicka handlingens uppgifter.");
        }

        var (@case, document) = await desk.AddDocumentAsync(id, request, file, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", CaseDocumentResponse.From(@case, document));
    }

    private static async Task<FileContentHttpResult> DownloadAsync(Guid id, Guid documentId, CaseDesk desk, AppDbContext db, CancellationToken cancellationToken)
    {
        var @case = await desk.LoadAsync(id, null, cancellationToken);
        var document = @case.Documents.FirstOrDefault(d => d.Id == documentId && d.FileHash is not null) ?? throw new NotFoundException("Handlingen har ingen fil.");
        return await FileStore.DownloadAsync(db, document.FileHash!, document.ContentType!, document.FileName!, cancellationToken);
    }

    private static async Task<Ok<CaseResponse>> CloseAsync(Guid id, CloseCaseRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.CloseAsync(id, request, cancellationToken), time.TodayInSweden(), cancellationToken));

    private static async Task<Ok<CaseResponse>> WithdrawAsync(Guid id, WithdrawRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.WithdrawAsync(id, request, cancellationToken), time.TodayInSweden(), cancellationToken));

    private static async Task<Ok<List<TemplateResponse>>> TemplatesAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == county.Id).ToListAsync(cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).ToDictionaryAsync(b => b.Id, b => b.ShortName ?? b.Name, cancellationToken);
        return TypedResults.Ok(templates.OrderBy(t => t.Name, StringComparer.Create(SwedishText.Culture, false)).Select(t => TemplateResponse.From(t, bodies)).ToList());
    }

    private static async Task<Created<TemplateResponse>> AddTemplateAsync(string countyCode, TemplateRequest request, Access access, CaseSetup setup,
        AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var template = await setup.AddTemplateAsync(county.Id, request, cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).ToDictionaryAsync(b => b.Id, b => b.ShortName ?? b.Name, cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{county.Code}/flow-templates", TemplateResponse.From(template, bodies));
    }

    private static async Task<Ok<List<ReferralResponse>>> ReferralsAsync(string countyCode, bool? overdue, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var today = time.TodayInSweden();
        var query = db.Cases.AsNoTracking().Where(c => c.CountyId == county.Id && c.Kind == CaseKind.Referral && c.ReplyBy != null);
        if (overdue == true)
        {
            query = query.Where(c => c.Status == CaseStatus.Open && c.ReplySentOn == null && c.ReplyBy < today);
        }

        var referrals = await query.OrderBy(c => c.ReplyBy).ToListAsync(cancellationToken);
        return TypedResults.Ok(referrals.Select(c => ReferralResponse.From(c, today)).ToList());
    }

    private static async Task<Created<CaseResponse>> ReceiveReferralAsync(string countyCode, ReferralRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Issuer))
        {
            errors["issuer"] = ["Ange vilken myndighet som har skickat remissen."];
        }

        if (request.ReceivedOn is null)
        {
            errors["receivedOn"] = ["Ange när remissen kom in (ÅÅÅÅ-MM-DD)."];
        }

        if (request.ReplyBy is null)
        {
            errors["replyBy"] = ["Ange sista svarsdag (ÅÅÅÅ-MM-DD)."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (request.DrafterPersonId is { } drafter && !await db.People.AnyAsync(p => p.Id == drafter && p.CountyId == county.Id, cancellationToken))
        {
            throw new NotFoundException("Personen som ska skriva svaret finns inte i länet.");
        }

        var series = request.Series ?? await db.CaseSeries.Where(s => s.CountyId == county.Id).OrderByDescending(s => s.ForReferrals).ThenBy(s => s.Code)
            .Select(s => s.Code).FirstOrDefaultAsync(cancellationToken);
        var @case = await CaseRegister.RegisterAsync(db, county.Id, series, request.Title, CaseKind.Referral, request.ReceivedOn!.Value, request.ResponsibleBodyId, null,
            c => c.ReceiveAsReferral(request.Issuer!, request.IssuerReference, request.ReceivedOn!.Value, request.ReplyBy!.Value, request.DrafterPersonId), cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> ReplyAsync(Guid id, ReplyRequest request, CaseDesk desk, AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseResponse.FromAsync(db, await desk.SendReplyAsync(id, request, cancellationToken), time.TodayInSweden(), cancellationToken));

    /// <summary>A filter value in the API's words ("referral", "open"), whatever the case; an unknown word is a 400 naming the field.</summary>
    private static T? Parse<T>(string? value, string field, string allowed, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value.Trim(), true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors[field] = [$"Okänt värde \"{value}\"; använd {allowed}."];
        return null;
    }

}
