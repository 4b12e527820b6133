using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// Every change of a case after its registration, for the case page and the API alike: each use case loads the case
/// tracked, checks access through <see cref="Access"/>, checks the input (the same Swedish messages on both), calls the
/// domain and saves; a concurrent change of the same case is retried from fresh data (<see cref="ConflictRetry"/>).
/// </summary>
public sealed class CaseDesk(AppDbContext db, Access access, TimeProvider time)
{
    private DateOnly Today => time.TodayInSweden();

    /// <summary>
    /// Registers a case in the county (the secretariat's): the next number of its series and year, the case it follows
    /// and the agreement it adopts both checked against the county.
    /// </summary>
    public async Task<Case> RegisterAsync(Guid countyId, CaseRequest request, CancellationToken cancellationToken)
    {
        access.EnsureManage(countyId);
        Case? related = null;
        if (request.RelatedCaseId is { } relatedId)
        {
            related = await db.Cases.FirstOrDefaultAsync(c => c.Id == relatedId && c.CountyId == countyId, cancellationToken)
                ?? throw InputValidationException.For("relatedCaseId", "Det relaterade ärendet (relatedCaseId) finns inte i länet.");
        }

        if (request.AgreementId is { } agreementId)
        {
            if (!await db.Agreements.AnyAsync(a => a.Id == agreementId && a.CountyId == countyId, cancellationToken))
            {
                throw InputValidationException.For("agreementId", "Överenskommelsen (agreementId) finns inte i länet.");
            }

            if (request.Kind != CaseKind.Agreement)
            {
                throw InputValidationException.For("agreementId", "Bara ett ärende av typen överenskommelse gäller en överenskommelse.");
            }
        }

        return await CaseRegister.RegisterAsync(db, countyId, request.Series, request.Title, request.Kind, request.RegisteredOn ?? Today,
            request.ResponsibleBodyId, request.ResponsibleOfficer, c =>
            {
                if (related is not null)
                {
                    c.RelateTo(related);
                }

                if (request.AgreementId is { } agreement)
                {
                    c.ConcernsAgreement(agreement);
                }
            }, cancellationToken);
    }

