using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Cases;

/// <summary>
/// One step of a case's flow: the body that handles it (or every party's council), its role, its due date, where it was
/// handled (meeting, agenda item, minutes paragraph) and what it came to. The shape of OParl's Consultation.
/// </summary>
public sealed class CaseStep : ICountyOwned
{
    private readonly List<CouncilDecision> councilDecisions = [];

    private CaseStep()
    {
    }

    internal CaseStep(Case @case, int order, Guid? bodyId, bool everyPartyCouncil, StepRole role, DateOnly? dueOn, bool municipalitiesOnly)
    {
        MunicipalitiesOnly = everyPartyCouncil && municipalitiesOnly;
        Id = Guid.NewGuid();
        CaseId = @case.Id;
        CountyId = @case.CountyId;
        Order = order;
        BodyId = bodyId;
        EveryPartyCouncil = everyPartyCouncil;
        Role = role;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid CountyId { get; private set; }

    public int Order { get; private set; }

    /// <summary>The body that handles the step; none when every party's council does.</summary>
    public Guid? BodyId { get; private set; }

    /// <summary>The step fans out to one decision per party's council.</summary>
    public bool EveryPartyCouncil { get; private set; }

    /// <summary>The step fans out to the municipalities' councils only; the region decides in a step of its own (seed 002: RF last).</summary>
    public bool MunicipalitiesOnly { get; private set; }

    public StepRole Role { get; private set; }

    /// <summary>Only a step whose role is to decide can record a decision.</summary>
    public bool Decides => Role == StepRole.Decide;

    public DateOnly? DueOn { get; private set; }

    public Guid? MeetingId { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public Guid? MinutesItemId { get; private set; }

    /// <summary>The minutes paragraph (§) where the step was handled.</summary>
    public int? Paragraph { get; private set; }

    public StepOutcome? Outcome { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>The decision's reference, e.g. "RUN 2022-04-13 § 73".</summary>
    public string? Reference { get; private set; }

    public IReadOnlyList<CouncilDecision> CouncilDecisions => councilDecisions;

    public bool IsOverdue(DateOnly today) => Outcome is null && DueOn is { } due && due < today;

    public string CouncilLabel => MunicipalitiesOnly ? "Varje kommuns fullmäktige" : "Varje parts fullmäktige";

    internal void SetOrder(int order) => Order = order;

    internal void LinkAgendaItem(Guid meetingId, Guid agendaItemId)
    {
        MeetingId = meetingId;
        AgendaItemId = agendaItemId;
    }

    internal void Record(StepOutcome outcome, DateOnly decidedOn, string? reference, Guid? minutesItemId, int? paragraph)
    {
        Outcome = outcome;
        DecidedOn = decidedOn;
        Reference = reference;
        MinutesItemId = minutesItemId ?? MinutesItemId;
        Paragraph = paragraph ?? Paragraph;
    }

    /// <summary>A council's decision struck: the step is open again until that council's decision is recorded.</summary>
    internal void RemoveCouncilDecision(Guid partyId)
    {
        councilDecisions.RemoveAll(d => d.PartyId == partyId);
        Outcome = null;
        DecidedOn = null;
        Reference = null;
    }

    internal CouncilDecision AddCouncilDecision(Guid partyId, StepOutcome outcome, DateOnly decidedOn, string reference, string recordedBy)
    {
        var decision = new CouncilDecision(this, partyId, outcome, decidedOn, reference, recordedBy);
        councilDecisions.Add(decision);
        return decision;
    }
}

/// <summary>One party's council's decision in a step for every party's council, e.g. "KF 2022-05-30 § 61".</summary>
public sealed class CouncilDecision : ICountyOwned
{
    private CouncilDecision()
    {
        Reference = string.Empty;
        RecordedBy = string.Empty;
    }

    internal CouncilDecision(CaseStep step, Guid partyId, StepOutcome outcome, DateOnly decidedOn, string reference, string recordedBy)
    {
        Id = Guid.NewGuid();
        StepId = step.Id;
        CountyId = step.CountyId;
        PartyId = partyId;
        Outcome = outcome;
        DecidedOn = decidedOn;
        Reference = reference;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid StepId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public StepOutcome Outcome { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Reference { get; private set; }

    /// <summary>A decision that counts in the round; a return (återremiss) leaves the council still to decide.</summary>
    public bool Counts => Outcome != StepOutcome.Returned;

    /// <summary>The council's decision after it had returned the matter; the return stays in the audit log.</summary>
    internal void Replace(StepOutcome outcome, DateOnly decidedOn, string reference, string recordedBy)
    {
        Outcome = outcome;
        DecidedOn = decidedOn;
        Reference = reference;
        RecordedBy = recordedBy;
    }

    public string RecordedBy { get; private set; }
}

/// <summary>
/// A document of a case (handling), numbered within the case, with the fields FGS Ärendehantering asks for: direction,
/// sender or receiver, date, title, and whether it is public (with the secrecy ground under OSL when it is not).
/// </summary>
public sealed class CaseDocument : ICountyOwned
{
    private CaseDocument()
    {
        Title = string.Empty;
    }

    internal CaseDocument(Case @case, int number, DocumentDirection direction, string? counterpart, DateOnly date, string title, bool isPublic, string? secrecyReference,
        StoredFileRef? file)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("DocumentTitle", "Handlingen måste ha en rubrik.");
        }

        if (!Enum.IsDefined(direction))
        {
            throw new DomainRuleException("DocumentDirection", "Ange om handlingen är inkommande, utgående eller upprättad.");
        }

        if (!isPublic && string.IsNullOrWhiteSpace(secrecyReference))
        {
            throw new DomainRuleException("SecrecyReference", "En handling som inte är offentlig ska ha sekretessgrunden, till exempel \"OSL 18 kap. 8 §\".");
        }

        if (direction != DocumentDirection.Internal && string.IsNullOrWhiteSpace(counterpart))
        {
            throw new DomainRuleException("DocumentCounterpart", direction == DocumentDirection.Incoming ? "Ange avsändaren." : "Ange mottagaren.");
        }

        Id = Guid.NewGuid();
        CaseId = @case.Id;
        CountyId = @case.CountyId;
        Number = number;
        Direction = direction;
        Counterpart = string.IsNullOrWhiteSpace(counterpart) ? null : counterpart.Trim();
        Date = date;
        Title = title.Trim();
        IsPublic = isPublic;
        SecrecyReference = isPublic ? null : secrecyReference!.Trim();
        FileHash = file?.Hash;
        FileName = file?.FileName;
        ContentType = file?.ContentType;
        Size = file?.Size;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The document's number within the case (1, 2, 3 ...).</summary>
    public int Number { get; private set; }

    public DocumentDirection Direction { get; private set; }

    /// <summary>Sender of an incoming document, receiver of an outgoing one.</summary>
    public string? Counterpart { get; private set; }

    public DateOnly Date { get; private set; }

    public string Title { get; private set; }

    public bool IsPublic { get; private set; }

    /// <summary>The secrecy ground (OSL) when the document is not public.</summary>
    public string? SecrecyReference { get; private set; }

    public string? FileHash { get; private set; }

    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    public long? Size { get; private set; }
}

/// <summary>A series in the register, e.g. "RS" for the regional board's cases; the running number starts anew each year.</summary>
public sealed class CaseSeries : ICountyOwned
{
    private CaseSeries()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public CaseSeries(Guid countyId, string code, string name)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 10 || code.Trim().Any(c => !char.IsLetterOrDigit(c) && c != ' '))
        {
            throw new DomainRuleException("SeriesCode", "Seriens kod är högst tio bokstäver eller siffror, till exempel \"RS\".");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Code = code.Trim().ToUpperInvariant();
        Name = string.IsNullOrWhiteSpace(name) ? Code : name.Trim();
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>External referrals are registered in this series unless another is named.</summary>
    public bool ForReferrals { get; private set; }

    public void UseForReferrals() => ForReferrals = true;

    /// <summary>Another series of the county takes the external referrals.</summary>
    public void StopTakingReferrals() => ForReferrals = false;
}

/// <summary>A county's flow template, such as Västerbotten's agreement chain PKB → RUN → every council → PKD → RS AU → RF.</summary>
public sealed class FlowTemplate : ICountyOwned
{
    private readonly List<FlowTemplateStep> steps = [];

    private FlowTemplate()
    {
        Name = string.Empty;
    }

    public FlowTemplate(Guid countyId, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("TemplateName", "Mallen måste ha ett namn.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<FlowTemplateStep> Steps => steps;

    /// <summary>Adds a step; given the body, an advisory body's deciding step is refused here already, as in a case.</summary>
    public FlowTemplate AddStep(Guid? bodyId, bool everyPartyCouncil, StepRole role, int? dueAfterDays = null, bool municipalitiesOnly = false, Body? body = null)
    {
        EnsureStep(bodyId, body, everyPartyCouncil, role);
        steps.Add(new FlowTemplateStep(steps.Count + 1, bodyId, everyPartyCouncil, role, dueAfterDays, everyPartyCouncil && municipalitiesOnly));
        return this;
    }

    /// <summary>
    /// The rules of one step, in a case and in a template alike: handled by a body or by every council; a council step
    /// decides; a body whose rules say advisory only (a consultation forum), and an officials' group, never does.
    /// </summary>
    public static void EnsureStep(Guid? bodyId, Body? body, bool everyPartyCouncil, StepRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException("StepRole", "Okänd roll för steget.");
        }

        if (everyPartyCouncil == (bodyId is not null))
        {
            throw new DomainRuleException("StepBody", "Ett steg hanteras antingen av ett organ eller av varje parts fullmäktige.");
        }

        if (everyPartyCouncil && role != StepRole.Decide)
        {
            throw new DomainRuleException("CouncilStepDecides", "Parternas fullmäktige beslutar; ett steg för varje parts fullmäktige har rollen Beslutar.");
        }

        if (role == StepRole.Decide && body is { Rules.AdvisoryOnly: true })
        {
            throw new DomainRuleException("AdvisoryNeverDecides", $"{body.Name} är rådgivande och fattar aldrig beslut; ge steget rollen Yttrar sig.");
        }

        if (role == StepRole.Decide && body is { Kind: BodyKind.OfficialsGroup })
        {
            throw new DomainRuleException("AdvisoryNeverDecides", "En tjänstepersonsgrupp fattar inga politiska beslut; ge steget rollen Bereder.");
        }
    }
}

public sealed record FlowTemplateStep(int Order, Guid? BodyId, bool EveryPartyCouncil, StepRole Role, int? DueAfterDays, bool MunicipalitiesOnly = false);
