using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Cases;

// The flow (beredningsgång): steps in order, each handled by a body or by every party's council, the last deciding step
// closing the case.
public sealed partial class Case
{
    /// <summary>Adds a step to the end of the flow (or at <paramref name="order"/>). A step that decides needs a body that can decide.</summary>
    public CaseStep AddStep(Guid? bodyId, Body? body, bool everyPartyCouncil, StepRole role, DateOnly? dueOn, int? order = null, bool municipalitiesOnly = false)
    {
        EnsureOpen();
        FlowTemplate.EnsureStep(bodyId, body, everyPartyCouncil, role);
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
    public void ApplyTemplate(FlowTemplate template, IReadOnlyDictionary<Guid, Body> bodies)
    {
        if (template.CountyId != CountyId)
        {
            throw new DomainRuleException("FlowTemplateCounty", "Mallen hör inte till länet.");
        }

        foreach (var step in template.Steps.OrderBy(s => s.Order))
        {
            var body = step.BodyId is { } b && bodies.TryGetValue(b, out var k) ? k : null;
            AddStep(step.BodyId, body, step.EveryPartyCouncil, step.Role, step.DueAfterDays is { } days ? RegisteredOn.AddDays(days) : null, null, step.MunicipalitiesOnly);
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

        // A return (återremiss) is no decision: the party stays pending and its decision is recorded later, in its place.
        var earlier = step.CouncilDecisions.FirstOrDefault(d => d.PartyId == partyId);
        var clean = EveryCouncil.EnsureRecordable("CouncilDecision", "beslut i ärendet", parties.Contains(partyId),
            earlier is { Counts: true }, partyName, decidedOn, reference, today);
        EnsureHandleable(step, outcome, decidedOn, today);
        var decision = earlier ?? step.AddCouncilDecision(partyId, outcome, decidedOn, clean, recordedBy);
        if (earlier is not null)
        {
            earlier.Replace(outcome, decidedOn, clean, recordedBy);
        }

        var round = RoundOf(step, parties);
        if (round.Complete)
        {
            var all = step.CouncilDecisions.Where(d => parties.Contains(d.PartyId) && d.Counts).ToList();
            step.Record(all.All(d => d.Outcome == StepOutcome.Adopted) ? StepOutcome.Adopted : StepOutcome.Rejected,
                all.Max(d => d.DecidedOn), step.MunicipalitiesOnly ? $"Alla {round.Parties} kommuners fullmäktige har beslutat" : $"Alla {round.Parties} parters fullmäktige har beslutat", null, null);
            AfterStep(step);
        }

        Version++;
        return decision;
    }

    /// <summary>
    /// Strikes a party's council decision recorded in error (its adoption struck on the agreement): the step waits for
    /// that council again. Refused once the case has moved on past the step or been closed, since later steps stood on it.
    /// </summary>
    public void StrikeCouncilDecision(Guid stepId, Guid partyId)
    {
        if (Status != CaseStatus.Open)
        {
            throw new DomainRuleException("CaseMovedOn", $"Beslutet finns också i ärende {CaseNumber}, som är {CaseLabels.Status(Status).ToLowerInvariant()}; öppna ärendet innan beslutet stryks.",
                RuleSeverity.Conflict);
        }

        var step = Step(stepId);
        if (steps.Any(s => s.Order > step.Order && (s.Outcome is not null || s.CouncilDecisions.Count > 0)))
        {
            throw new DomainRuleException("CaseMovedOn", $"Beslutet finns också i ärende {CaseNumber}, som har gått vidare efter fullmäktigesteget; rätta de senare stegen först.",
                RuleSeverity.Conflict);
        }

        step.RemoveCouncilDecision(partyId);
        Version++;
    }

    /// <summary>How far a step of every council has come: a council that returned the matter (återremiss) has not decided yet.</summary>
    public static CouncilRound RoundOf(CaseStep step, IEnumerable<Guid> parties) =>
        EveryCouncil.Progress(parties, step.CouncilDecisions.Where(d => d.Counts).Select(d => d.PartyId));

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
        // A referral closes when its reply is sent, not when its deciding step is recorded: the decision makes the reply due (seed 003).
        if (step == last && step.Decides && step.Outcome is StepOutcome.Adopted or StepOutcome.Rejected && !(IsReferral && ReplySentOn is null))
        {
            Close(CaseLabels.Outcome(step.Outcome), step.Reference ?? string.Empty, step.DecidedOn!.Value);
        }
    }
}
