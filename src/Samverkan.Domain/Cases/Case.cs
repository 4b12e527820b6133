using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Cases;

/// <summary>
/// A case (ärende) in the county's register (diarium), numbered in the Swedish form "RS 759-2022": series, running number
/// gap-free per series and year, year. Its flow (beredningsgång) is an ordered list of steps, each handled by a body or by
/// every party's council; a step waits for the ones before it. A case is closed by its last deciding step, or by hand,
/// or withdrawn; it is never deleted, so its number is never reused.
/// </summary>
public sealed class Case : ICountyOwned
{
    private readonly List<CaseStep> steps = [];
    private readonly List<CaseDocument> documents = [];

    private Case()
    {
        Series = string.Empty;
        CaseNumber = string.Empty;
        Title = string.Empty;
    }

    public Case(Guid countyId, string series, int number, DateOnly registeredOn, string title, CaseKind kind, Guid? responsibleBodyId, string? responsibleOfficer)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("CaseTitle", "Ärendet måste ha en rubrik.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("CaseKind", "Okänd ärendetyp.");
        }

        if (number < 1)
        {
            throw new DomainRuleException("CaseNumber", "Löpnumret börjar på 1.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Series = series;
        Number = number;
        Year = registeredOn.Year;
        CaseNumber = Format(series, number, Year);
        RegisteredOn = registeredOn;
        Title = title.Trim();
        SearchText = $"{CaseNumber} {Title}".ToLowerInvariant();
        Kind = kind;
        Status = CaseStatus.Open;
        ResponsibleBodyId = responsibleBodyId;
        ResponsibleOfficer = Clean(responsibleOfficer);
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The series' code, e.g. "RS" (regionstyrelsen) or "RUN".</summary>
    public string Series { get; private set; }

    public int Number { get; private set; }

    public int Year { get; private set; }

    /// <summary>Diarienummer, e.g. "RS 759-2022".</summary>
    public string CaseNumber { get; private set; }

    public string Title { get; private set; }

    /// <summary>Number and title in lower case, so that search finds "Ä" as "ä" on every database engine.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public CaseKind Kind { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public Guid? ResponsibleBodyId { get; private set; }

    /// <summary>The officer (handläggare) who handles the case.</summary>
    public string? ResponsibleOfficer { get; private set; }

    /// <summary>A case this one follows from or belongs to, such as a strategy for its action plan.</summary>
    public Guid? RelatedCaseId { get; private set; }

    /// <summary>The agreement a case of kind agreement adopts: its council step and the agreement's adoptions are one record.</summary>
    public Guid? AgreementId { get; private set; }

    public string? DecisionText { get; private set; }

    public string? DecisionReference { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    // An external referral (remiss, seed 003): who sent it, their reference, the reply deadline and the drafter.
    public string? Issuer { get; private set; }

    public string? IssuerReference { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public DateOnly? ReplyBy { get; private set; }

    public Guid? DrafterPersonId { get; private set; }

    public DateOnly? ReplySentOn { get; private set; }

    public int? ReplyDocumentNumber { get; private set; }

    /// <summary>The reminders 14 and 3 days before the deadline, each sent once.</summary>
    public bool FirstReminderSent { get; private set; }

    public bool LastReminderSent { get; private set; }

    public bool IsReferral => Kind == CaseKind.Referral && ReplyBy is not null;

    /// <summary>Reminders go to the drafter 14 and 3 days before the deadline.</summary>
    public const int ReminderDays = 14;

    public const int LastReminderDays = 3;

    public int Version { get; private set; }

    public IReadOnlyList<CaseStep> Steps => steps;

    public IReadOnlyList<CaseDocument> Documents => documents;

    public static string Format(string series, int number, int year) => $"{series} {number}-{year}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void RelateTo(Case other)
    {
        if (other.CountyId != CountyId || other.Id == Id)
        {
            throw new DomainRuleException("RelatedCase", "Det relaterade ärendet måste vara ett annat ärende i samma län.");
        }

        RelatedCaseId = other.Id;
        Version++;
    }

    public void ConcernsAgreement(Guid agreementId)
    {
        if (Kind != CaseKind.Agreement)
        {
            throw new DomainRuleException("CaseAgreement", "Bara ett ärende om en överenskommelse kan kopplas till överenskommelsen.");
        }

        AgreementId = agreementId;
        Version++;
    }

    /// <summary>Makes the case an external referral with its issuer, reference and reply deadline (seed 003).</summary>
    public void ReceiveAsReferral(string issuer, string? issuerReference, DateOnly receivedOn, DateOnly replyBy, Guid? drafterPersonId)
    {
        if (Kind != CaseKind.Referral)
        {
            throw new DomainRuleException("ReferralKind", "Bara ett ärende av typen extern remiss har remissuppgifter.");
        }

        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new DomainRuleException("ReferralIssuer", "Ange vilken myndighet som har skickat remissen.");
        }

        if (replyBy < receivedOn)
        {
            throw new DomainRuleException("ReferralDeadline", "Svarsdatumet kan inte ligga före datumet då remissen kom in.");
        }

        Issuer = issuer.Trim();
        IssuerReference = Clean(issuerReference);
        ReceivedOn = receivedOn;
        ReplyBy = replyBy;
        DrafterPersonId = drafterPersonId;
        Version++;
    }

    /// <summary>A referral is overdue when its deadline has passed and no reply was sent.</summary>
    public bool IsOverdue(DateOnly today) => IsReferral && ReplySentOn is null && Status == CaseStatus.Open && ReplyBy < today;

    /// <summary>Due within 14 days and not yet answered.</summary>
    public bool IsReplyDueSoon(DateOnly today) =>
        IsReferral && ReplySentOn is null && Status == CaseStatus.Open && ReplyBy >= today && ReplyBy <= today.AddDays(ReminderDays);

    /// <summary>Records that the reply was sent; the reply itself is an outgoing document of the case.</summary>
    public CaseDocument SendReply(DateOnly sentOn, string title, string? receiver, DateOnly today, StoredFileRef? file)
    {
        if (!IsReferral)
        {
            throw new DomainRuleException("ReferralKind", "Ärendet är ingen remiss.");
        }

        if (ReplySentOn is { } sent)
        {
            throw new DomainRuleException("ReferralAnswered", $"Remissvaret skickades redan {SwedishText.Date(sent)}.", RuleSeverity.Conflict);
        }

        if (sentOn > today)
        {
            throw new DomainRuleException("ReferralReplyDate", "Svaret kan inte ha skickats i framtiden.");
        }

        if (sentOn < ReceivedOn)
        {
            throw new DomainRuleException("ReferralReplyDate", "Svaret kan inte ha skickats innan remissen kom in.");
        }

        var document = AddDocument(DocumentDirection.Outgoing, receiver ?? Issuer, sentOn, title, true, null, file);
        ReplySentOn = sentOn;
        ReplyDocumentNumber = document.Number;
        if (Status == CaseStatus.Open && steps.All(s => s.Outcome is not null))
        {
            Close(title, IssuerReference is null ? $"Svar {SwedishText.Date(sentOn)}" : $"Svar på {IssuerReference}", sentOn);
        }

        Version++;
        return document;
    }

    public void MarkReminderSent(int daysBefore)
    {
        if (daysBefore == ReminderDays)
        {
            FirstReminderSent = true;
        }
        else
        {
            LastReminderSent = true;
        }
    }

    /// <summary>Adds a step to the end of the flow (or at <paramref name="order"/>). A step that decides needs a body that can decide.</summary>
    public CaseStep AddStep(Guid? bodyId, BodyKind? bodyKind, bool everyPartyCouncil, StepRole role, DateOnly? dueOn, int? order = null, bool municipalitiesOnly = false)
    {
        EnsureOpen();
        FlowTemplate.EnsureStep(bodyId, bodyKind, everyPartyCouncil, role);
        var position = order is { } o && o >= 1 && o <= steps.Count ? o : steps.Count + 1;
        if (steps.Where(s => s.Order >= position).Any(s => s.Outcome is not null))
        {
            throw new DomainRuleException("StepOrder", "Ett nytt steg kan inte läggas före ett steg som redan är avklarat.", RuleSeverity.Conflict);
        }

        foreach (var later in steps.Where(s => s.Order >= position))
        {
            later.SetOrder(later.Order + 1);
        }

        var step = new CaseStep(this, position, bodyId, everyPartyCouncil, role, dueOn, municipalitiesOnly);
        steps.Add(step);
        Version++;
        return step;
    }

    /// <summary>Copies a flow template's steps into the case, each due a number of days after registration when the template says so.</summary>
    public void ApplyTemplate(FlowTemplate template, IReadOnlyDictionary<Guid, BodyKind> bodies)
    {
        if (template.CountyId != CountyId)
        {
            throw new DomainRuleException("FlowTemplateCounty", "Mallen hör inte till länet.");
        }

        foreach (var step in template.Steps.OrderBy(s => s.Order))
        {
            var kind = step.BodyId is { } b && bodies.TryGetValue(b, out var k) ? k : (BodyKind?)null;
            AddStep(step.BodyId, kind, step.EveryPartyCouncil, step.Role, step.DueAfterDays is { } days ? RegisteredOn.AddDays(days) : null, null, step.MunicipalitiesOnly);
        }
    }

    public void RemoveStep(Guid stepId)
    {
        EnsureOpen();
        var step = Step(stepId);
        if (step.Outcome is not null || step.CouncilDecisions.Count > 0)
        {
            throw new DomainRuleException("StepDone", "Ett steg som har hanterats kan inte tas bort.", RuleSeverity.Conflict);
        }

        steps.Remove(step);
        foreach (var later in steps.Where(s => s.Order > step.Order))
        {
            later.SetOrder(later.Order - 1);
        }

        Version++;
    }

    public CaseStep Step(Guid stepId) => steps.FirstOrDefault(s => s.Id == stepId) ?? throw new DomainRuleException("CaseStep", "Steget finns inte i ärendet.");

    /// <summary>Done when it has an outcome; waiting when every step before it is done; otherwise pending.</summary>
    public StepStatus StatusOf(CaseStep step) =>
        step.Outcome is not null ? StepStatus.Done
        : steps.Where(s => s.Order < step.Order).All(s => s.Outcome is not null) ? StepStatus.Waiting
        : StepStatus.Pending;

    /// <summary>The step the case waits for, if any.</summary>
    public CaseStep? CurrentStep => Status == CaseStatus.Open ? steps.OrderBy(s => s.Order).FirstOrDefault(s => s.Outcome is null) : null;

    /// <summary>Links a step to the agenda item of the meeting where its body handles the case.</summary>
    public void LinkStepToAgendaItem(Guid stepId, Guid meetingId, Guid agendaItemId)
    {
        EnsureOpen();
        var step = Step(stepId);
        if (step.Outcome is not null)
        {
            throw new DomainRuleException("StepDone", "Steget är redan hanterat.", RuleSeverity.Conflict);
        }

        step.LinkAgendaItem(meetingId, agendaItemId);
        Version++;
    }

    /// <summary>
    /// Records what a body's step came to: only a step that decides can record a decision, and a step that decides
    /// records nothing but a decision. Steps are handled in order.
    /// </summary>
    public void RecordOutcome(Guid stepId, StepOutcome outcome, DateOnly decidedOn, string? reference, DateOnly today, Guid? minutesItemId = null, int? paragraph = null)
    {
        EnsureOpen();
        var step = Step(stepId);
        if (step.EveryPartyCouncil)
        {
            throw new DomainRuleException("CouncilStepPerParty", "I ett steg för varje parts fullmäktige registreras varje parts beslut för sig.");
        }

        EnsureHandleable(step, outcome, decidedOn, today);
        step.Record(outcome, decidedOn, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), minutesItemId, paragraph);
        AfterStep(step);
        Version++;
    }

    /// <summary>
    /// One party's council decides in a step for every party's council; the step completes when all have decided, by the
    /// same rule as the agreement's adoption (<see cref="EveryCouncil"/>): adopted if every council adopted, otherwise rejected.
    /// </summary>
    public CouncilDecision RecordCouncilDecision(Guid stepId, Guid partyId, string partyName, IReadOnlyCollection<Guid> parties, StepOutcome outcome,
        DateOnly decidedOn, string? reference, string recordedBy, DateOnly today)
    {
        EnsureOpen();
        var step = Step(stepId);
        if (!step.EveryPartyCouncil)
        {
            throw new DomainRuleException("CouncilStep", "Steget hanteras av ett organ, inte av parternas fullmäktige.");
        }

        var clean = EveryCouncil.EnsureRecordable("CouncilDecision", "beslut i ärendet", parties.Contains(partyId),
            step.CouncilDecisions.Any(d => d.PartyId == partyId), partyName, decidedOn, reference, today);
        EnsureHandleable(step, outcome, decidedOn, today);
        var decision = step.AddCouncilDecision(partyId, outcome, decidedOn, clean, recordedBy);
        var round = EveryCouncil.Progress(parties, step.CouncilDecisions.Select(d => d.PartyId));
        if (round.Complete)
        {
            var all = step.CouncilDecisions.Where(d => parties.Contains(d.PartyId)).ToList();
            step.Record(all.All(d => d.Outcome == StepOutcome.Adopted) ? StepOutcome.Adopted : StepOutcome.Rejected,
                all.Max(d => d.DecidedOn), step.MunicipalitiesOnly ? $"Alla {round.Parties} kommuners fullmäktige har beslutat" : $"Alla {round.Parties} parters fullmäktige har beslutat", null, null);
            AfterStep(step);
        }

        Version++;
        return decision;
    }

    public static CouncilRound RoundOf(CaseStep step, IEnumerable<Guid> parties) => EveryCouncil.Progress(parties, step.CouncilDecisions.Select(d => d.PartyId));

    private void EnsureHandleable(CaseStep step, StepOutcome outcome, DateOnly decidedOn, DateOnly today)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("StepOutcome", "Okänt utfall.");
        }

        if (step.Outcome is not null)
        {
            throw new DomainRuleException("StepDone", "Steget är redan hanterat.", RuleSeverity.Conflict);
        }

        if (StatusOf(step) == StepStatus.Pending)
        {
            throw new DomainRuleException("StepOrder", "Stegen hanteras i ordning; ett tidigare steg är inte klart.", RuleSeverity.Conflict);
        }

        if (CaseLabels.Decides(outcome) != step.Decides)
        {
            throw new DomainRuleException("OnlyDecidingStepDecides", step.Decides
                ? "Steget beslutar; utfallet är bifall, avslag eller återremiss."
                : "Bara ett beslutande steg kan fatta beslut; utfallet här är berett, yttrat sig eller antecknat.");
        }

        if (decidedOn > today)
        {
            throw new DomainRuleException("StepDate", "Datumet kan inte ligga i framtiden.");
        }
    }

