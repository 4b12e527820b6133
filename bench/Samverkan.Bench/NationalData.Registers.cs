using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Features.Invoicing;

/// <summary>The registers at volume: cases and their steps, invoices, the shared funds' initiatives and ledgers, the audit log.</summary>
public sealed partial class NationalData
{
    private const int Cases = 100_000;
    private const int StepsPerCase = 10;
    private const int Initiatives = 10_000;
    private const int EntriesPerInitiative = 100;
    private const int AuditRows = 1_000_000;

    private static readonly string[] Words =
    [
        "Kollektivtrafik", "Kompetensförsörjning", "Bredband", "Kulturplan", "Livsmedelsstrategi", "Innovation", "Besöksnäring", "Skog",
        "Energi", "Vård", "Skola", "Bostäder", "Näringsliv", "Klimat", "Vatten", "Integration",
    ];

    private readonly List<(Guid CountyId, Guid Id)> invoiceIds = [];
    private readonly List<(Guid CountyId, Guid Id)> initiativeIds = [];
    private readonly List<InitiativeRow> initiativeRows = [];
    private readonly HashSet<Guid> newFundIds = [];

    private sealed record CaseRef(Guid Id, Guid CountyId, string Number, int Year, string Title);

    private sealed record CaseRow(CaseRef Case, string Series, int Number, DateOnly RegisteredOn, string Kind, string Status, Place Place);

