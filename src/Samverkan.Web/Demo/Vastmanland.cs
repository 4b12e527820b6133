using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.CostSharing;

using Samverkan.Web.Infrastructure;
using static Samverkan.Web.Demo.DemoBuilder;

namespace Samverkan.Web.Demo;

/// <summary>
/// Västmanland (seeds 000 and 001): the agreement of 2023 adopted by every council but Västerås's, its cost model,
/// and the Strategic Regional Committee (SRB) with its 2026 meetings, its published minutes, a political collaboration
/// group reporting to it and the officials' management group.
/// </summary>
internal static class Vastmanland
{
    /// <returns>The seat of the SRB member the demo account <c>ledamot.srb</c> is: Västerås's opposition leader.</returns>
    public static async Task<Membership> SeedAsync(DemoBuilder demo, County county, Party region, List<Party> municipalities)
    {
        var db = demo.Db;
        demo.SeedBoard(region, ("S", 5, PoliticalSide.Majority), ("C", 1, PoliticalSide.Majority), ("KD", 1, PoliticalSide.Majority),
            ("L", 1, PoliticalSide.Majority), ("M", 3, PoliticalSide.Opposition), ("SD", 2, PoliticalSide.Opposition),
            ("V", 1, PoliticalSide.Opposition), ("MP", 1, PoliticalSide.Opposition));

        // Seed 001: adopted by every council but Västerås's, so the status page has something pending and the
        // Västerås party official has a decision to record.
        var parties = new List<Party> { region };
        parties.AddRange(municipalities);
        var agreement = new Agreement(county.Id,
            "Överenskommelse om samverkan mellan kommunerna i Västmanlands län och Region Västmanland i frågor som stödjer regional utveckling i länet",
            AgreementTexts.Vastmanland, new DateOnly(2023, 1, 1), null, "RV 2022-1187", parties);
        var day = new DateOnly(2022, 11, 14);
        var paragraph = 120;
        foreach (var party in parties.Where(p => p.Name != "Västerås"))
        {
            var prefix = party.Kind == PartyKind.Region ? "RF" : "KF";
            agreement.RecordAdoption(party.Id, day, $"{prefix} {day:yyyy-MM-dd} § {paragraph}", new DateOnly(2023, 1, 1));
            day = day.AddDays(3);
            paragraph += 7;
        }

        db.Agreements.Add(agreement);
        SeedIndexAndFormerFees(db, county, municipalities);

        var srb = await demo.BodyAsync(county, BodyKind.StrategicRegionalCommittee, "Strategisk regional beredning", "SRB",
            DemoBuilder.Template("strategisk-regional-beredning"), region.Id);
        demo.Seat(srb, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        demo.Seat(srb, region, MembershipRole.Member, "C", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardViceChair);
        demo.Seat(srb, region, MembershipRole.ViceChair, "M", PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        demo.Seat(srb, region, MembershipRole.Member, "S", PoliticalSide.Majority, QualifyingOffice.None);
        demo.Seat(srb, region, MembershipRole.Member, "KD", PoliticalSide.Majority, QualifyingOffice.None);
        demo.Seat(srb, region, MembershipRole.Member, "SD", PoliticalSide.Opposition, QualifyingOffice.None);

        var chairs = new Dictionary<string, (string Chair, string Opposition)>
        {
            ["Arboga"] = ("S", "M"), ["Fagersta"] = ("S", "M"), ["Hallstahammar"] = ("S", "M"), ["Kungsör"] = ("S", "SD"),
            ["Köping"] = ("S", "M"), ["Norberg"] = ("S", "V"), ["Sala"] = ("M", "S"), ["Skinnskatteberg"] = ("S", "C"),
            ["Surahammar"] = ("S", "MP"), ["Västerås"] = ("L", "S"),
        };
        Membership? member = null;
        foreach (var municipality in municipalities)
        {
            var (chair, opposition) = chairs[municipality.Name];
            demo.Seat(srb, municipality, municipality.Name == "Västerås" ? MembershipRole.FirstViceChair : MembershipRole.Member,
                chair, PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
            var seat = demo.Seat(srb, municipality, municipality.Name == "Sala" ? MembershipRole.ViceChair : MembershipRole.Member,
                opposition, PoliticalSide.Opposition, QualifyingOffice.OppositionLeader);
            if (municipality.Name == "Västerås")
            {
                member = seat;
            }
        }

        demo.Seat(srb, region, MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official, "Regiondirektör");
        SeedMeetings(db, srb, parties);

        var group = await demo.BodyAsync(county, BodyKind.CollaborationGroup, "Politisk samverkansgrupp för kompetensförsörjning", "PSG Kompetens",
            DemoBuilder.Template("politisk-samverkansgrupp"), region.Id, srb.Id);
        demo.Seat(group, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.None);
        foreach (var (name, partyAbbreviation) in new[] { ("Västerås", "L"), ("Köping", "S"), ("Sala", "M"), ("Fagersta", "S"), ("Arboga", "M") })
        {
            demo.Seat(group, municipalities.Single(m => m.Name == name), MembershipRole.Member, partyAbbreviation, PoliticalSide.Majority, QualifyingOffice.None);
        }

        db.GroupCharters.Add(new GroupCharter(group, "Bereda gemensamma frågor om kompetensförsörjning och lämna förslag till beredningen och de beslutande organen.",
            "Möts fyra gånger per år; tjänstepersonsstöd från regionens och kommunernas HR- och utbildningsförvaltningar.", "SRB 2023-02-09 § 5", null, new DateOnly(2023, 2, 9)));
        foreach (var due in GroupReport.Schedule(new DateOnly(2023, 2, 9), TermEnd))
        {
            var report = new GroupReport(group, due);
            if (due < new DateOnly(2026, 6, 1))
            {
                report.Receive(due.AddDays(-10), "Återrapport om arbetet med kompetensförsörjning (demodata).");
            }

            db.GroupReports.Add(report);
        }

        var management = await demo.BodyAsync(county, BodyKind.OfficialsGroup, "Regionala ledningsgruppen", "RLG", DemoBuilder.DefaultRules, region.Id);
        demo.Seat(management, region, MembershipRole.Chair, null, null, QualifyingOffice.Official, "Regiondirektör");
        foreach (var municipality in municipalities)
        {
            demo.Seat(management, municipality, MembershipRole.Member, null, null, QualifyingOffice.Official, "Kommundirektör");
        }

        demo.Seat(management, region, MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official, "Länsråd, Länsstyrelsen Västmanland");
        return member!;
    }

    /// <summary>
    /// Seed 001 §5: 14 840 tkr for 2023, no uplift 2024 and 2025, then LPIK as of 1 March; paid by 1 February and
    /// 1 August. Made as a secretariat makes it, through the cost model's desk, once the agreement is saved.
    /// </summary>
    public static async Task SeedCostModelAsync(CostModelDesk desk, Guid countyId, Guid agreementId)
    {
        await desk.CreateAsync(agreementId, new CostModelRequest
        {
            BaseYear = 2023, BaseLevel = 14_840_000m, BaseLabel = "Aktuell kostnadsnivå 2023 enligt överenskommelsen, avsnitt 5", IndexSeries = "LPIK",
            IndexReferenceDay = "03-01", AgreedUpliftDeadline = "08-31", FirstDueOn = "02-01", SecondDueOn = "08-01", PopulationYearOffset = 1,
            Bankgiro = "5050-1055", VatCategory = "O", ReceivableAccount = "1510", RevenueAccount = "3990", InvoiceSection = "avsnitt 5 Ekonomi",
        }, CancellationToken.None);
        foreach (var year in new[] { 2024, 2025 })
        {
            await desk.SetRuleAsync(countyId, year, new YearRuleRequest(YearRuleKind.NoUplift, null, null, $"överenskommelsen avsnitt 5 (ingen uppräkning {year})", null),
                CancellationToken.None);
        }
    }

    /// <summary>Index values are demo values, labelled so; the former fees are what the municipalities paid the former VKL (seed 000).</summary>
    private static void SeedIndexAndFormerFees(AppDbContext db, County county, List<Party> municipalities)
    {
        db.IndexValues.Add(new IndexValue("LPIK", 2026, 3.1m, true, "Demovärde – ersätt med SKR:s publicerade utfall", new DateOnly(2026, 3, 1)));
        db.IndexValues.Add(new IndexValue("LPIK", 2027, 2.9m, false, "Demovärde – prognos, ersätt med SKR:s prognos", new DateOnly(2026, 10, 1)));
        foreach (var municipality in municipalities)
        {
            // What each municipality paid the former VKL (seed 000); demo values of 10 kr per inhabitant in 2016.
            var population = db.PopulationFigures.Local.Where(f => f.PartyId == municipality.Id).MaxBy(f => f.Year)?.Population ?? 0;
            db.FormerFees.Add(new FormerFee(county.Id, municipality.Id, 2016, decimal.Round(population * 10m / 100m, 0) * 100m,
                "Medlemsavgift till VKL 2016 (demovärde)"));
        }
    }

    /// <summary>The SRB's 2026: six ordinary meetings and one extra, with agendas; notices sent for those held, December's planned.</summary>
    private static void SeedMeetings(AppDbContext db, Body srb, List<Party> parties)
    {
        var items = new (string Title, string? Case, string? Topic)[]
        {
            ("Regional utvecklingsstrategi – uppföljning", "RV 2025-311", "Regional utvecklingsstrategi"),
            ("Regional transportinfrastrukturplan 2026–2037", "RV 2025-402", "Regional transportinfrastrukturplan"),
            ("Återrapport från politiska samverkansgruppen för kompetensförsörjning", null, null),
            ("Regional kulturplan 2027–2030, remiss", "RV 2026-018", "Regional kulturplan"),
            ("Trafikförsörjningsprogram, aktualisering", "RV 2026-044", "Trafikförsörjningsprogram"),
            ("Gemensamma EU-frågor: sammanhållningspolitiken efter 2027", "RV 2026-121", "Gemensamma EU-frågor"),
        };
        // Six ordinary meetings and one extra; the notices of those held went out in time, December's is still to send.
        var dates = new[] { (2, 5, false), (3, 26, false), (4, 16, true), (5, 7, false), (6, 11, false), (9, 17, false) };
        for (var i = 0; i < dates.Length; i++)
        {
            var (month, day, extra) = dates[i];
            var date = new DateOnly(2026, month, day);
            var start = Clock.FromSwedish(date, new TimeOnly(9, 0));
            var meeting = new Meeting(srb, start, start.AddHours(3), "Regionhuset, Västerås", extra);
            meeting.AddAgendaItem("Mötets öppnande och val av justerare", null, "Ordföranden", null);
            var (title, caseReference, topic) = items[i];
            meeting.AddAgendaItem(title, caseReference, "Regional utvecklingsdirektör", "Att beredningen ställer sig bakom förslaget.", topic);
            meeting.SendNotice(srb.Rules, date, date.AddDays(-20), new DateTimeOffset(date.AddDays(-20).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), "sekretariat.vastmanland");
            db.Meetings.Add(meeting);
            if (month == 9)
            {
                SeedMinutes(db, srb, meeting, parties, start);
            }
        }

        var december = Clock.FromSwedish(new DateOnly(2026, 12, 10), new TimeOnly(9, 0));
        var planned = new Meeting(srb, december, december.AddHours(3), "Regionhuset, Västerås");
        planned.AddAgendaItem("Mötets öppnande och val av justerare", null, "Ordföranden", null);
        planned.AddAgendaItem("Kostnadsnivå för regional samverkan inför mandatperioden 2027–2030", "RV 2026-150", "Regiondirektör", "Att rekommendera parterna en ny kostnadsnivå.");
        planned.AddAgendaItem("Nära vård – gemensam färdplan", "RV 2026-090", "Hälso- och sjukvårdsdirektör", "Att ställa sig bakom färdplanen.", "Nära vård");
        db.Meetings.Add(planned);
    }

    /// <summary>Checked and published minutes with a recommendation, and two parties' own decisions on it.</summary>
    private static void SeedMinutes(AppDbContext db, Body srb, Meeting meeting, List<Party> parties, DateTimeOffset start)
    {
        var minutes = new Minutes(meeting, 2026);
        minutes.AddItem(1, "Mötets öppnande och val av justerare", null, "Ordföranden öppnade mötet. Beredningen utsåg justerare.", DecisionKind.Information);
        var recommendation = minutes.AddItem(2, "Gemensamma EU-frågor: sammanhållningspolitiken efter 2027",
            "Regional utvecklingsdirektör föredrog ett gemensamt positionspapper. Flera ledamöter betonade landsbygdskommunernas behov.",
            "Beredningen rekommenderar regionen och kommunerna att ställa sig bakom positionspapperet om sammanhållningspolitiken efter 2027.",
            DecisionKind.Recommendation);
        foreach (var party in parties)
        {
            minutes.RecordPosition(recommendation.Id, party.Id, party.Name == "Skinnskatteberg" ? PartyPosition.Abstain : PartyPosition.Agree,
                party.Name == "Skinnskatteberg" ? "Avvaktar eget ställningstagande i kommunstyrelsen." : null);
        }

        var members = srb.Memberships.Where(m => m.CountsAsMember).ToList();
        foreach (var (member, index) in members.Select((m, i) => (m, i)))
        {
            minutes.RecordAttendance(member, index % 9 != 4);
        }

        var chair = members.Single(m => m.Role == MembershipRole.Chair);
        var checker = members.Single(m => m.AppointingParty!.Name == "Västerås" && m.Side == PoliticalSide.Opposition);
        minutes.AppointChecker(checker);
        minutes.Sign(chair, members, $"{chair.Person!.FullName}, ordförande", start.AddDays(1));
        minutes.Check(checker, $"{checker.Person!.FullName}, ledamot", start.AddDays(3));
        minutes.Dispatch(start.AddDays(4), DateOnly.FromDateTime(start.AddDays(4).Date),
            CountyQueries.Ordered(parties).Select(p => $"{p.ExecutiveBoardName}, {p.Name}"));
        db.Minutes.Add(minutes);

        var today = new DateOnly(2026, 11, 1);
        db.PartyDecisions.Add(new PartyDecision(minutes, recommendation, parties.Single(p => p.Name == "Arboga").Id, PartyDecisionOutcome.Adopted,
            new DateOnly(2026, 10, 12), "KS 2026-10-12 § 145", "sekretariat.vastmanland", today));
        db.PartyDecisions.Add(new PartyDecision(minutes, recommendation, parties.Single(p => p.Name == "Köping").Id, PartyDecisionOutcome.Partly,
            new DateOnly(2026, 10, 19), "KS 2026-10-19 § 201", "sekretariat.vastmanland", today));
    }
}