    /// <summary>The last step's decision is the case's decision; a decision that was not a return closes the case.</summary>
    private void AfterStep(CaseStep step)
    {
        var last = steps.MaxBy(s => s.Order);
        if (step == last && step.Decides && step.Outcome is StepOutcome.Adopted or StepOutcome.Rejected)
        {
            Close(CaseLabels.Outcome(step.Outcome), step.Reference ?? string.Empty, step.DecidedOn!.Value);
        }
    }

    public void Close(string? decisionText, string? reference, DateOnly decidedOn)
    {
        EnsureOpen();
        DecisionText = Clean(decisionText);
        DecisionReference = Clean(reference);
        DecidedOn = decidedOn;
        Status = CaseStatus.Closed;
        Version++;
    }

    public void Withdraw(string? reason, DateOnly on)
    {
        EnsureOpen();
        DecisionText = Clean(reason) ?? "Återkallat";
        DecidedOn = on;
        Status = CaseStatus.Withdrawn;
        Version++;
    }

    /// <summary>Adds a document (handling), numbered on within the case; one that is not public names its secrecy ground (OSL).</summary>
    public CaseDocument AddDocument(DocumentDirection direction, string? counterpart, DateOnly date, string title, bool isPublic, string? secrecyReference, StoredFileRef? file)
    {
        var number = documents.Select(d => d.Number).DefaultIfEmpty(0).Max() + 1;
        var document = new CaseDocument(this, number, direction, counterpart, date, title, isPublic, secrecyReference, file);
        documents.Add(document);
        Version++;
        return document;
    }

    private void EnsureOpen()
    {
        if (Status != CaseStatus.Open)
        {
            throw new DomainRuleException("CaseClosed", $"Ärendet är {CaseLabels.Status(Status).ToLowerInvariant()}.", RuleSeverity.Conflict);
        }
    }
}

/// <summary>A file in the document store, by its SHA-256.</summary>
public sealed record StoredFileRef(string Hash, string FileName, string ContentType, long Size);
