using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Demo;

/// <summary>
/// On first start with an empty database in demo mode: the three counties of the source documents with their
/// agreements and bodies, and one account per role. Every person is generated (fictional); no real politician appears.
/// </summary>
public sealed partial class DemoData(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<DemoData> logger, TimeProvider time)
{
    public const string Password = "Samverkan-demo-2026";

    public static readonly (string UserName, string Description)[] Accounts =
    [
        ("admin", "systemadministratör, alla län"),
        ("sekretariat.vastmanland", "sekretariatet, Västmanlands län (19)"),
        ("sekretariat.vasterbotten", "sekretariatet, Västerbottens län (24)"),
        ("sekretariat.varmland", "sekretariatet, Värmlands län (17)"),
        ("tjansteperson.vasteras", "tjänsteperson för Västerås stad"),
        ("tjansteperson.karlstad", "tjänsteperson för Karlstads kommun"),
        ("tjansteperson.umea", "tjänsteperson för Umeå kommun (kommundirektör; skriver under Umeås samverkansavtal)"),
        ("ledamot.srb", "ledamot i Strategisk regional beredning, Västmanland"),
        ("ordforande.srb", "ordförande i Strategisk regional beredning, Västmanland"),
    ];

    public const string DemoPopulationSource = "Demovärde (framskrivet från SCB 2021) – ersätt med SCB:s siffror";

    private const int DemoPopulationUntil = 2025;

    private static readonly DateOnly TermStart = new(2023, 1, 1);
    private static readonly DateOnly TermEnd = new(2026, 12, 31);

