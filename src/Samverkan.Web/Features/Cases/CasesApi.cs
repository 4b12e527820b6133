using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// The case register, flows, flow templates and external referrals (issue 9). Reading is for the county's users;
/// registering and managing for the secretariat; a party's official records their own council's decision in a step
/// for every council. Values in JSON are camelCase words ("strategy", "decide", "adopted").
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

    public static string Value<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static async Task<Ok<CaseListResponse>> ListAsync(string countyCode, string? q, string? kind, string? status, Guid? bodyId, int? year, int? page,
        Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var kindValue = Parse<CaseKind>(kind, "kind", "strategy, referral, internal, agreement eller mandatoryItem", errors);
        var statusValue = Parse<CaseStatus>(status, "status", "open, closed eller withdrawn", errors);
        if (page is < 1)
        {
            errors["page"] = ["Sidnumret börjar på 1."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var (items, total) = await CaseRegister.SearchAsync(db, county.Id, new CaseFilter(q, kindValue, statusValue, bodyId, year, page ?? 1), cancellationToken);
        return TypedResults.Ok(new CaseListResponse(items.Select(CaseRowResponse.From).ToList(), total, page ?? 1, CaseFilter.PageSize));
    }

    private static async Task<Created<CaseResponse>> RegisterAsync(string countyCode, CaseRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        Case? related = null;
        if (request.RelatedCaseId is { } relatedId)
        {
            related = await db.Cases.FirstOrDefaultAsync(c => c.Id == relatedId && c.CountyId == county.Id, cancellationToken) ?? throw new NotFoundException("Det relaterade ärendet finns inte i länet.");
        }

        var @case = await CaseRegister.RegisterAsync(db, county.Id, request.Series, request.Title, request.Kind, request.RegisteredOn ?? time.TodayInSweden(),
            request.ResponsibleBodyId, request.ResponsibleOfficer, c =>
            {
                if (related is not null)
                {
                    c.RelateTo(related);
                }
            }, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<List<SeriesResponse>>> SeriesAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var series = await db.CaseSeries.AsNoTracking().Where(s => s.CountyId == county.Id).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(series.Select(s => new SeriesResponse(s.Id, s.Code, s.Name, s.ForReferrals)).ToList());
    }

    private static async Task<Created<SeriesResponse>> AddSeriesAsync(string countyCode, SeriesRequest request, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var series = new CaseSeries(county.Id, request.Code ?? string.Empty, request.Name ?? string.Empty);
        if (request.ForReferrals == true)
        {
            series.UseForReferrals();
        }

        db.CaseSeries.Add(series);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{county.Code}/case-series", new SeriesResponse(series.Id, series.Code, series.Name, series.ForReferrals));
    }

    private static async Task<Ok<CaseResponse>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Created<CaseResponse>> AddStepAsync(Guid id, StepRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        if (request.Role is null)
        {
            throw InputValidationException.For("role", "Ange stegets roll: prepare, consult, decide eller inform.");
        }

        BodyKind? kind = null;
        if (request.BodyId is { } bodyId)
        {
            kind = (await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId && b.CountyId == @case.CountyId).Select(b => (BodyKind?)b.Kind).FirstOrDefaultAsync(cancellationToken))
                ?? throw new NotFoundException("Organet finns inte i länet.");
        }

        var step = @case.AddStep(request.BodyId, kind, request.EveryPartyCouncil ?? false, request.Role.Value, request.DueOn, request.Order, request.MunicipalitiesOnly ?? false);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}/steps/{step.Id}", await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> RemoveStepAsync(Guid id, Guid stepId, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        EnsureStep(@case, stepId);
        @case.RemoveStep(stepId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> OutcomeAsync(Guid id, Guid stepId, OutcomeRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        var step = EnsureStep(@case, stepId);
        var errors = new Dictionary<string, string[]>();
        if (request.Outcome is null)
        {
            errors["outcome"] = ["Ange utfallet: prepared, advised, noted, adopted, rejected eller returned."];
        }

        if (request.DecidedOn is null)
        {
            errors["decidedOn"] = ["Ange datumet (ÅÅÅÅ-MM-DD)."];
        }

        if (step.EveryPartyCouncil && request.PartyId is null)
        {
            errors["partyId"] = ["Ange vilken parts fullmäktige som har beslutat."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var today = time.TodayInSweden();
        if (step.EveryPartyCouncil)
        {
            var partyId = request.PartyId!.Value;
            if (!await db.Parties.AnyAsync(p => p.Id == partyId && p.CountyId == @case.CountyId, cancellationToken))
            {
                throw new NotFoundException("Parten finns inte i länet.");
            }

            access.EnsureActFor(@case.CountyId, partyId);
            await CaseRegister.RecordCouncilDecisionAsync(db, @case, stepId, partyId, request.Outcome!.Value, request.DecidedOn!.Value, request.Reference, access.UserName,
                today, cancellationToken);
        }
        else
        {
            access.EnsureManage(@case.CountyId);
            if (request.PartyId is not null)
            {
                throw InputValidationException.For("partyId", "Steget hanteras av ett organ; ange ingen part.");
            }

            @case.RecordOutcome(stepId, request.Outcome!.Value, request.DecidedOn!.Value, request.Reference, today);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, today, cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> AgendaAsync(Guid id, Guid stepId, AgendaRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        EnsureStep(@case, stepId);
        if (request.MeetingId is null)
        {
            throw InputValidationException.For("meetingId", "Välj sammanträdet.");
        }

        await CaseRegister.PutOnAgendaAsync(db, @case, stepId, request.MeetingId.Value, request.AgendaItemId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> ApplyTemplateAsync(Guid id, FlowRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        var template = await db.FlowTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TemplateId && t.CountyId == @case.CountyId, cancellationToken)
            ?? throw new NotFoundException("Mallen finns inte i länet.");
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == @case.CountyId).ToDictionaryAsync(b => b.Id, b => b.Kind, cancellationToken);
        @case.ApplyTemplate(template, bodies);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    // A multipart form is read by hand after the access check: a bound IFormFile would make routing answer 415 before authentication.
    private static async Task<Created<CaseDocumentResponse>> AddDocumentAsync(Guid id, HttpRequest http, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        DocumentRequest request;
        StoredFileRef? file = null;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            request = new DocumentRequest(Enum.TryParse<DocumentDirection>(form["direction"], true, out var d) ? d : null, form["counterpart"],
                DateOnly.TryParse(form["date"], System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null, form["title"],
                string.Equals(form["isPublic"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase), form["secrecyReference"]);
            if (form.Files["file"] is { } upload)
            {
                if (upload.Length > Meetings.Documents.MaxBytes)
                {
                    throw new DomainRuleException("DocumentSize", $"Filen \"{upload.FileName}\" är större än 20 MB.");
                }

                using var memory = new MemoryStream();
                await upload.CopyToAsync(memory, cancellationToken);
                file = await CaseRegister.StoreFileAsync(db, upload.FileName, memory.ToArray(), cancellationToken);
            }
        }
        else
        {
            request = await http.ReadFromJsonAsync<DocumentRequest>(cancellationToken) ?? throw InputValidationException.For("title", "Skicka handlingens uppgifter.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Direction is null)
        {
            errors["direction"] = ["Ange riktning: incoming, outgoing eller internal."];
        }

        if (request.Date is null)
        {
            errors["date"] = ["Ange handlingens datum (ÅÅÅÅ-MM-DD)."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var document = @case.AddDocument(request.Direction!.Value, request.Counterpart, request.Date!.Value, request.Title ?? string.Empty, request.IsPublic == true,
            request.SecrecyReference, file);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", CaseDocumentResponse.From(@case, document));
    }

    private static async Task<FileContentHttpResult> DownloadAsync(Guid id, Guid documentId, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        var document = @case.Documents.FirstOrDefault(d => d.Id == documentId && d.FileHash is not null) ?? throw new NotFoundException("Handlingen har ingen fil.");
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Hash == document.FileHash, cancellationToken);
        return TypedResults.File(file.Content, document.ContentType, document.FileName);
    }

    private static async Task<Ok<CaseResponse>> CloseAsync(Guid id, CloseCaseRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        if (string.IsNullOrWhiteSpace(request.DecisionText))
        {
            throw InputValidationException.For("decisionText", "Ange beslutet.");
        }

        @case.Close(request.DecisionText, request.Reference, request.DecidedOn ?? time.TodayInSweden());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<CaseResponse>> WithdrawAsync(Guid id, WithdrawRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        @case.Withdraw(request.Reason, time.TodayInSweden());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, time.TodayInSweden(), cancellationToken));
    }

    private static async Task<Ok<List<TemplateResponse>>> TemplatesAsync(string countyCode, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == county.Id).ToListAsync(cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).ToDictionaryAsync(b => b.Id, b => b.ShortName ?? b.Name, cancellationToken);
        return TypedResults.Ok(templates.OrderBy(t => t.Name, StringComparer.Create(SwedishText.Culture, false)).Select(t => TemplateResponse.From(t, bodies)).ToList());
    }

    private static async Task<Created<TemplateResponse>> AddTemplateAsync(string countyCode, TemplateRequest request, Access access, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).ToDictionaryAsync(b => b.Id, cancellationToken);
        var template = new FlowTemplate(county.Id, request.Name ?? string.Empty);
        if (request.Steps is not { Count: > 0 })
        {
            throw InputValidationException.For("steps", "Mallen behöver minst ett steg.");
        }

        for (var i = 0; i < request.Steps.Count; i++)
        {
            var step = request.Steps[i];
            if (step.Role is null)
            {
                throw InputValidationException.For($"steps[{i}].role", "Ange stegets roll: prepare, consult, decide eller inform.");
            }

            if (step.BodyId is { } bodyId && !bodies.ContainsKey(bodyId))
            {
                throw new NotFoundException($"Steg {i + 1}: organet finns inte i länet.");
            }

            template.AddStep(step.BodyId, step.EveryPartyCouncil ?? false, step.Role.Value, step.DueAfterDays, step.MunicipalitiesOnly ?? false,
                step.BodyId is { } b ? bodies[b].Kind : null);
        }

        db.FlowTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/counties/{county.Code}/flow-templates", TemplateResponse.From(template, bodies.ToDictionary(b => b.Key, b => b.Value.ShortName ?? b.Value.Name)));
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

    private static async Task<Ok<CaseResponse>> ReplyAsync(Guid id, ReplyRequest request, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var @case = await CaseRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(@case.CountyId);
        var today = time.TodayInSweden();
        @case.SendReply(request.SentOn ?? today, string.IsNullOrWhiteSpace(request.Title) ? $"Remissvar: {@case.Title}" : request.Title, request.Receiver, today, null);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await CaseResponse.FromAsync(db, @case, today, cancellationToken));
    }

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

    private static CaseStep EnsureStep(Case @case, Guid stepId) =>
        @case.Steps.FirstOrDefault(s => s.Id == stepId) ?? throw new NotFoundException("Steget finns inte i ärendet.");
}

public sealed record CaseRequest(string? Series, string? Title, CaseKind? Kind, Guid? ResponsibleBodyId = null, string? ResponsibleOfficer = null, Guid? RelatedCaseId = null,
    DateOnly? RegisteredOn = null);

public sealed record SeriesRequest(string? Code, string? Name, bool? ForReferrals);

public sealed record SeriesResponse(Guid Id, string Code, string Name, bool ForReferrals);

public sealed record StepRequest(Guid? BodyId, bool? EveryPartyCouncil, StepRole? Role, DateOnly? DueOn, int? Order = null, bool? MunicipalitiesOnly = null);

public sealed record OutcomeRequest(StepOutcome? Outcome, DateOnly? DecidedOn, string? Reference, Guid? PartyId);

public sealed record AgendaRequest(Guid? MeetingId, Guid? AgendaItemId);

public sealed record FlowRequest(Guid? TemplateId);

public sealed record DocumentRequest(DocumentDirection? Direction, string? Counterpart, DateOnly? Date, string? Title, bool? IsPublic, string? SecrecyReference);

public sealed record CloseCaseRequest(string? DecisionText, string? Reference, DateOnly? DecidedOn);

public sealed record WithdrawRequest(string? Reason);

public sealed record TemplateStepRequest(Guid? BodyId, bool? EveryPartyCouncil, StepRole? Role, int? DueAfterDays, bool? MunicipalitiesOnly = null);

public sealed record TemplateRequest(string? Name, IReadOnlyList<TemplateStepRequest>? Steps);

public sealed record ReferralRequest(string? Title, string? Issuer, string? IssuerReference, DateOnly? ReceivedOn, DateOnly? ReplyBy, Guid? DrafterPersonId,
    string? Series = null, Guid? ResponsibleBodyId = null);

public sealed record ReplyRequest(DateOnly? SentOn, string? Title, string? Receiver);

public sealed record CaseListResponse(IReadOnlyList<CaseRowResponse> Items, int Total, int Page, int PageSize);

public sealed record CaseRowResponse(Guid Id, string CaseNumber, string Title, string Kind, string Status, DateOnly RegisteredOn)
{
    public static CaseRowResponse From(CaseRow c) => new(c.Id, c.CaseNumber, c.Title, CasesApi.Value(c.Kind), CasesApi.Value(c.Status), c.RegisteredOn);
}

public sealed record CouncilDecisionResponse(Guid PartyId, string PartyName, string? Outcome, DateOnly? DecidedOn, string? Reference);

public sealed record StepResponse(Guid Id, int Order, Guid? BodyId, string Body, bool EveryPartyCouncil, bool MunicipalitiesOnly, string Role, bool Decides, string Status, DateOnly? DueOn,
    bool Overdue, Guid? MeetingId, Guid? AgendaItemId, int? Paragraph, string? Outcome, DateOnly? DecidedOn, string? Reference, IReadOnlyList<CouncilDecisionResponse> Parties);

public sealed record CaseDocumentResponse(Guid Id, int Number, string Direction, string? Counterpart, DateOnly Date, string Title, bool IsPublic, string? SecrecyReference,
    string? FileName, string? Url)
{
    public static CaseDocumentResponse From(Case c, CaseDocument d) => new(d.Id, d.Number, CasesApi.Value(d.Direction), d.Counterpart, d.Date, d.Title, d.IsPublic,
        d.SecrecyReference, d.FileName, d.FileHash is null ? null : $"/api/v1/cases/{c.Id}/documents/{d.Id}/file");
}

public sealed record ReferralResponse(Guid Id, string CaseNumber, string Title, string Issuer, string? IssuerReference, DateOnly ReceivedOn, DateOnly ReplyBy,
    Guid? DrafterPersonId, DateOnly? ReplySentOn, bool Overdue, bool DueSoon, string Status)
{
    public static ReferralResponse From(Case c, DateOnly today) => new(c.Id, c.CaseNumber, c.Title, c.Issuer!, c.IssuerReference, c.ReceivedOn!.Value, c.ReplyBy!.Value,
        c.DrafterPersonId, c.ReplySentOn, c.IsOverdue(today), c.IsReplyDueSoon(today), CasesApi.Value(c.Status));
}

public sealed record CaseResponse(Guid Id, string CaseNumber, string Series, int Number, int Year, string Title, string Kind, string Status, DateOnly RegisteredOn,
    Guid? ResponsibleBodyId, string? ResponsibleOfficer, Guid? RelatedCaseId, Guid? AgreementId, string? DecisionText, string? DecisionReference, DateOnly? DecidedOn,
    ReferralResponse? Referral, IReadOnlyList<StepResponse> Steps, IReadOnlyList<CaseDocumentResponse> Documents, int Version)
{
    public static async Task<CaseResponse> FromAsync(AppDbContext db, Case c, DateOnly today, CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == c.CountyId).ToDictionaryAsync(b => b.Id, b => b.ShortName ?? b.Name, cancellationToken);
        var parties = await CaseRegister.CouncilPartiesByStepAsync(db, c, c.Steps, cancellationToken);

        return new(c.Id, c.CaseNumber, c.Series, c.Number, c.Year, c.Title, CasesApi.Value(c.Kind), CasesApi.Value(c.Status), c.RegisteredOn, c.ResponsibleBodyId,
            c.ResponsibleOfficer, c.RelatedCaseId, c.AgreementId, c.DecisionText, c.DecisionReference, c.DecidedOn,
            c.IsReferral ? ReferralResponse.From(c, today) : null,
            c.Steps.OrderBy(s => s.Order).Select(s => new StepResponse(s.Id, s.Order, s.BodyId,
                s.EveryPartyCouncil ? s.CouncilLabel : bodies.GetValueOrDefault(s.BodyId!.Value, "okänt organ"), s.EveryPartyCouncil, s.MunicipalitiesOnly, CasesApi.Value(s.Role),
                s.Decides, CasesApi.Value(c.StatusOf(s)), s.DueOn, s.IsOverdue(today), s.MeetingId, s.AgendaItemId, s.Paragraph,
                s.Outcome is { } o ? CasesApi.Value(o) : null, s.DecidedOn, s.Reference,
                s.EveryPartyCouncil
                    ? parties[s.Id].Select(p => s.CouncilDecisions.FirstOrDefault(d => d.PartyId == p.Id) is { } d
                        ? new CouncilDecisionResponse(p.Id, p.Name, CasesApi.Value(d.Outcome), d.DecidedOn, d.Reference)
                        : new CouncilDecisionResponse(p.Id, p.Name, null, null, null)).ToList()
                    : [])).ToList(),
            c.Documents.OrderBy(d => d.Number).Select(d => CaseDocumentResponse.From(c, d)).ToList(), c.Version);
    }
}

public sealed record TemplateStepResponse(int Order, Guid? BodyId, string Body, bool EveryPartyCouncil, string Role, int? DueAfterDays, bool MunicipalitiesOnly);

public sealed record TemplateResponse(Guid Id, string Name, IReadOnlyList<TemplateStepResponse> Steps)
{
    public static TemplateResponse From(FlowTemplate t, IReadOnlyDictionary<Guid, string> bodies) => new(t.Id, t.Name,
        t.Steps.OrderBy(s => s.Order).Select(s => new TemplateStepResponse(s.Order, s.BodyId,
            s.EveryPartyCouncil ? (s.MunicipalitiesOnly ? "Varje kommuns fullmäktige" : "Varje parts fullmäktige") : bodies.GetValueOrDefault(s.BodyId!.Value, "okänt organ"),
            s.EveryPartyCouncil, CasesApi.Value(s.Role), s.DueAfterDays, s.MunicipalitiesOnly)).ToList());
}
