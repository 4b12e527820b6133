using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>The fund's definition as a change read it: the fund and the goals its definition sets out, in order.</summary>
public sealed record FundDefinition(Fund Fund, IReadOnlyList<CountyGoal> Goals);

/// <summary>
/// Setting a fund up and changing its definition (issue 18): the secretariat only. A fund is created under a supplement
/// to one of the county's agreements that has not ended; it opens for decisions once the supplement is in force (the
/// councils may still be deciding when it is set up). The words of the definition may change at any time, the opening
/// only while nothing else has happened on the fund (see <see cref="Fund"/>'s remarks): that is what a secretariat
/// fixing a typo expects, without ever rewriting what has been reported.
/// </summary>
public sealed partial class FundDesk
{
    private const int CriterionLength = 500;
    private const string FundChanged = "Någon annan har ändrat fonden under tiden. Läs in sidan igen och gör ändringen på nytt.";

    private sealed record Checked(string Name, DateOnly OpenedOn, List<(string Name, decimal Amount)> Sources, Guid DecidingPartyId, DateOnly? ValidUntil,
        List<string> Criteria, List<(string Document, string Text)> Goals);

    /// <summary>Creates a fund in the county (the secretariat's, or the system's for the demo).</summary>
    public async Task<FundDefinition> CreateFundAsync(string countyCode, FundRequest request, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        return await ConflictRetry.RunAsync(db, async () =>
        {
            var input = new InputCheck();
            var supplementId = input.Required(request.SupplementId, "supplementId", "Ange vilket tillägg till överenskommelsen fonden inrättas genom.");
            var agreement = supplementId is { } id
                ? await db.Agreements.Include(a => a.Parties).Include(a => a.Adoptions).Include(a => a.Withdrawals).Include(a => a.Supplements).AsSplitQuery()
                    .FirstOrDefaultAsync(a => a.CountyId == county.Id && a.Supplements.Any(s => s.Id == id), cancellationToken)
                : null;
            if (supplementId is not null && agreement is null)
            {
                input.Add("supplementId", "Tillägget finns inte bland länets överenskommelser.");
            }

            var definition = await CheckAsync(county.Id, request, input, cancellationToken);
            input.ThrowIfAny();
            if (agreement!.StateOn(Today).Status == AgreementStatus.Ended)
            {
                throw new DomainRuleException("FundAgreementEnded", "Överenskommelsen har upphört; en ny fond kan inte inrättas under den.");
            }

            var d = definition!;
            var fund = new Fund(county.Id, agreement, agreement.Supplements.Single(s => s.Id == supplementId), d.Name, d.OpenedOn, d.Sources,
                access.DisplayName, d.DecidingPartyId, d.ValidUntil, d.Criteria);
            db.Funds.Add(fund);
            var goals = d.Goals.Select((g, n) => new CountyGoal(county.Id, g.Document, g.Text, n + 1, fund.Id)).ToList();
            db.CountyGoals.AddRange(goals);
            await db.SaveChangesAsync(cancellationToken);
            return new FundDefinition(fund, goals);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes the fund's definition. The opening (sources, amounts, opening day) is rewritten only while nothing else has
    /// happened on the fund; a goal an initiative starts from cannot be taken out of the list.
    /// </summary>
    public Task<FundDefinition> UpdateFundAsync(Guid fundId, FundRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var context = await LoadFundAsync(fundId, countyId, tracking: true, withLedger: true, cancellationToken);
            var fund = context.Fund;
            access.EnsureManage(fund.CountyId);
            StaleVersionException.Ensure(fund.Version, request.Version, FundChanged);
            var input = new InputCheck();
            if (request.SupplementId is { } supplement && supplement != fund.SupplementId)
            {
                input.Add("supplementId", "Fondens tillägg kan inte bytas; inrätta en ny fond under det andra tillägget.");
            }

            var definition = await CheckAsync(fund.CountyId, request, input, cancellationToken);
            input.ThrowIfAny();
            var d = definition!;
            fund.Redefine(d.Name, d.DecidingPartyId, d.ValidUntil, d.Criteria);
            db.LedgerEntries.RemoveRange(fund.Reopen(d.OpenedOn, d.Sources, access.DisplayName));
            var goals = await ReplaceGoalsAsync(fund, d.Goals, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new FundDefinition(fund, goals);
        }, cancellationToken);

    /// <summary>Keeps the goals that stay (so initiatives keep pointing at them), adds the new ones and removes the unused ones left out.</summary>
    private async Task<List<CountyGoal>> ReplaceGoalsAsync(Fund fund, List<(string Document, string Text)> wanted, CancellationToken cancellationToken)
    {
        var current = await FundQueries.FundGoalsAsync(db, fund.Id, cancellationToken, tracking: true);
        var leftOut = current.Where(g => !wanted.Contains((g.Document, g.Text))).ToList();
        if (leftOut.Count > 0)
        {
            var used = await db.Initiatives.AsNoTracking().Where(i => i.FundId == fund.Id).Select(i => new { i.Title, i.GoalIds }).ToListAsync(cancellationToken);
            foreach (var goal in leftOut)
            {
                if (used.FirstOrDefault(i => i.GoalIds.Contains(goal.Id)) is { } initiative)
                {
                    throw new DomainRuleException("FundGoalInUse",
                        $"Målet ”{goal.Document}: {goal.Text}” kan inte tas bort, eftersom satsningen ”{initiative.Title}” utgår från det.", RuleSeverity.Conflict);
                }
            }

            db.CountyGoals.RemoveRange(leftOut);
        }

        var goals = new List<CountyGoal>();
        foreach (var (n, (document, text)) in wanted.Index())
        {
            var goal = current.FirstOrDefault(g => g.Document == document && g.Text == text);
            if (goal is null)
            {
                goal = new CountyGoal(fund.CountyId, document, text, n + 1, fund.Id);
                db.CountyGoals.Add(goal);
            }
            else
            {
                goal.MoveTo(n + 1);
            }

            goals.Add(goal);
        }

        return goals;
    }

    /// <summary>The definition's fields, each refusal said beside its field; the same for the page and the API.</summary>
    private async Task<Checked?> CheckAsync(Guid countyId, FundRequest request, InputCheck input, CancellationToken cancellationToken)
    {
        var name = input.Required(request.Name, "name", "Ange fondens namn.");
        var openedOn = input.Required(request.OpenedOn, "openedOn", "Ange dagen fonden öppnar (ÅÅÅÅ-MM-DD).");
        if (request.ValidUntil is { } until && openedOn is { } opens && until < opens)
        {
            input.Add("validUntil", "Fonden kan inte sluta gälla före öppningsdagen.");
        }

        var sources = new List<(string Name, decimal Amount)>();
        foreach (var source in request.Sources ?? [])
        {
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                input.Add("sources", "Varje källa behöver ett namn.");
            }
            else if (source.Amount is not { } amount || Money.Sek(amount) is not { IsPositive: true, HasAtMostOre: true })
            {
                input.Add("sources", $"Ange beloppet för {source.Name.Trim()} i kronor, större än noll, med högst två decimaler.");
            }
            else
            {
                sources.Add((source.Name.Trim(), amount));
            }
        }

        if ((request.Sources ?? []).Count == 0)
        {
            input.Add("sources", "Ange minst en källa med namn och ingående belopp.");
        }
        else if (sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != sources.Count)
        {
            input.Add("sources", "Två källor har samma namn.");
        }

        var partyId = input.Required(request.DecidingPartyId, "decidingPartyId", "Ange vilken part som beslutar om fondens medel.");
        if (partyId is { } party && !await db.Parties.AnyAsync(p => p.Id == party && p.CountyId == countyId, cancellationToken))
        {
            input.Add("decidingPartyId", "Den beslutande parten finns inte i länet.");
        }

        var criteria = (request.Criteria ?? []).Select(c => c?.Trim() ?? string.Empty).Where(c => c.Length > 0).ToList();
        if (criteria.Count == 0)
        {
            input.Add("criteria", "Ange minst ett kriterium som satsningarna bereds mot, ett per rad.");
        }
        else if (criteria.Any(c => c.Length > CriterionLength))
        {
            input.Add("criteria", $"Ett kriterium får vara högst {CriterionLength} tecken.");
        }
        else if (criteria.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            input.Add("criteria", $"Kriteriet ”{twice.Key}” står två gånger.");
        }

        var goals = new List<(string Document, string Text)>();
        foreach (var goal in request.Goals ?? [])
        {
            if (string.IsNullOrWhiteSpace(goal.Document) || string.IsNullOrWhiteSpace(goal.Text))
            {
                input.Add("goals", "Varje mål behöver både dokument och text (Dokument: mål).");
            }
            else if (goal.Document.Trim().Length > 200 || goal.Text.Trim().Length > 500)
            {
                input.Add("goals", "Ett måls dokument får vara högst 200 tecken och dess text högst 500.");
            }
            else if (!goals.Contains((goal.Document.Trim(), goal.Text.Trim())))
            {
                goals.Add((goal.Document.Trim(), goal.Text.Trim()));
            }
        }

        return name is null || openedOn is null || partyId is null
            ? null
            : new Checked(name.Trim(), openedOn.Value, sources, partyId.Value, request.ValidUntil, criteria, goals);
    }
}