    // Fictional people: common Swedish first names and surnames combined at random with a fixed seed.
    private static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Ingrid", "Marie", "Malin", "Johanna", "Linnea", "Elin",
        "Ida", "Hanna", "Sofia", "Annika", "Camilla", "Helena", "Ulrika", "Therese", "Cecilia", "Frida", "Agneta", "Birgitta", "Åsa", "Maja",
        "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Mikael", "Jan", "Hans", "Thomas", "Daniel", "Fredrik", "Stefan",
        "Mattias", "Magnus", "Jonas", "Andreas", "Niklas", "Oskar", "Gustav", "Henrik", "Martin", "Björn", "Ola", "Göran", "Rasmus", "Viktor",
    ];

    private static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson",
        "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist",
        "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg",
        "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
        "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
    ];

    private readonly Random random = new(2026);
    private readonly Random populationRandom = new(2021);
    private readonly Dictionary<string, PoliticalParty> politicalParties = [];
    private readonly HashSet<string> usedNames = [];

    /// <summary>
    /// Demo data only when <c>Samverkan:DemoData</c> is set explicitly and the database is empty (whatever the
    /// environment's name); otherwise the first administrator comes from <c>Samverkan:AdminPassword</c>.
    /// </summary>
    public async Task EnsureAsync(IConfiguration configuration)
    {
        await EnsureRolesAsync();
        if (!configuration.GetValue<bool>("Samverkan:DemoData"))
        {
            await EnsureAdministratorAsync(configuration["Samverkan:AdminPassword"]);
            return;
        }

        if (!await db.Counties.AnyAsync() && !await users.Users.AnyAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SeedAsync();
            await transaction.CommitAsync();
            logger.LogInformation("Demo data loaded: three counties, their agreements and bodies.");
        }
        else if (!await users.Users.AnyAsync(u => u.UserName == Accounts[1].UserName))
        {
            logger.LogWarning("Samverkan:DemoData is set but the database already holds data that is not demo data; no demo data or demo accounts were loaded.");
            await EnsureAdministratorAsync(configuration["Samverkan:AdminPassword"]);
            return;
        }

        PrintAccounts();
    }

    /// <summary>Why a first administrator password is refused, or null when it is acceptable.</summary>
    public static string? WeakPasswordReason(string password)
    {
        if (password.Length < 12)
        {
            return "it is shorter than 12 characters";
        }

        if (string.Equals(password, Password, StringComparison.OrdinalIgnoreCase))
        {
            return "it is the published demo password";
        }

        if (password.Distinct().Count() < 6)
        {
            return "it has fewer than 6 different characters";
        }

        return null;
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Outside demo mode the first administrator comes from configuration (Samverkan:AdminPassword).</summary>
    private async Task EnsureAdministratorAsync(string? password)
    {
        if (await users.Users.AnyAsync())
        {
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("There are no accounts and Samverkan:AdminPassword is not set: nobody can sign in. " +
                "Set Samverkan__AdminPassword (at least 12 characters) and restart to create the account 'admin'.");
            return;
        }

        if (WeakPasswordReason(password) is { } reason)
        {
            throw new InvalidOperationException($"Samverkan:AdminPassword is refused because {reason}. Choose a long, unique password and restart.");
        }

        await CreateUserAsync("admin", "Systemadministratör", Roles.Administrator, null, null, null, password);
        logger.LogInformation("Created the administrator account 'admin' from Samverkan:AdminPassword.");
    }

    private static void PrintAccounts()
    {
        Console.WriteLine();
        Console.WriteLine("Samverkan demo: log in with any of these accounts, password " + Password);
        foreach (var (userName, description) in Accounts)
        {
            Console.WriteLine($"  {userName,-26} {description}");
        }

        Console.WriteLine();
    }

    private async Task SeedAsync()
    {
        foreach (var (abbreviation, name) in new[]
                 {
                     ("S", "Socialdemokraterna"), ("M", "Moderaterna"), ("SD", "Sverigedemokraterna"), ("C", "Centerpartiet"),
                     ("V", "Vänsterpartiet"), ("KD", "Kristdemokraterna"), ("L", "Liberalerna"), ("MP", "Miljöpartiet"),
                 })
        {
            var party = new PoliticalParty(abbreviation, name);
            politicalParties[abbreviation] = party;
            db.PoliticalParties.Add(party);
        }

        var municipalities = ReferenceData.Municipalities();
        var population = ReferenceData.Population();
        var counties = new Dictionary<string, (County County, Party Region, List<Party> Municipalities)>();
        foreach (var group in municipalities.GroupBy(m => (m.CountyCode, m.CountyName)))
        {
            var county = new County(group.Key.CountyCode, group.Key.CountyName);
            db.Counties.Add(county);
            var regionName = "Region " + group.Key.CountyName.Replace("s län", string.Empty, StringComparison.Ordinal);
            var region = new Party(county.Id, PartyKind.Region, regionName, null, ReferenceData.DemoOrganisationNumber(PartyKind.Region, county.Code));
            region.SetRegistryEmail($"registrator@{Slug(regionName)}.demo.invalid");
            db.Parties.Add(region);
            var parties = new List<Party>();
            foreach (var row in group)
            {
                var party = new Party(county.Id, PartyKind.Municipality, row.Name, row.Code, ReferenceData.DemoOrganisationNumber(PartyKind.Municipality, row.Code));
                party.SetRegistryEmail($"registrator@{Slug(row.Name)}.demo.invalid");
                parties.Add(party);
                db.Parties.Add(party);
                foreach (var figure in population.Where(p => p.MunicipalityCode == row.Code))
                {
                    db.PopulationFigures.Add(new PopulationFigure(party, figure.Year, figure.Population));
                }

                // 2022–2025 are demo values projected from SCB's 2021 figure, so that the cost pages work at once; a
                // secretariat replaces them with SCB's figures under Folkmängd.
                var latest = population.Where(p => p.MunicipalityCode == row.Code).MaxBy(p => p.Year);
                if (latest is not null)
                {
                    var growth = 1m + populationRandom.Next(-4, 9) / 1000m;
                    var projected = (decimal)latest.Population;
                    for (var year = latest.Year + 1; year <= DemoPopulationUntil; year++)
                    {
                        projected *= growth;
                        db.PopulationFigures.Add(new PopulationFigure(party, year, (int)decimal.Round(projected), DemoPopulationSource));
                    }
                }
            }

            counties[county.Code] = (county, region, parties);
        }

        var (vastmanland, vastmanlandRegion, vastmanlandMunicipalities) = counties["19"];
        var srbMembership = SeedVastmanland(vastmanland, vastmanlandRegion, vastmanlandMunicipalities);
        var srbChair = db.Bodies.Local.Single(b => b.ShortName == "SRB").Memberships.Single(m => m.Role == MembershipRole.Chair);
        SeedVasterbotten(counties["24"].County, counties["24"].Region, counties["24"].Municipalities);
        SeedVarmland(counties["17"].County, counties["17"].Region, counties["17"].Municipalities);
        // After Värmland, so that the fictional names drawn before stay as they were.
        var umeaOfficial = VasterbottenCollaboration.Seed(db, counties["24"].County, counties["24"].Region, counties["24"].Municipalities,
            (countyId, party) => NewPerson(countyId, party));
        SeedVasterbottenCases(counties["24"].County, counties["24"].Region, counties["24"].Municipalities);
        await db.SaveChangesAsync();

        await CreateUserAsync("admin", "Systemadministratör", Roles.Administrator, null, null, null, Password);
        await CreateUserAsync("sekretariat.vastmanland", "Sekretariatet Västmanland", Roles.Secretariat, vastmanland.Id, null, null, Password);
        await CreateUserAsync("sekretariat.vasterbotten", "Sekretariatet Västerbotten", Roles.Secretariat, counties["24"].County.Id, null, null, Password);
        await CreateUserAsync("sekretariat.varmland", "Sekretariatet Värmland", Roles.Secretariat, counties["17"].County.Id, null, null, Password);
        await CreateUserAsync("tjansteperson.vasteras", "Tjänsteperson Västerås", Roles.PartyOfficial, vastmanland.Id,
            vastmanlandMunicipalities.Single(m => m.Name == "Västerås").Id, null, Password);
        await CreateUserAsync("tjansteperson.karlstad", "Tjänsteperson Karlstad", Roles.PartyOfficial, counties["17"].County.Id,
            counties["17"].Municipalities.Single(m => m.Name == "Karlstad").Id, null, Password);
        await CreateUserAsync("tjansteperson.umea", "Tjänsteperson Umeå", Roles.PartyOfficial, counties["24"].County.Id,
            counties["24"].Municipalities.Single(m => m.Name == "Umeå").Id, null, Password, umeaOfficial.Email);
        await CreateUserAsync("ledamot.srb", srbMembership.Person!.FullName, Roles.Member, vastmanland.Id, null, srbMembership.Id, Password);
        await CreateUserAsync("ordforande.srb", srbChair.Person!.FullName, Roles.Member, vastmanland.Id, null, srbChair.Id, Password);
    }

    private Membership SeedVastmanland(County county, Party region, List<Party> municipalities)
    {
        SeedBoard(region, ("S", 5, PoliticalSide.Majority), ("C", 1, PoliticalSide.Majority), ("KD", 1, PoliticalSide.Majority),
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
        SeedCostModel(county, agreement, municipalities);

        var srb = new Body(county.Id, BodyKind.StrategicRegionalCommittee, "Strategisk regional beredning", "SRB",
            BodyRules.StrategicRegionalCommittee, region.Id);
        srb.AddTerm(TermStart, TermEnd);
        Seat(srb, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        Seat(srb, region, MembershipRole.Member, "C", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardViceChair);
        Seat(srb, region, MembershipRole.ViceChair, "M", PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        Seat(srb, region, MembershipRole.Member, "S", PoliticalSide.Majority, QualifyingOffice.None);
        Seat(srb, region, MembershipRole.Member, "KD", PoliticalSide.Majority, QualifyingOffice.None);
        Seat(srb, region, MembershipRole.Member, "SD", PoliticalSide.Opposition, QualifyingOffice.None);

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
            Seat(srb, municipality, municipality.Name == "Västerås" ? MembershipRole.FirstViceChair : MembershipRole.Member,
                chair, PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
            var seat = Seat(srb, municipality, municipality.Name == "Sala" ? MembershipRole.ViceChair : MembershipRole.Member,
                opposition, PoliticalSide.Opposition, QualifyingOffice.OppositionLeader);
            if (municipality.Name == "Västerås")
            {
                member = seat;
            }
        }

        Seat(srb, region, MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official, "Regiondirektör");
        db.Bodies.Add(srb);
        SeedSrbMeetings(srb, parties);

        var group = new Body(county.Id, BodyKind.CollaborationGroup, "Politisk samverkansgrupp för kompetensförsörjning", "PSG Kompetens",
            BodyRules.Default with { AllowsSubstitutes = false, MinMeetingsPerYear = 4, NoticeDaysBefore = 14 }, region.Id, srb.Id);
        group.AddTerm(TermStart, TermEnd);
        Seat(group, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.None);
        foreach (var (name, partyAbbreviation) in new[] { ("Västerås", "L"), ("Köping", "S"), ("Sala", "M"), ("Fagersta", "S"), ("Arboga", "M") })
        {
            Seat(group, municipalities.Single(m => m.Name == name), MembershipRole.Member, partyAbbreviation, PoliticalSide.Majority, QualifyingOffice.None);
        }

        db.Bodies.Add(group);
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

        var management = new Body(county.Id, BodyKind.OfficialsGroup, "Regionala ledningsgruppen", "RLG", BodyRules.Default, region.Id);
        management.AddTerm(TermStart, TermEnd);
        Seat(management, region, MembershipRole.Chair, null, null, QualifyingOffice.Official, "Regiondirektör");
        foreach (var municipality in municipalities)
        {
            Seat(management, municipality, MembershipRole.Member, null, null, QualifyingOffice.Official, "Kommundirektör");
        }

        Seat(management, region, MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official, "Länsråd, Länsstyrelsen Västmanland");
        db.Bodies.Add(management);
        return member!;
    }

    /// <summary>The SRB's 2026: six ordinary meetings and one extra, with agendas; notices sent for those held, December's planned.</summary>
    private void SeedSrbMeetings(Body srb, List<Party> parties)
    {
        var items = new (string Title, string? Case, MandatoryTopic? Topic)[]
        {
            ("Regional utvecklingsstrategi – uppföljning", "RV 2025-311", MandatoryTopic.RegionalDevelopmentStrategy),
            ("Regional transportinfrastrukturplan 2026–2037", "RV 2025-402", MandatoryTopic.TransportInfrastructurePlan),
            ("Återrapport från politiska samverkansgruppen för kompetensförsörjning", null, null),
            ("Regional kulturplan 2027–2030, remiss", "RV 2026-018", MandatoryTopic.CulturePlan),
            ("Trafikförsörjningsprogram, aktualisering", "RV 2026-044", MandatoryTopic.PublicTransportProgramme),
            ("Gemensamma EU-frågor: sammanhållningspolitiken efter 2027", "RV 2026-121", MandatoryTopic.EuQuestions),
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
                SeedMinutes(srb, meeting, parties, start);
            }
        }

        var december = Clock.FromSwedish(new DateOnly(2026, 12, 10), new TimeOnly(9, 0));
        var planned = new Meeting(srb, december, december.AddHours(3), "Regionhuset, Västerås");
        planned.AddAgendaItem("Mötets öppnande och val av justerare", null, "Ordföranden", null);
        planned.AddAgendaItem("Kostnadsnivå för regional samverkan inför mandatperioden 2027–2030", "RV 2026-150", "Regiondirektör", "Att rekommendera parterna en ny kostnadsnivå.");
        planned.AddAgendaItem("Nära vård – gemensam färdplan", "RV 2026-090", "Hälso- och sjukvårdsdirektör", "Att ställa sig bakom färdplanen.", MandatoryTopic.LocalCare);
        db.Meetings.Add(planned);
    }

    /// <summary>Checked and published minutes with a recommendation, and two parties' own decisions on it.</summary>
    private void SeedMinutes(Body srb, Meeting meeting, List<Party> parties, DateTimeOffset start)
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
        minutes.Dispatch(start.AddDays(4), DateOnly.FromDateTime(start.AddDays(4).Date), CountyQueriesForDemo.Receivers(parties));
        db.Minutes.Add(minutes);

        var today = new DateOnly(2026, 11, 1);
        db.PartyDecisions.Add(new PartyDecision(minutes, recommendation, parties.Single(p => p.Name == "Arboga").Id, PartyDecisionOutcome.Adopted,
            new DateOnly(2026, 10, 12), "KS 2026-10-12 § 145", "sekretariat.vastmanland", today));
        db.PartyDecisions.Add(new PartyDecision(minutes, recommendation, parties.Single(p => p.Name == "Köping").Id, PartyDecisionOutcome.Partly,
            new DateOnly(2026, 10, 19), "KS 2026-10-19 § 201", "sekretariat.vastmanland", today));
    }

    private static class CountyQueriesForDemo
    {
        public static IEnumerable<string> Receivers(IEnumerable<Party> parties) =>
            Features.Counties.CountyQueries.Ordered(parties).Select(p => $"{p.ExecutiveBoardName}, {p.Name}");
    }

    /// <summary>Seed 001 §5: 14 840 tkr for 2023, no uplift 2024 and 2025, then LPIK. Index values are demo values, labelled so.</summary>
    private void SeedCostModel(County county, Agreement agreement, List<Party> municipalities)
    {
        var model = new CostModel(county.Id, agreement.Id, 2023, 14_840_000m, "Aktuell kostnadsnivå 2023 enligt överenskommelsen, avsnitt 5");
        model.SetRule(new YearRule(2024, YearRuleKind.NoUplift, null, null, "överenskommelsen avsnitt 5 (ingen uppräkning 2024)", null));
        model.SetRule(new YearRule(2025, YearRuleKind.NoUplift, null, null, "överenskommelsen avsnitt 5 (ingen uppräkning 2025)", null));
        model.SetBooking("1510", "3990", "5050-1055");
        db.CostModels.Add(model);
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

    private void SeedVasterbotten(County county, Party region, List<Party> municipalities)
    {
        SeedBoard(region, ("S", 6, PoliticalSide.Majority), ("V", 2, PoliticalSide.Majority), ("M", 3, PoliticalSide.Opposition),
            ("C", 2, PoliticalSide.Opposition), ("SD", 1, PoliticalSide.Opposition), ("KD", 1, PoliticalSide.Opposition));
        var parties = new List<Party> { region };
        parties.AddRange(municipalities);
        var agreement = new Agreement(county.Id, "Överenskommelse om samverkan för regional utveckling 2023–2026", AgreementTexts.Vasterbotten,
            new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31), "RS 759-2022", parties);
        var day = new DateOnly(2022, 4, 25);
        foreach (var municipality in municipalities)
        {
            agreement.RecordAdoption(municipality.Id, day, $"KF {day:yyyy-MM-dd} § {40 + day.DayOfYear % 60}", new DateOnly(2023, 1, 1));
            day = day.AddDays(2);
        }

        agreement.RecordAdoption(region.Id, new DateOnly(2022, 11, 22), "RF 2022-11-22 § 110", new DateOnly(2023, 1, 1));
        db.Agreements.Add(agreement);

        var run = new Body(county.Id, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN",
            BodyRules.Default with { MinMembers = 13, MaxMembers = 13, MinMeetingsPerYear = 8 }, region.Id);
        run.AddTerm(TermStart, TermEnd);
        var runSeats = new List<Membership>
        {
            Seat(run, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.None),
            Seat(run, region, MembershipRole.FirstViceChair, "V", PoliticalSide.Majority, QualifyingOffice.None),
            Seat(run, region, MembershipRole.ViceChair, "M", PoliticalSide.Opposition, QualifyingOffice.None),
        };
        foreach (var abbreviation in new[] { "S", "S", "S", "V", "M", "M", "C", "C", "SD", "KD" })
        {
            runSeats.Add(Seat(run, region, MembershipRole.Member, abbreviation, Side(abbreviation, "S", "V"), QualifyingOffice.None));
        }

        db.Bodies.Add(run);

        var pkd = new Body(county.Id, BodyKind.MunicipalDelegation, "Primärkommunal delegation", "PKD",
            BodyRules.Default with { MinMembers = 15, MaxMembers = 15, MinMeetingsPerYear = 4 }, null);
        pkd.AddTerm(TermStart, TermEnd);
        var pkdSeats = new Dictionary<string, Membership>();
        foreach (var municipality in municipalities)
        {
            var role = municipality.Name switch { "Umeå" => MembershipRole.Chair, "Skellefteå" => MembershipRole.FirstViceChair, _ => MembershipRole.Member };
            pkdSeats[municipality.Name] = Seat(pkd, municipality, role, Pick("S", "M", "C"), PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }

        db.Bodies.Add(pkd);

        var pkdAu = new Body(county.Id, BodyKind.WorkingCommittee, "Primärkommunala delegationens arbetsutskott", "PKD AU",
            BodyRules.Default with { MinMembers = 7, MaxMembers = 7 }, null, pkd.Id);
        pkdAu.AddTerm(TermStart, TermEnd);
        var auNames = new[] { "Umeå", "Skellefteå", "Lycksele", "Vilhelmina", "Storuman", "Vindeln", "Nordmaling" };
        foreach (var name in auNames)
        {
            var seat = pkdSeats[name];
            pkdAu.AddMembership(seat.Person!, seat.AppointingParty!, seat.Role is MembershipRole.Chair or MembershipRole.FirstViceChair ? seat.Role : MembershipRole.Member,
                seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }

        db.Bodies.Add(pkdAu);

        // Seed 003: the consultation forum is six RUN members and the seven members of PKD's working committee; advisory only.
        var forum = new Body(county.Id, BodyKind.ConsultationForum, "Samråd för samverkan inom regional utveckling", "Samråd",
            BodyRules.ConsultationForum, null);
        forum.AddTerm(TermStart, TermEnd);
        foreach (var seat in runSeats.Take(6).Concat(pkdAu.Memberships))
        {
            forum.AddMembership(seat.Person!, seat.AppointingParty!, seat.Role == MembershipRole.Chair && seat.AppointingPartyId == region.Id ? MembershipRole.Chair : MembershipRole.Member,
                seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }

        db.Bodies.Add(forum);
    }

    private void SeedVarmland(County county, Party region, List<Party> municipalities)
    {
        SeedBoard(region, ("S", 5, PoliticalSide.Majority), ("C", 2, PoliticalSide.Majority), ("V", 1, PoliticalSide.Majority),
            ("M", 3, PoliticalSide.Opposition), ("SD", 2, PoliticalSide.Opposition), ("KD", 1, PoliticalSide.Opposition), ("L", 1, PoliticalSide.Opposition));
        var parties = new List<Party> { region };
        parties.AddRange(municipalities);
        var agreement = new Agreement(county.Id, "Samverkansavtal Värmland", AgreementTexts.Varmland, new DateOnly(2020, 1, 1), null, null, parties);
        var day = new DateOnly(2019, 9, 23);
        foreach (var party in parties)
        {
            var prefix = party.Kind == PartyKind.Region ? "RF" : "KF";
            agreement.RecordAdoption(party.Id, day, $"{prefix} {day:yyyy-MM-dd} § {60 + day.Day}", new DateOnly(2020, 1, 1));
            day = day.AddDays(4);
        }

        agreement.AddSupplement("Överenskommelse om de gemensamma resurserna (DGR)",
            "Tillägg till Samverkansavtal Värmland om de gemensamma resurserna, cirka 200 miljoner kronor (55 + 101 + 44 mnkr) som " +
            "förvaltas och särredovisas av Region Värmland. Alla 17 parter kan föreslå insatser; ställningstagandet kräver konsensus " +
            "i Värmlandsrådet efter beredning i VRAU med stöd av VRAG.",
            new DateOnly(2022, 1, 1), "Värmlandsrådet 2021-06-11 § 8", new DateOnly(2021, 12, 31));
        db.Agreements.Add(agreement);
        var awaitingCouncil = VarmlandFund.Seed(db, agreement, parties);

        var council = new Body(county.Id, BodyKind.CountyCouncil, "Värmlandsrådet", "VR", BodyRules.Default with { MinMeetingsPerYear = 4 }, null);
        council.AddTerm(TermStart, TermEnd);
        Seat(council, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        Seat(council, region, MembershipRole.Member, "M", PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        var chairsByMunicipality = new Dictionary<Guid, Membership>();
        foreach (var municipality in municipalities)
        {
            var role = municipality.Name == "Karlstad" ? MembershipRole.FirstViceChair : MembershipRole.Member;
            chairsByMunicipality[municipality.Id] = Seat(council, municipality, role, Pick("S", "M", "C"), PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }

        db.Bodies.Add(council);

        var vrau = new Body(county.Id, BodyKind.WorkingCommittee, "Värmlandsrådets arbetsutskott", "VRAU", BodyRules.Default, null, council.Id);
        vrau.AddTerm(TermStart, TermEnd);
        var chairSeat = council.Memberships.First(m => m.Role == MembershipRole.Chair);
        vrau.AddMembership(chairSeat.Person!, region, MembershipRole.Chair, chairSeat.PoliticalParty, chairSeat.Side, chairSeat.Office, null, TermStart, TermEnd);
        foreach (var name in new[] { "Karlstad", "Arvika", "Kristinehamn", "Torsby", "Säffle" })
        {
            var municipality = municipalities.Single(m => m.Name == name);
            var seat = chairsByMunicipality[municipality.Id];
            vrau.AddMembership(seat.Person!, municipality, name == "Karlstad" ? MembershipRole.ViceChair : MembershipRole.Member,
                seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }

        db.Bodies.Add(vrau);

        var vrag = new Body(county.Id, BodyKind.OfficialsGroup, "Värmlandsrådets arbetsgrupp (VRAG/KDRD)", "VRAG", BodyRules.Default, null, council.Id);
        vrag.AddTerm(TermStart, TermEnd);
        Seat(vrag, region, MembershipRole.Chair, null, null, QualifyingOffice.Official, "Regiondirektör");
        foreach (var municipality in municipalities)
        {
            Seat(vrag, municipality, MembershipRole.Member, null, null, QualifyingOffice.Official, "Kommundirektör");
        }

        db.Bodies.Add(vrag);
        VarmlandFund.TakeUpAtCouncil(db, council, awaitingCouncil, parties);
    }

    private void SeedBoard(Party region, params (string Party, int Seats, PoliticalSide Side)[] seats)
    {
        foreach (var (party, count, side) in seats)
        {
            db.ExecutiveBoardSeats.Add(new ExecutiveBoardSeat(region, politicalParties[party], count, side));
        }
    }

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static PoliticalSide Side(string party, params string[] majority) =>
        majority.Contains(party) ? PoliticalSide.Majority : PoliticalSide.Opposition;

    private Membership Seat(Body body, Party party, MembershipRole role, string? politicalParty, PoliticalSide? side, QualifyingOffice office, string? title = null)
    {
        var person = NewPerson(body.CountyId, party);
        return body.AddMembership(person, party, role, politicalParty is null ? null : politicalParties[politicalParty], side, office, title, TermStart, TermEnd);
    }

    private Person NewPerson(Guid countyId, Party party)
    {
        string first, last;
        do
        {
            first = FirstNames[random.Next(FirstNames.Length)];
            last = LastNames[random.Next(LastNames.Length)];
        }
        while (!usedNames.Add(first + " " + last));

        var domain = Slug(party.Name);
        var person = new Person(countyId, first, last, $"{Slug(first)}.{Slug(last)}@{domain}.demo.invalid");
        db.People.Add(person);
        return person;
    }

    private static string Slug(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace("å", "a", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
            .Replace("é", "e", StringComparison.Ordinal);
        return new string(normalized.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
    }

    private async Task CreateUserAsync(string userName, string displayName, string role, Guid? countyId, Guid? partyId, Guid? membershipId, string password,
        string? email = null)
    {
        var user = new AppUser
        {
            UserName = userName,
            Email = email,
            DisplayName = displayName,
            CountyId = countyId,
            PartyId = partyId,
            MembershipId = membershipId,
            EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }
}