    /// <summary>
    /// 100 000 cases, shared evenly by the counties and the twenty years, in the series RS and RUN with gap-free numbers
    /// per county, series and year (above the demo's own in a demo county), each with a flow of ten steps: the shapes of
    /// <see cref="CaseBench"/>, every step at one of the county's bodies.
    /// </summary>
    private async Task<Dictionary<(Guid CountyId, int Year), List<CaseRef>>> WriteCasesAsync()
    {
        var numbers = new Dictionary<(Guid, string, int), int>();
        var rows = new List<CaseRow>(Cases);
        for (var i = 0; i < Cases; i++)
        {
            var place = places[i % places.Count];
            var serial = i / places.Count;
            var year = FirstYear + serial % (LastYear - FirstYear + 1);
            var series = serial % 3 == 0 ? "RUN" : "RS";
            var number = numbers[(place.County.Id, series, year)] = numbers.GetValueOrDefault((place.County.Id, series, year), place.FirstCaseNumber - 1) + 1;
            var title = $"{Words[random.Next(Words.Length)]}: {Words[random.Next(Words.Length)].ToLowerInvariant()} i {place.County.Name} {serial}";
            var kind = (serial % 5) switch { 0 => "Referral", 1 => "Strategy", 3 => "MandatoryItem", _ => "Internal" };
            var status = year < LastYear ? (serial % 17 == 0 ? "Withdrawn" : "Closed") : "Open";
            var reference = new CaseRef(Guid.NewGuid(), place.County.Id, $"{series} {number}-{year}", year, title);
            rows.Add(new CaseRow(reference, series, number, new DateOnly(year, 1 + serial % 12, 1 + serial % 28), kind, status, place));
        }

        (DateOnly On, string Reference) Step(CaseRow row, int order)
        {
            var on = row.RegisteredOn.AddDays(order * 20);
            var body = row.Place.AllBodies[(row.Number + order) % row.Place.AllBodies.Count];
            return (on, $"{body.ShortName ?? "RS"} {on:yyyy-MM-dd} § {order + row.Number % 80}");
        }

        await writer.WriteAsync("Cases",
            ["Id", "CountyId", "Series", "Number", "Year", "CaseNumber", "Title", "SearchText", "Kind", "Status", "RegisteredOn", "ResponsibleBodyId",
                "ResponsibleOfficer", "DecidedOn", "DecisionReference", "DecisionText", "FirstReminderSent", "LastReminderSent", "Version"],
            rows.Select(r =>
            {
                var closed = r.Status == "Closed";
                var (decidedOn, reference) = Step(r, StepsPerCase);
                return new object?[]
                {
                    r.Case.Id, r.Case.CountyId, r.Series, r.Number, r.Case.Year, r.Case.Number,
                    r.Case.Title, $"{r.Case.Number} {r.Case.Title}".ToLowerInvariant(), r.Kind, r.Status, r.RegisteredOn,
                    r.Place.AllBodies[r.Number % r.Place.AllBodies.Count].Id, "Handläggare regional utveckling", closed ? decidedOn : null,
                    closed ? reference : null, closed ? "Beslutat i enlighet med förslaget." : null, false, false, 0,
                };
            }));
        await writer.WriteAsync("CaseSteps",
            ["Id", "CaseId", "CountyId", "Order", "BodyId", "EveryPartyCouncil", "MunicipalitiesOnly", "Role", "DueOn", "Outcome", "DecidedOn", "Reference"],
            rows.SelectMany(r => Enumerable.Range(1, StepsPerCase).Select(order =>
            {
                var done = r.Status != "Open" || order <= 3;
                var decide = order == StepsPerCase;
                var (on, reference) = Step(r, order);
                return new object?[]
                {
                    Guid.NewGuid(), r.Case.Id, r.Case.CountyId, order, r.Place.AllBodies[(r.Number + order) % r.Place.AllBodies.Count].Id, false, false,
                    decide ? "Decide" : "Prepare", on, done ? (decide ? "Adopted" : "Prepared") : null, done ? on : null, done ? reference : null,
                };
            })));
        return rows.Select(r => r.Case).GroupBy(c => (c.CountyId, c.Year)).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>
    /// Both instalments of every year 2006–2025 for every municipality of a county whose agreement shares a cost level,
    /// raised as InvoiceService raises them: the agreement in force that year, its cost model's level shared by the
    /// population of the year before, half (rounded down) due 1 February and the rest 1 August, numbered gap-free per
    /// county and year, each with its whole derivation; all paid. Värmland's and Västerbotten's demo agreements share
    /// no cost level, so their municipalities get none.
    /// </summary>
    private async Task WriteInvoicesAsync()
    {
        var index = (await db.IndexValues.AsNoTracking().ToListAsync()).Select(v => v.ToPoint()).ToList();
        var taken = (await db.InvoiceSeries.AsNoTracking().Select(s => new { s.CountyId, s.Year }).ToListAsync()).Select(s => (s.CountyId, s.Year)).ToHashSet();
        var invoices = new List<Invoice>();
        var allSeries = new List<InvoiceSeries>();
        foreach (var place in places.Where(p => p.CostModels.Count > 0))
        {
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var agreement = place.AgreementIn(year);
                if (taken.Contains((place.County.Id, year)) || !place.CostModels.TryGetValue(agreement.Id, out var model))
                {
                    continue;
                }

                var derivation = model.Derive(year, index);
                var referenceDate = model.PopulationReferenceDate(year);
                var municipalities = CountyQueries.Ordered(place.Municipalities).ToList();
                var keyed = municipalities.Select(m => new KeyMunicipality(m.MunicipalityCode!, m.Name, population[(m.Id, referenceDate.Year)])).ToList();
                var lines = Allocation.Allocate(derivation.Level, AllocationKey.ByPopulation.Weights(keyed)).ToDictionary(l => l.Key, StringComparer.Ordinal);
                var rows = municipalities.Select(m =>
                {
                    var line = lines[m.MunicipalityCode!];
                    return new AllocationRow(m, population[(m.Id, referenceDate.Year)], line.Share, line.Exact, line.Amount, line.RoundingAdded);
                }).ToList();
                var allocation = new YearAllocation(year, agreement, model, derivation, referenceDate, AllocationKey.ByPopulation.Label, rows, PopulationSource);
                var series = new InvoiceSeries(place.County.Id, year);
                // The same plan the invoice run raises, issued on each instalment's date as if raised in time.
                var invoicing = allocation.ForInvoicing;
                var raised = new List<Invoice>();
                for (var instalment = 1; instalment <= 2; instalment++)
                {
                    var due = model.DueDate(year, instalment);
                    var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(instalment), invoicing, raised, due.AddDays(-17));
                    foreach (var planned in plan.Invoices)
                    {
                        var invoice = plan.Issue(planned, place.County.Id, agreement.Id, series.Take(), InvoiceService.Derivation(allocation, planned).ToJson());
                        invoice.MarkPaid(due.AddDays(-random.Next(1, 10)));
                        raised.Add(invoice);
                    }
                }

                invoices.AddRange(raised);
                allSeries.Add(series);
            }
        }