    /// <summary>Adds a step handled by a body, or by every party's (every municipality's) council.</summary>
    public Task<(Case Case, CaseStep Step)> AddStepAsync(Guid caseId, StepRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        return ChangeAsync(caseId, countyId, manage: true, async @case =>
        {
            var input = new InputCheck();
            var role = input.Required(request.Role, "role", "Välj stegets roll.");
            var fanOut = request.EveryPartyCouncil == true;
            if (!fanOut && request.BodyId is null)
            {
                input.Add("bodyId", "Välj vem som hanterar steget.");
            }

            input.ThrowIfAny();

            Body? body = null;
            if (request.BodyId is { } bodyId && !fanOut)
            {
                body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId && b.CountyId == @case.CountyId, cancellationToken)
                    ?? throw new NotFoundException("Organet finns inte i länet.");
            }

            return @case.AddStep(fanOut ? null : request.BodyId, body, fanOut, role!.Value, request.DueOn, request.Order, request.MunicipalitiesOnly ?? false);
        }, cancellationToken);
    }

    public Task<Case> RemoveStepAsync(Guid caseId, Guid stepId, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(caseId, countyId, manage: true, @case =>
        {
            @case.RemoveStep(EnsureStep(@case, stepId).Id);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// What a step came to: a body's step by the secretariat; in a step for every council, one party's council decision
    /// by the secretariat or the party's own official.
    /// </summary>
    public async Task<Case> RecordOutcomeAsync(Guid caseId, Guid stepId, OutcomeRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        var (@case, _) = await ChangeAsync(caseId, countyId, manage: false, async @case =>
        {
            var step = EnsureStep(@case, stepId);
            var input = new InputCheck();
            var outcome = input.Required(request.Outcome, "outcome", "Välj utfall.");
            var decidedOn = input.Required(request.DecidedOn, "decidedOn", "Ange datum (ÅÅÅÅ-MM-DD).");
            if (step.EveryPartyCouncil && request.PartyId is null)
            {
                input.Add("partyId", "Välj vilken parts fullmäktige som har beslutat.");
            }
            else if (!step.EveryPartyCouncil && request.PartyId is not null)
            {
                input.Add("partyId", "Steget hanteras av ett organ; ange ingen part.");
            }

            input.ThrowIfAny();
            if (!step.EveryPartyCouncil)
            {
                access.EnsureManage(@case.CountyId);
                @case.RecordOutcome(stepId, outcome!.Value, decidedOn!.Value, request.Reference, Today);
                return true;
            }

            var partyId = request.PartyId!.Value;
            if (!await db.Parties.AnyAsync(p => p.Id == partyId && p.CountyId == @case.CountyId, cancellationToken))
            {
                throw new NotFoundException("Parten finns inte i länet.");
            }

            access.EnsureActFor(@case.CountyId, partyId);
            await CaseCouncils.RecordDecisionAsync(db, @case, stepId, partyId, outcome!.Value, decidedOn!.Value, request.Reference, access.UserName, Today, cancellationToken);
            return true;
        }, cancellationToken);
        return @case;
    }

    /// <summary>Puts a step on the agenda of a meeting of the step's body: a new item, or an existing one linked to the case.</summary>
    public Task<Case> PutOnAgendaAsync(Guid caseId, Guid stepId, AgendaRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        return ChangeAsync(caseId, countyId, manage: true, async @case =>
        {
            var input = new InputCheck();
            var meetingId = input.Required(request.MeetingId, "meetingId", "Välj sammanträde.");
            input.ThrowIfAny();

            var step = EnsureStep(@case, stepId);
            var meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId && m.CountyId == @case.CountyId, cancellationToken)
                ?? throw new NotFoundException("Sammanträdet finns inte i länet.");
            if (step.BodyId != meeting.BodyId)
            {
                throw new Domain.Common.DomainRuleException("StepMeetingBody", "Sammanträdet hålls av ett annat organ än det som hanterar steget.");
            }

            Domain.Meetings.AgendaItem item;
            if (request.AgendaItemId is { } existing)
            {
                meeting.LinkAgendaItemToCase(existing, @case.Id, @case.CaseNumber);
                item = meeting.Agenda.First(a => a.Id == existing);
            }
            else
            {
                item = meeting.AddCaseItem(@case.Id, @case.CaseNumber, @case.Title, @case.ResponsibleOfficer, null);
            }

            @case.LinkStepToAgendaItem(step.Id, meeting.Id, item.Id);
        }, cancellationToken);
    }

    /// <summary>Copies a flow template's steps into the case.</summary>
    public Task<Case> ApplyTemplateAsync(Guid caseId, FlowRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        return ChangeAsync(caseId, countyId, manage: true, async @case =>
        {
            var input = new InputCheck();
            var templateId = input.Required(request.TemplateId, "templateId", "Välj en mall.");
            input.ThrowIfAny();

            var template = await db.FlowTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.CountyId == @case.CountyId, cancellationToken)
                ?? throw new NotFoundException("Mallen finns inte i länet.");
            var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == @case.CountyId).ToDictionaryAsync(b => b.Id, cancellationToken);
            @case.ApplyTemplate(template, bodies);
        }, cancellationToken);
    }

    /// <summary>Registers a document in the case, with its file when one is given (through the file store).</summary>
    public Task<(Case Case, CaseDocument Document)> AddDocumentAsync(Guid caseId, DocumentRequest request, IFormFile? file, CancellationToken cancellationToken,
        Guid? countyId = null)
    {
        return ChangeAsync(caseId, countyId, manage: true, async @case =>
        {
            var input = new InputCheck();
            var direction = input.Required(request.Direction, "direction", "Välj riktning.");
            var date = input.Required(request.Date, "date", "Ange handlingens datum (ÅÅÅÅ-MM-DD).");
            input.ThrowIfAny();

            var stored = file is { Length: > 0 } ? await FileStore.StoreAsync(db, file, cancellationToken) : null;
            return @case.AddDocument(direction!.Value, request.Counterpart, date!.Value, request.Title ?? string.Empty, request.IsPublic == true,
                request.SecrecyReference, stored);
        }, cancellationToken);
    }

    /// <summary>Records a referral's reply as sent: an outgoing document, dated today unless told.</summary>
    public Task<Case> SendReplyAsync(Guid caseId, ReplyRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(caseId, countyId, manage: true, @case =>
        {
            @case.SendReply(request.SentOn ?? Today, string.IsNullOrWhiteSpace(request.Title) ? $"Remissvar: {@case.Title}" : request.Title, request.Receiver, Today, null);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> CloseAsync(Guid caseId, CloseCaseRequest request, CancellationToken cancellationToken, Guid? countyId = null)
    {
        return ChangeAsync(caseId, countyId, manage: true, @case =>
        {
            var input = new InputCheck();
            var text = input.Required(request.DecisionText, "decisionText", "Skriv beslutet.");
            input.ThrowIfAny();

            @case.Close(text!, request.Reference, request.DecidedOn ?? Today);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task<Case> WithdrawAsync(Guid caseId, WithdrawRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ChangeAsync(caseId, countyId, manage: true, @case =>
        {
            @case.Withdraw(request.Reason, Today);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A case the user may read, tracked; when the page names a county, only a case of that county.</summary>
    public async Task<Case> LoadAsync(Guid caseId, Guid? countyId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.WithFlow().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || (countyId is { } county && @case.CountyId != county))
        {
            throw new NotFoundException(countyId is null ? "Ärendet finns inte." : "Ärendet finns inte i länet.");
        }

        access.EnsureRead(@case.CountyId);
        return @case;
    }

    private async Task<Case> ChangeAsync(Guid caseId, Guid? countyId, bool manage, Func<Case, Task> change, CancellationToken cancellationToken) =>
        (await ChangeAsync(caseId, countyId, manage, async c =>
        {
            await change(c);
            return true;
        }, cancellationToken)).Case;

    private Task<(Case Case, T Result)> ChangeAsync<T>(Guid caseId, Guid? countyId, bool manage, Func<Case, Task<T>> change, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var @case = await LoadAsync(caseId, countyId, cancellationToken);
            if (manage)
            {
                access.EnsureManage(@case.CountyId);
            }

            var result = await change(@case);
            await db.SaveChangesAsync(cancellationToken);
            return (@case, result);
        }, cancellationToken);

    private static CaseStep EnsureStep(Case @case, Guid stepId) =>
        @case.Steps.FirstOrDefault(s => s.Id == stepId) ?? throw new NotFoundException("Steget finns inte i ärendet.");
}
