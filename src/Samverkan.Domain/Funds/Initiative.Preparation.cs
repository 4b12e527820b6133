using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

public sealed partial class Initiative
{
    /// <summary>
    /// VRAU's recommendation, with VRAG's support: a written assessment and an answer to each of the fund's own criteria,
    /// in the fund's order, whatever their number. Each answer keeps the criterion's text as it read when answered, so a
    /// later change of the fund's list leaves this preparation readable as it was made. An answer that names a criterion
    /// must name the fund's criterion in that place: a form read before the list changed is refused, not misfiled.
    /// </summary>
    public void Prepare(Fund fund, Recommendation recommendation, string assessment, IEnumerable<CriterionAnswer> answers)
    {
        EnsureFund(fund);
        Expect(InitiativeStatus.Submitted, "InitiativePrepare", "Bara en inlämnad satsning kan beredas.");
        if (string.IsNullOrWhiteSpace(assessment))
        {
            throw new DomainRuleException("PreparationAssessment", "Beredningen måste ha en skriftlig bedömning.");
        }

        var given = answers.ToList();
        var criteria = fund.Criteria;
        if (given.Count != criteria.Count)
        {
            throw new DomainRuleException("PreparationCriteria", criteria.Count == 1
                ? "Besvara fondens kriterium."
                : $"Besvara fondens {criteria.Count} kriterier, ett för ett.");
        }

        if (given.Where((a, n) => !string.IsNullOrWhiteSpace(a.Criterion) && a.Criterion.Trim() != criteria[n]).Any())
        {
            throw new DomainRuleException("PreparationCriteriaChanged",
                "Fondens kriterier har ändrats sedan formuläret lästes. Läs in sidan igen och besvara de nuvarande kriterierna.", RuleSeverity.Conflict);
        }

        Recommendation = recommendation;
        Assessment = assessment.Trim();
        Criteria = criteria.Select((c, n) => new CriterionAnswer(c, given[n].Met,
            string.IsNullOrWhiteSpace(given[n].Comment) ? null : given[n].Comment!.Trim())).ToList();
        Status = InitiativeStatus.Prepared;
    }
}