        await writer.WriteEntitiesAsync("Invoices", invoices);
        await writer.WriteEntitiesAsync("InvoiceSeries", allSeries);
        invoiceIds.AddRange(invoices.Select(i => (i.CountyId, i.Id)));
    }

    private sealed record Spend(int Initiative, DateOnly Date, LedgerEntryKind Kind, decimal Amount, string Reference);

    /// <summary>
    /// 10 000 running initiatives shared by the funds: one for each new county, made under its current agreement's
    /// supplement from 2023 with sources that cover what it grants, and Värmland's demo fund. Each initiative has the
    /// region's commitment and 99 payments of a hundredth of it (100 ledger entries, as <see cref="FundBench"/>), and
    /// an outcome report for each year it owes one up to 2025. Värmland's years up to 2025 are closed in the demo and no
    /// entry may be dated in a closed year, so its new initiatives are decided and paid in 2026.
    /// </summary>
    private async Task WriteFundsAsync()
    {
        var funds = new List<(Place Place, Fund Fund, bool IsNew, DateOnly From, DateOnly To)>();
        foreach (var place in places)
        {
            if (place.IsDemo)
            {
                var demo = await db.Funds.AsNoTracking().Include(f => f.Entries).Where(f => f.CountyId == place.County.Id).FirstOrDefaultAsync();
                if (demo is not null)
                {
                    var from = new DateOnly((demo.ClosedThroughYear ?? demo.OpenedOn.Year - 1) + 1, 1, 1);
                    funds.Add((place, demo, false, from, from.AddMonths(11).AddDays(-1)));
                }
            }
            else
            {
                funds.Add((place, null!, true, new DateOnly(2023, 1, 1), new DateOnly(LastYear, 12, 31)));
            }
        }

        var spends = new List<(Fund Fund, List<Spend> Spends)>();
        var newFunds = new List<Fund>();
        for (var f = 0; f < funds.Count; f++)
        {
            var (place, fund, isNew, from, to) = funds[f];
            var count = Initiatives / funds.Count + (f < Initiatives % funds.Count ? 1 : 0);
            var budgets = Enumerable.Range(0, count).Select(_ => 10_000m * (10 + random.Next(191))).ToList();
            if (isNew)
            {
                var agreement = place.Agreements[^1];
                var total = decimal.Round(budgets.Sum() * 1.15m / 1_000_000m, 0, MidpointRounding.AwayFromZero) * 1_000_000m;
                fund = new Fund(place.County.Id, agreement, agreement.Supplements[0], $"Gemensamma resurser i {place.County.Name}", from,
                    [("Regionens insats", total * 0.4m), ("Kommunernas insats", total * 0.4m), ("Statlig medfinansiering", total * 0.2m)], Secretariat);
                newFunds.Add(fund);
                newFundIds.Add(fund.Id);
            }
            else
            {
                // Within what the demo fund has not committed yet.
                var room = FundBalances.From(fund.Entries).Uncommitted * 0.9m;
                var scale = Math.Min(1m, room / budgets.Sum());
                budgets = budgets.Select(b => Math.Max(100m, decimal.Floor(b * scale / 100m) * 100m)).ToList();
            }

            var parties = place.Parties;
            var fundSpends = new List<Spend>();
            var lastDecision = to.AddMonths(-6);
            for (var i = 0; i < count; i++)
            {
                var decidedOn = from.AddDays(random.Next(lastDecision.DayNumber - from.DayNumber));
                var startsOn = decidedOn.AddDays(14);
                var endsOn = startsOn.AddYears(2 + random.Next(3)).AddDays(-1);
                var budget = budgets[i];
                var reference = $"RS {decidedOn.Year}/{100 + i}";
                var initiative = new InitiativeRow(Guid.NewGuid(), place, fund, $"{Words[random.Next(Words.Length)]} i {place.Short}: satsning {i + 1}", budget,
                    parties[random.Next(parties.Count)].Id, decidedOn, startsOn, endsOn, reference);
                initiativeRows.Add(initiative);
                fundSpends.Add(new Spend(initiativeRows.Count - 1, decidedOn, LedgerEntryKind.Commitment, budget, reference));
                var paidUntil = endsOn < to ? endsOn : to;
                var span = paidUntil.DayNumber - decidedOn.DayNumber;
                for (var k = 1; k < EntriesPerInitiative; k++)
                {
                    fundSpends.Add(new Spend(initiativeRows.Count - 1, decidedOn.AddDays(k * span / EntriesPerInitiative), LedgerEntryKind.Disbursement,
                        budget / 100m, $"Utbetalning {k}"));
                }
            }

            spends.Add((fund, fundSpends));
        }

        await writer.WriteEntitiesAsync("Funds", newFunds, new Dictionary<string, Func<Fund, object?>>(StringComparer.Ordinal) { ["YearClosings"] = _ => "[]" });
        await writer.WriteEntitiesAsync("FundSources", newFunds.SelectMany(f => f.Sources));
        await writer.WriteAsync("Initiatives",
            ["Id", "CountyId", "FundId", "Title", "Purpose", "Budget", "ProposingPartyId", "StartsOn", "EndsOn", "Status", "Recommendation", "Assessment",
                "Criteria", "PositionTakenOn", "DecidedAmount", "DecidedOn", "DecisionReference", "GoalIds", "PlannedBusiness", "PlannedState", "PlannedEu",
                "PlannedOther", "RecipientName", "ContactName", "ContactEmail"],
            initiativeRows.Select(i => new object?[]
            {
                i.Id, i.Place.County.Id, i.Fund.Id, i.Title, "Insats för hela länet i linje med den regionala utvecklingsstrategin.", i.Budget, i.ProposingPartyId,
                i.StartsOn, i.EndsOn, "Running", "Grant", "Uppfyller kriterierna för de gemensamma resurserna.", "[]", i.DecidedOn.AddDays(-7), i.Budget, i.DecidedOn,
                i.Reference, new List<Guid>(), 0m, 0m, 0m, 0m, i.Place.Region.Name, "Projektledare", $"projekt@{Slug(i.Place.Region.Name)}.demo.invalid",
            }));

        await writer.WriteAsync("LedgerEntries",
            ["Id", "FundId", "CountyId", "Sequence", "Date", "Kind", "Affects", "Amount", "InitiativeId", "Reference", "RecordedBy"],
            spends.SelectMany(s => Ledger(s.Fund, s.Spends)));

        await writer.WriteAsync("OutcomeReports",
            ["Id", "CountyId", "InitiativeId", "Year", "Progress", "Results", "NextSteps", "SubmittedBy", "SubmittedOn", "ObtainedBusiness", "ObtainedState",
                "ObtainedEu", "ObtainedOther"],
            initiativeRows.SelectMany(i => ReportYears(i)
                .Select(year => new object?[]
                {
                    Guid.NewGuid(), i.Place.County.Id, i.Id, year, "Arbetet följer planen.", "Delmålen för året är nådda.", "Fortsatt genomförande enligt plan.",
                    Secretariat, OutcomeReport.DueFor(year).AddDays(-random.Next(5, 40)), 0m, 0m, 0m, 0m,
                })));
        initiativeIds.AddRange(initiativeRows.Select(i => (i.Place.County.Id, i.Id)));
    }

    /// <summary>The years an initiative owes an outcome report for (Initiative.ReportYears), up to 2025.</summary>
    private static IEnumerable<int> ReportYears(InitiativeRow initiative)
    {
        var from = Math.Max(initiative.DecidedOn.Year, initiative.StartsOn.Year);
        var to = Math.Min(initiative.EndsOn.Year, LastYear);
        return from > to ? [] : Enumerable.Range(from, to - from + 1);
    }

    private sealed record InitiativeRow(Guid Id, Place Place, Fund Fund, string Title, decimal Budget, Guid ProposingPartyId, DateOnly DecidedOn, DateOnly StartsOn,
        DateOnly EndsOn, string Reference);

    /// <summary>A fund's entries in the order they were recorded (by date), numbered on from the entries it has: a new fund's openings.</summary>
    private IEnumerable<object?[]> Ledger(Fund fund, List<Spend> spends)
    {
        var sequence = fund.Entries.Count == 0 ? 0 : fund.Entries.Max(e => e.Sequence);
        if (newFundIds.Contains(fund.Id))
        {
            foreach (var opening in fund.Entries)
            {
                yield return [opening.Id, fund.Id, fund.CountyId, opening.Sequence, opening.Date, opening.Kind, opening.Affects, opening.Amount, null, opening.Reference,
                    opening.RecordedBy];
            }
        }

        foreach (var spend in spends.OrderBy(s => s.Date).ThenBy(s => s.Kind).ThenBy(s => s.Initiative))
        {
            yield return [Guid.NewGuid(), fund.Id, fund.CountyId, ++sequence, spend.Date, spend.Kind, spend.Kind, spend.Amount, initiativeRows[spend.Initiative].Id,
                spend.Reference, Secretariat];
        }
    }

    /// <summary>
    /// 1 000 000 audit rows in time order over the twenty years, each county's secretariat adding and changing its
    /// meetings, minutes, cases, invoices and initiatives (the generated ones, by id).
    /// </summary>
    private async Task WriteAuditAsync(Dictionary<(Guid CountyId, int Year), List<CaseRef>> cases)
    {
        var pools = new (string Type, List<(Guid CountyId, Guid Id)> Ids)[]
        {
            ("Meeting", meetingIds), ("Minutes", minutesIds), ("Case", cases.Values.SelectMany(c => c).Select(c => (c.CountyId, c.Id)).ToList()),
            ("Invoice", invoiceIds), ("Initiative", initiativeIds),
        };
        var users = places.ToDictionary(p => p.County.Id, p => $"{Secretariat}.{Slug(p.Short)}");
        var start = new DateTimeOffset(FirstYear, 1, 1, 7, 0, 0, TimeSpan.Zero);
        var step = (new DateTimeOffset(LastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero) - start).Ticks / AuditRows;
        await writer.WriteAsync("AuditEntries", ["At", "CountyId", "UserId", "UserName", "EntityType", "EntityId", "Action", "Before", "After"],
            Enumerable.Range(0, AuditRows).Select(n =>
            {
                var (type, ids) = pools[random.Next(pools.Length)];
                var (countyId, id) = ids[random.Next(ids.Count)];
                var added = random.Next(10) < 7;
                var version = 1 + random.Next(5);
                return new object?[]
                {
                    start.AddTicks(n * step + random.NextInt64(step)), countyId, null, random.Next(20) == 0 ? "system" : users[countyId], type, id.ToString(),
                    added ? "Added" : "Modified", added ? null : $$"""{"Id":"{{id}}","Version":{{version - 1}}}""", $$"""{"Id":"{{id}}","Version":{{version}}}""",
                };
            }));
    }
}
