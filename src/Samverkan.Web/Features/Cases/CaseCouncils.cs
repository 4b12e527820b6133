using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// Where a case meets the councils and the minutes: who decides in a step for every council, a council's decision
/// kept as the agreement's adoption too (and the other way round), and the steps a checked set of minutes handled.
/// One record of each decision, whichever page it is entered on.
/// </summary>
public static class CaseCouncils
{
    /// <summary>The parties whose councils decide in a step for every council: the agreement's parties, or else the county's.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> CouncilPartiesAsync(AppDbContext db, Case @case, CaseStep step, CancellationToken cancellationToken) =>
        (await CouncilPartiesByStepAsync(db, @case, [step], cancellationToken))[step.Id];

    /// <summary>The deciding parties of each step for every council, read once for all of a case's steps.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<(Guid Id, string Name)>>> CouncilPartiesByStepAsync(AppDbContext db, Case @case,
        IEnumerable<CaseStep> steps, CancellationToken cancellationToken)
    {
        var councilSteps = steps.Where(s => s.EveryPartyCouncil).ToList();
        var result = new Dictionary<Guid, IReadOnlyList<(Guid Id, string Name)>>();
        if (councilSteps.Count == 0)
        {
            return result;
        }

        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == @case.CountyId).ToListAsync(cancellationToken);
        if (@case.AgreementId is { } agreementId)
        {
            var ids = await db.Agreements.Where(a => a.Id == agreementId).SelectMany(a => a.Parties.Select(p => p.PartyId)).ToListAsync(cancellationToken);
            parties = parties.Where(p => ids.Contains(p.Id)).ToList();
        }

        var ordered = parties.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Create(SwedishText.Culture, false)).ToList();
        foreach (var step in councilSteps)
        {
            result[step.Id] = ordered.Where(p => !step.MunicipalitiesOnly || p.Kind == Domain.Counties.PartyKind.Municipality).Select(p => (p.Id, p.Name)).ToList();
        }

        return result;
    }

    /// <summary>
    /// A party's council decides in a step for every council. When the case adopts an agreement, an adoption is also the
    /// agreement's adoption by that party: one record of one decision, kept in both places in one transaction.
    /// </summary>
    public static async Task<CouncilDecision> RecordDecisionAsync(AppDbContext db, Case @case, Guid stepId, Guid partyId, StepOutcome outcome, DateOnly decidedOn,
        string? reference, string recordedBy, DateOnly today, CancellationToken cancellationToken)
    {
        var parties = await CouncilPartiesAsync(db, @case, @case.Step(stepId), cancellationToken);
        var name = parties.FirstOrDefault(p => p.Id == partyId).Name ?? "Parten";
        var decision = @case.RecordCouncilDecision(stepId, partyId, name, parties.Select(p => p.Id).ToList(), outcome, decidedOn, reference, recordedBy, today);
        if (outcome == StepOutcome.Adopted && @case.AgreementId is { } agreementId)
        {
            var agreement = await db.Agreements.WithDetails().FirstAsync(a => a.Id == agreementId, cancellationToken);
            if (agreement.AdoptionBy(partyId) is null)
            {
                agreement.RecordAdoption(partyId, decidedOn, decision.Reference, today);
            }
        }

        return decision;
    }

    /// <summary>The other way round: an adoption recorded on the agreement is also the council's decision in its case's waiting step.</summary>
    public static async Task RecordAdoptionInCaseAsync(AppDbContext db, Agreement agreement, Adoption adoption, string recordedBy, DateOnly today, CancellationToken cancellationToken)
    {
        if (adoption.AmendmentId is not null || adoption.SupplementId is not null)
        {
            return;
        }

        var @case = await db.Cases.WithFlow().FirstOrDefaultAsync(c => c.AgreementId == agreement.Id && c.Status == CaseStatus.Open, cancellationToken);
        if (@case?.CurrentStep is { EveryPartyCouncil: true } step && step.CouncilDecisions.All(d => d.PartyId != adoption.PartyId || !d.Counts))
        {
            var parties = await CouncilPartiesAsync(db, @case, step, cancellationToken);
            @case.RecordCouncilDecision(step.Id, adoption.PartyId, parties.FirstOrDefault(p => p.Id == adoption.PartyId).Name ?? "Parten", parties.Select(p => p.Id).ToList(),
                StepOutcome.Adopted, adoption.DecidedOn, adoption.Reference, recordedBy, today);
        }
    }

    /// <summary>
    /// An adoption struck on the agreement is struck in its case too: the council step that holds the same decision
    /// (the party's, with the same reference) waits for that council again. One decision, one record.
    /// </summary>
    public static async Task StrikeAdoptionInCaseAsync(AppDbContext db, Agreement agreement, Adoption adoption, CancellationToken cancellationToken)
    {
        if (adoption.AmendmentId is not null || adoption.SupplementId is not null)
        {
            return;
        }

        var cases = await db.Cases.WithFlow().Where(c => c.AgreementId == agreement.Id).ToListAsync(cancellationToken);
        foreach (var @case in cases)
        {
            var step = @case.Steps.FirstOrDefault(s => s.EveryPartyCouncil
                && s.CouncilDecisions.Any(d => d.PartyId == adoption.PartyId && d.Outcome == StepOutcome.Adopted && d.Reference == adoption.Reference));
            if (step is not null)
            {
                @case.StrikeCouncilDecision(step.Id, adoption.PartyId);
            }
        }
    }

    /// <summary>
    /// When minutes are checked, each step handled at that meeting (its agenda item minuted in a paragraph) records its
    /// outcome: the paragraph, the meeting's day, and the reference "RUN 2022-04-13 § 73". A deciding step is recorded
    /// as adopted; the secretariat records a rejection or a return on the case page before the minutes are checked.
    /// </summary>
    public static async Task RecordHandledStepsAsync(AppDbContext db, Minutes minutes, Body body, DateOnly meetingDay, DateOnly today, CancellationToken cancellationToken)
    {
        var paragraphs = minutes.Items.Where(i => i.AgendaItemId is not null).ToDictionary(i => i.AgendaItemId!.Value);
        if (paragraphs.Count == 0)
        {
            return;
        }

        var agendaIds = paragraphs.Keys.ToList();
        var caseIds = await db.CaseSteps.Where(s => s.AgendaItemId != null && agendaIds.Contains(s.AgendaItemId.Value) && s.Outcome == null)
            .Select(s => s.CaseId).Distinct().ToListAsync(cancellationToken);
        foreach (var @case in await db.Cases.WithFlow().Where(c => caseIds.Contains(c.Id) && c.Status == CaseStatus.Open).ToListAsync(cancellationToken))
        {
            foreach (var step in @case.Steps.Where(s => s.AgendaItemId is { } a && paragraphs.ContainsKey(a) && s.Outcome is null).OrderBy(s => s.Order).ToList())
            {
                var item = paragraphs[step.AgendaItemId!.Value];
                var outcome = step.Role switch
                {
                    StepRole.Decide => StepOutcome.Adopted,
                    StepRole.Consult => StepOutcome.Advised,
                    StepRole.Inform => StepOutcome.Noted,
                    _ => StepOutcome.Prepared,
                };
                if (@case.StatusOf(step) == StepStatus.Waiting)
                {
                    @case.RecordOutcome(step.Id, outcome, meetingDay, $"{body.ShortName ?? body.Name} {meetingDay:yyyy-MM-dd} § {item.Paragraph}", today, item.Id, item.Paragraph);
                }
            }
        }
    }
}
