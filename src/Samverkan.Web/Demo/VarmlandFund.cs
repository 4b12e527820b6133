using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Funds;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Demo;

/// <summary>
/// Värmland's shared resources (seed 004): the supplement adopted by all 17 councils in the autumn of 2021, the fund
/// opened 2022-01-01 with its three sources, and initiatives in every state. The seed does not say which source is
/// which, so the sources have neutral labels. The fund is set up through <see cref="FundDesk.CreateFundAsync"/>, as a
/// secretariat sets one up, with seed 004's criteria and goals as its own.
/// </summary>
internal static class VarmlandFund
{
    private static readonly DateOnly Opened = new(2022, 1, 1);
    private const string Secretariat = "Sekretariatet Värmland (demo)";

    private static readonly string[] Criteria =
    [
        "Har betydelse för hela länet",
        "Går utöver en enskild parts ansvar",
        "Utgår från Värmlandsstrategins vision, mål och prioriteringar eller trafikförsörjningsprogrammets mål 2040",
        "Medfinansiering eller hävstång (önskvärt, inte krav)",
    ];

    private static string DemoNumber(string nine) => $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";

    private static string SwedishSlug(string title) =>
        new string(title.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '.').ToArray())
            .Trim('.').Replace("..", ".", StringComparison.Ordinal);

    /// <summary>The supplement's adoptions, to be saved before the fund is set up under it.</summary>
    public static void AdoptSupplement(Agreement agreement, IReadOnlyList<Party> parties)
    {
        var supplement = agreement.Supplements.Single();
        var day = new DateOnly(2021, 9, 20);
        foreach (var party in parties)
        {
            var prefix = party.Kind == PartyKind.Region ? "RF" : "KF";
            agreement.RecordAdoption(party.Id, day, $"{prefix} {day:yyyy-MM-dd} § {100 + day.Day}", new DateOnly(2022, 1, 1), supplementId: supplement.Id);
            day = day.AddDays(5);
        }
    }

    /// <summary>Sets the fund up and seeds its initiatives; returns the prepared initiative that waits for the Council's position.</summary>
    public static async Task<Initiative> SeedAsync(AppDbContext db, FundDesk desk, string countyCode, Agreement agreement, IReadOnlyList<Party> parties)
    {
        var supplement = agreement.Supplements.Single();
        var region = parties.Single(p => p.Kind == PartyKind.Region);
        var (fund, goals) = await desk.CreateFundAsync(countyCode, new FundRequest(supplement.Id, "De gemensamma resurserna (DGR)", Opened,
            [new("Källa A", 55_000_000m), new("Källa B", 101_000_000m), new("Källa C", 44_000_000m)], region.Id, null, Criteria,
            [
                new("Värmlandsstrategin", "Vision"),
                new("Värmlandsstrategin", "Målbilder"),
                new("Värmlandsstrategin", "Insatsområden och prioriteringar"),
                new("Trafikförsörjningsprogrammet", "Prioriteringar och målbild 2040"),
            ]), CancellationToken.None);
        var ids = parties.Select(p => p.Id).ToList();
        Party P(string name) => parties.Single(p => p.Name == name);
        FundValidity On(DateOnly d) => fund.ValidityOn(agreement, supplement, d);

        Initiative Propose(string title, string purpose, decimal budget, Party by, DateOnly starts, DateOnly ends, int goal = 2, Leverage? planned = null,
            string? recipient = null, string? recipientNumber = null)
        {
            var i = new Initiative(fund, title, purpose, budget, by.Id, starts, ends);
            var contact = SwedishSlug(title);
            i.Describe([goals[goal].Id], planned ?? Leverage.None, recipient ?? by.Name, recipientNumber ?? by.OrganisationNumber,
                "Kontaktperson " + title, $"{contact}@satsningar.demo.invalid");
            db.Initiatives.Add(i);
            return i;
        }

        void Outcome(Initiative i, int year, Leverage obtained, string results)
        {
            i.ReportOutcome(year, $"Arbetet under {year} följer planen.", results, obtained, "Fortsatt genomförande enligt plan.",
                new DateOnly(year + 1, 3, 20), "VRAG (demo)");
        }

        void Prepare(Initiative i)
        {
            i.Submit();
            i.Prepare(fund, Recommendation.Grant, "VRAU tillstyrker efter beredning med stöd av VRAG.",
                fund.Criteria.Select((c, n) => new CriterionAnswer(c, n < 3 || i.Budget > 20_000_000m, null)));
        }

        void Council(Initiative i, DateOnly on, Party? objecting = null)
        {
            Prepare(i);
            foreach (var id in ids)
            {
                i.RecordStand(id, id == objecting?.Id ? PartyPosition.Object : PartyPosition.Agree,
                    id == objecting?.Id ? "Satsningen bör finansieras inom ordinarie verksamhet." : null, ids);
            }

            i.TakePosition(ids, on);
        }

        // Closed, with money paid back.
        var skills = Propose("Kompetensplattform Värmland", "Samordnad kompetensförsörjning för länets arbetsgivare.", 12_000_000m, region,
            new DateOnly(2022, 3, 1), new DateOnly(2024, 12, 31), goal: 2, planned: new Leverage(1_000_000m, 0m, 3_000_000m, 0m));
        Council(skills, new DateOnly(2022, 2, 11));
        skills.Decide(fund, 12_000_000m, "RS 2022/118", new DateOnly(2022, 2, 22), Secretariat, On(new DateOnly(2022, 2, 22)));
        skills.Disburse(fund, 5_000_000m, new DateOnly(2022, 4, 1), "Utbetalning 1", Secretariat);
        skills.Disburse(fund, 4_500_000m, new DateOnly(2023, 4, 1), "Utbetalning 2", Secretariat);
        skills.Disburse(fund, 2_000_000m, new DateOnly(2024, 4, 2), "Utbetalning 3", Secretariat);
        skills.Close(fund, new DateOnly(2025, 3, 14), "Plattformen drivs vidare i ordinarie regi.", 250_000.50m, "RS 2025/77", Secretariat);

        // Running: a small municipality's proposal.
        var tourism = Propose("Besöksnäring i norra Värmland", "Gemensam destinationsutveckling för norra länsdelen.", 8_000_000m, P("Torsby"),
            new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31), goal: 1, planned: new Leverage(2_000_000m, 500_000m, 0m, 0m),
            recipient: "Destination Norra Värmland (demo)", recipientNumber: DemoNumber("556000001"));
        Council(tourism, new DateOnly(2022, 11, 25));
        tourism.Decide(fund, 8_000_000m, "RS 2022/904", new DateOnly(2022, 12, 6), Secretariat, On(new DateOnly(2022, 12, 6)));
        tourism.Disburse(fund, 2_000_000m, new DateOnly(2023, 2, 1), "Utbetalning 1", Secretariat);
        tourism.Disburse(fund, 2_000_000m, new DateOnly(2024, 2, 1), "Utbetalning 2", Secretariat);
        tourism.Disburse(fund, 1_500_000m, new DateOnly(2025, 2, 3), "Utbetalning 3", Secretariat);

        // Running: public transport towards the 2040 goals.
        var commute = Propose("Pendlarstråk 2040", "Snabbare pendling mellan länets centralorter enligt trafikförsörjningsprogrammets mål 2040.",
            40_000_000m, P("Karlstad"), new DateOnly(2023, 6, 1), new DateOnly(2027, 12, 31), goal: 3, planned: new Leverage(0m, 10_000_000m, 5_000_000m, 0m),
            recipient: "Värmlandstrafik AB (demo)", recipientNumber: DemoNumber("556000002"));
        Council(commute, new DateOnly(2023, 4, 21));
        commute.Decide(fund, 35_000_000m, "RS 2023/311", new DateOnly(2023, 5, 9), Secretariat, On(new DateOnly(2023, 5, 9)));
        commute.Disburse(fund, 10_000_000m, new DateOnly(2023, 9, 1), "Utbetalning 1", Secretariat);
        commute.Disburse(fund, 12_500_000m, new DateOnly(2024, 9, 2), "Utbetalning 2", Secretariat);

        // Decided, nothing paid yet.
        var hydrogen = Propose("Vätgas i Värmland", "Förstudie om vätgasinfrastruktur för tunga transporter.", 6_000_000m, P("Kristinehamn"),
            new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30));
        Council(hydrogen, new DateOnly(2025, 11, 21));
        hydrogen.Decide(fund, 6_000_000m, "RS 2025/902", new DateOnly(2025, 12, 2), Secretariat, On(new DateOnly(2025, 12, 2)));

        // One party objected: no position.
        var eServices = Propose("Gemensam e-tjänsteplattform", "En plattform för kommunernas e-tjänster.", 15_000_000m, P("Arvika"),
            new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));
        Council(eServices, new DateOnly(2023, 11, 24), objecting: P("Hammarö"));

        // Granted by the Council, awaiting the region's decision.
        var food = Propose("Värmländsk livsmedelsstrategi", "Genomförande av den regionala livsmedelsstrategin.", 4_000_000m, P("Säffle"),
            new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));
        Council(food, new DateOnly(2026, 9, 25));

        // VRAG's outcome reports 2022–2025; Pendlarstråk 2040's report for 2025 is missing (overdue since 2026-03-31).
        Outcome(skills, 2022, new Leverage(250_000m, 0m, 800_000m, 0m), "Plattformen är etablerad med tolv arbetsgivare.");
        Outcome(skills, 2023, new Leverage(300_000m, 0m, 1_100_000m, 0m), "Trettio arbetsgivare deltar; två yrkesutbildningar startade.");
        Outcome(skills, 2024, new Leverage(350_000m, 0m, 900_000m, 0m), "Ordinarie finansiering säkrad från 2025.");
        Outcome(tourism, 2023, new Leverage(400_000m, 0m, 0m, 0m), "Gemensam destinationsplan antagen.");
        Outcome(tourism, 2024, new Leverage(600_000m, 250_000m, 0m, 0m), "Gästnätterna i norra länsdelen ökade med sex procent.");
        Outcome(tourism, 2025, new Leverage(700_000m, 250_000m, 0m, 50_000.50m), "Tre nya året-runt-paket säljs.");
        Outcome(commute, 2023, new Leverage(0m, 2_000_000m, 0m, 0m), "Förstudie och åtgärdsvalsstudie klara.");
        Outcome(commute, 2024, new Leverage(0m, 4_000_000m, 1_500_000m, 0m), "Restiden Karlstad–Kristinehamn kortad med åtta minuter.");

        // The secretariat closes each year after the outcome reports are in, before the Council's spring meeting.
        for (var year = 2022; year <= 2025; year++)
        {
            fund.CloseYear(year, new DateOnly(year + 1, 4, 15), Secretariat);
        }

        // Prepared, on its way to the Council; submitted; a draft.
        var culture = Propose("Kulturstråk längs Klarälven", "Samordnade kulturinsatser längs älvdalen.", 3_000_000m, P("Hagfors"),
            new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31));
        Prepare(culture);
        Propose("Digital infrastruktur i glesbygd", "Bredband och mobiltäckning där marknaden inte bygger.", 20_000_000m, P("Årjäng"),
            new DateOnly(2027, 1, 1), new DateOnly(2029, 12, 31)).Submit();
        Propose("Gemensam upphandling av skolskjuts", "Utkast: samordnad upphandling.", 2_000_000m, P("Munkfors"),
            new DateOnly(2027, 8, 1), new DateOnly(2029, 6, 30));
        return culture;
    }

    /// <summary>
    /// Värmlandsrådet's meeting of 2026-11-20, whose draft minutes take up the prepared initiative under § 1: the stands
    /// recorded so far are the paragraph's positions; the rest of the parties are still to be minuted.
    /// </summary>
    public static void TakeUpAtCouncil(AppDbContext db, Body council, Initiative initiative, IReadOnlyList<Party> parties)
    {
        var date = new DateOnly(2026, 11, 20);
        var start = Clock.FromSwedish(date, new TimeOnly(13, 0));
        var meeting = new Meeting(council, start, start.AddHours(3), "Residenset, Karlstad");
        meeting.AddAgendaItem(initiative.Title, "DGR 2026/3", "Ordförande i VRAU", "Att rådet ställer sig bakom satsningen ur de gemensamma resurserna.");
        db.Meetings.Add(meeting);
        var minutes = new Minutes(meeting, 2026);
        var item = minutes.AddItem(1, initiative.Title, "VRAU:s beredning med stöd av VRAG föredrogs.",
            "Värmlandsrådet ställer sig bakom satsningen, förutsatt konsensus bland parterna.", DecisionKind.Recommendation);
        foreach (var party in parties.Take(10))
        {
            minutes.RecordPosition(item.Id, party.Id, PartyPosition.Agree, null);
        }

        db.Minutes.Add(minutes);
        initiative.TakeUpAtCouncil(meeting.Id, item.Id);
    }
}
