using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;

/// <summary>
/// Issue 12's national-scale dataset: the demo's three counties as they are, plus Sweden's other 18 counties with their
/// regions and municipalities (real codes and names), and for all 21 twenty years (2006–2025) of agreements, bodies,
/// terms, people and seats, meetings with agendas and checked minutes, 100 000 cases with 1 000 000 steps, two invoices a
/// year per municipality, 10 000 fund initiatives with 1 000 000 ledger entries, 50 000 agenda documents and 1 000 000
/// audit rows. Drawn with a fixed seed (ids aside), built through the domain's own constructors and methods wherever an
/// aggregate has rules (so that hashes, numbers and states are what the product would have made), and written with
/// <see cref="BulkWriter"/>. Everyone is fictional; every place is real.
/// Usage: dotnet run -c Release --project bench/Samverkan.Bench -- national sqlite|postgres [file or connection string] [fresh]
/// </summary>
public sealed partial class NationalData
{
    public const int Seed = 12;

    private const int FirstYear = 2006;
    private const int LastYear = 2025;
    private const string Secretariat = "sekretariat";
    private const string PopulationSource = "Demovärde (nationell testdata) – ersätt med SCB:s siffror";

    /// <summary>The counties the demo data ships: they keep their rows and get history and volume beside them.</summary>
    private static readonly string[] DemoCounties = ["19", "24", "17"];

    /// <summary>The demo's standing bodies that get a history (terms, seats, meetings); the demo's own later additions do not.</summary>
    private static readonly Dictionary<string, string[]> DemoBodiesWithHistory = new(StringComparer.Ordinal)
    {
        ["19"] = ["SRB", "RLG"],
        ["24"] = ["RUN", "PKD", "PKD AU", "Samråd"],
        ["17"] = ["VR", "VRAU", "VRAG"],
    };

    /// <summary>The terms of office from the one covering 2006 (2003–2006) to the current one (2023–2026).</summary>
    private static readonly (DateOnly StartsOn, DateOnly EndsOn)[] Terms =
        [.. Enumerable.Range(0, 6).Select(i => TermOfOffice.StandardAfterElection(2002 + 4 * i))];

    private readonly AppDbContext db;
    private readonly BulkWriter writer;
    private readonly Random random = new(Seed);
    private readonly List<Place> places = [];
    private readonly Dictionary<(Guid PartyId, int Year), int> population = [];
    private readonly NewStructure added = new();
    private Dictionary<string, PoliticalParty> politicalParties = [];

    private NationalData(AppDbContext db, bool postgres)
    {
        this.db = db;
        writer = new BulkWriter(db, postgres);
    }

    /// <summary>The mode: a database with the demo data (made when missing), then the national data, then its connection string.</summary>
    public static async Task RunAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var connection = await ConnectionAsync(provider, args);
        await using (var app = await BenchHost.BuildAsync(provider, connection))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), provider == "postgres");
        }

        Console.WriteLine();
        Console.WriteLine("Connection string:");
        Console.WriteLine(connection);
    }

    /// <summary>
    /// Adds the national data to a database that holds the demo data and nothing else; does nothing (and says so) when
    /// the national data is there already. Returns whether it loaded.
    /// </summary>
    public static async Task<bool> LoadAsync(AppDbContext db, bool postgres)
    {
        NationalMunicipalities.Verify();
        var codes = await db.Counties.AsNoTracking().Select(c => c.Code).ToListAsync();
        if (codes.Count >= NationalMunicipalities.Counties.Count)
        {
            var generator = new NationalData(db, postgres);
            await db.Database.OpenConnectionAsync();
            try
            {
                Console.WriteLine($"The database already holds {codes.Count} counties: the national data was loaded before; nothing generated.");
                await generator.PrintCountsAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return false;
        }

        if (codes.Count != DemoCounties.Length || !DemoCounties.All(codes.Contains))
        {
            throw new InvalidOperationException(
                $"The national data goes on a database with the demo data only (counties {string.Join(", ", DemoCounties)}); this one has {string.Join(", ", codes)}.");
        }

        var watch = Stopwatch.StartNew();
        await new NationalData(db, postgres).GenerateAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"National data loaded in {watch.Elapsed.TotalSeconds:0.0} s."));
        return true;
    }

    private static async Task<string> ConnectionAsync(string provider, string[] args)
    {
        if (provider == "postgres")
        {
            return await BenchHost.ConnectionAsync(provider, args, "samverkan_national");
        }

        var named = args.Length > 1 && args[1] != "fresh" ? args[1] : null;
        var file = named is null
            ? Path.Combine(Directory.CreateTempSubdirectory("samverkan-national-").FullName, "national.db")
            : named.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(named).DataSource : named;
        if (args.Contains("fresh"))
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }

        return $"Data Source={file}";
    }

    private async Task GenerateAsync()
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await writer.BeginAsync();
            await ReadDemoAsync();
            AddCounties();
            AddPopulation();
            AddStructure();
            Console.WriteLine($"Writing {places.Count} counties ({places.Count(p => !p.IsDemo)} new):");
            await WriteStructureAsync();
            var cases = await WriteCasesAsync();
            var agenda = await WriteMeetingsAsync(cases);
            await WriteDocumentsAsync(agenda);
            await WriteInvoicesAsync();
            await WriteFundsAsync();
            await WriteAuditAsync(cases);
            await writer.EndAsync();
            var total = writer.Written.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Time);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {"total written",-26} {writer.Written.Sum(w => w.Rows),12:N0} rows {total.TotalSeconds,7:0.0} s"));
            await PrintCountsAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task PrintCountsAsync()
    {
        Console.WriteLine("Rows now in the database:");
        foreach (var table in new[]
                 {
                     "Counties", "Parties", "People", "Bodies", "TermsOfOffice", "Memberships", "Agreements", "Adoptions", "Meetings", "AgendaItems",
                     "Minutes", "MinutesItems", "Attendances", "Cases", "CaseSteps", "Invoices", "Funds", "Initiatives", "LedgerEntries",
                     "AgendaDocuments", "AuditEntries",
                 })
        {
            var count = await writer.CountAsync(table);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-26} {count,12:N0}"));
        }
    }

    /// <summary>One county: its parties, the bodies with a history, its agreements oldest first, and what else the later steps need.</summary>
    private sealed class Place(County county, bool isDemo, Party region, List<Party> municipalities)
    {
        public County County { get; } = county;

        public bool IsDemo { get; } = isDemo;

        public Party Region { get; } = region;

        public List<Party> Municipalities { get; } = municipalities;

        public List<Party> Parties => [Region, .. Municipalities];

        /// <summary>"Västmanland" for "Västmanlands län": for names of bodies, accounts and e-mail domains.</summary>
        public string Short => County.Name.EndsWith("s län", StringComparison.Ordinal) ? County.Name[..^5] : County.Name[..^4];

        /// <summary>The municipality the region's offices are in (the largest), where the meetings are held.</summary>
        public string Seat { get; set; } = string.Empty;

        /// <summary>Bodies with a history: terms, seats, meetings and minutes.</summary>
        public List<Body> Bodies { get; } = [];

        /// <summary>Every body of the county, for the case register's responsible bodies and steps.</summary>
        public List<Body> AllBodies { get; } = [];

        public List<Agreement> Agreements { get; } = [];

        /// <summary>Cost models by agreement; only counties whose agreement shares a cost level have them.</summary>
        public Dictionary<Guid, CostModel> CostModels { get; } = [];

        public HashSet<string> PersonNames { get; } = [];

        public HashSet<string> CaseSeries { get; } = [];

        public HashSet<(Guid BodyId, int Year)> MeetingYears { get; } = [];

        /// <summary>Case numbers start above the demo's own in a demo county, at 1 in a new one.</summary>
        public int FirstCaseNumber => IsDemo ? 1001 : 1;

        public Agreement AgreementIn(int year) =>
            Agreements.Last(a => a.ValidFrom.Year <= year && (a.ValidTo is null || a.ValidTo.Value.Year >= year));
    }

    /// <summary>The new rows of the small tables, built before anything is written so that the writes follow the foreign keys.</summary>
    private sealed class NewStructure
    {
        public List<County> Counties { get; } = [];

        public List<Party> Parties { get; } = [];

        public List<PopulationFigure> Population { get; } = [];

        public List<ExecutiveBoardSeat> BoardSeats { get; } = [];

        public List<Person> People { get; } = [];

        public List<Body> Bodies { get; } = [];

        public List<TermOfOffice> Terms { get; } = [];

        public List<Membership> Memberships { get; } = [];

        public List<Agreement> Agreements { get; } = [];

        public List<CostModel> CostModels { get; } = [];

        public List<CaseSeries> CaseSeries { get; } = [];
    }

    private async Task ReadDemoAsync()
    {
        politicalParties = await db.PoliticalParties.AsNoTracking().ToDictionaryAsync(p => p.Abbreviation, StringComparer.Ordinal);
        var counties = await db.Counties.AsNoTracking().ToListAsync();
        var parties = await db.Parties.AsNoTracking().ToListAsync();
        foreach (var figure in await db.PopulationFigures.AsNoTracking().ToListAsync())
        {
            population[(figure.PartyId, figure.Year)] = figure.Population;
        }

        var names = await db.People.AsNoTracking().Select(p => new { p.CountyId, p.FirstName, p.LastName }).ToListAsync();
        var series = await db.CaseSeries.AsNoTracking().Select(s => new { s.CountyId, s.Code }).ToListAsync();
        var meetings = await db.Meetings.AsNoTracking().Select(m => new { m.BodyId, m.StartsAt }).ToListAsync();
        foreach (var county in counties)
        {
            var own = parties.Where(p => p.CountyId == county.Id).ToList();
            var place = new Place(county, true, own.Single(p => p.Kind == PartyKind.Region),
                own.Where(p => p.Kind == PartyKind.Municipality).OrderBy(p => p.MunicipalityCode, StringComparer.Ordinal).ToList());
            place.PersonNames.UnionWith(names.Where(n => n.CountyId == county.Id).Select(n => $"{n.FirstName} {n.LastName}"));
            place.CaseSeries.UnionWith(series.Where(s => s.CountyId == county.Id).Select(s => s.Code));
            var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id)
                .Include(b => b.Terms)
                .Include(b => b.Memberships).ThenInclude(m => m.Person)
                .Include(b => b.Memberships).ThenInclude(m => m.AppointingParty)
                .Include(b => b.Memberships).ThenInclude(m => m.PoliticalParty)
                .AsSplitQuery().ToListAsync();
            place.AllBodies.AddRange(bodies.OrderBy(b => b.Name, StringComparer.Ordinal));
            place.Bodies.AddRange(DemoBodiesWithHistory[county.Code].Select(s => bodies.Single(b => b.ShortName == s)));
            place.MeetingYears.UnionWith(meetings.Where(m => bodies.Any(b => b.Id == m.BodyId)).Select(m => (m.BodyId, m.StartsAt.Year)));
            place.Agreements.AddRange(await db.Agreements.AsNoTracking().Where(a => a.CountyId == county.Id).OrderBy(a => a.ValidFrom).ToListAsync());
            foreach (var model in await db.CostModels.AsNoTracking().Include(m => m.Rules).Where(m => m.CountyId == county.Id).ToListAsync())
            {
                place.CostModels[model.AgreementId] = model;
            }

            places.Add(place);
        }
    }

    /// <summary>The 18 counties the demo does not have, each with its region and municipalities as DemoData makes them.</summary>
    private void AddCounties()
    {
        foreach (var row in NationalMunicipalities.Counties.Where(c => !DemoCounties.Contains(c.Code)))
        {
            var county = new County(row.Code, row.Name);
            var region = new Party(county.Id, PartyKind.Region, row.RegionName, null, OrganisationNumber("2321000" + row.Code));
            region.SetRegistryEmail($"registrator@{Slug(row.RegionName)}.demo.invalid");
            var municipalities = NationalMunicipalities.Municipalities.Where(m => m.CountyCode == row.Code).Select(m =>
            {
                // Not the demo's 212000-NNNC pattern, which takes three digits of the code and would repeat it (0980 and 1980).
                var party = new Party(county.Id, PartyKind.Municipality, m.Name, m.Code, OrganisationNumber("2120" + m.Code + "1"));
                party.SetRegistryEmail($"registrator@{Slug(m.Name)}.demo.invalid");
                return party;
            }).ToList();
            added.Counties.Add(county);
            added.Parties.Add(region);
            added.Parties.AddRange(municipalities);
            places.Add(new Place(county, false, region, municipalities));
        }

        places.Sort((a, b) => string.CompareOrdinal(a.County.Code, b.County.Code));
    }

    /// <summary>
    /// Every municipality's population on 31 December 2005–2025 where the demo has none: the cost sharing of a year
    /// reads the year before. Generated, labelled as demo values, and running back from the demo's own figures.
    /// </summary>
    private void AddPopulation()
    {
        foreach (var place in places)
        {
            foreach (var municipality in place.Municipalities)
            {
                var growth = 1m + random.Next(-8, 16) / 1000m;
                var known = population.Where(p => p.Key.PartyId == municipality.Id).OrderBy(p => p.Key.Year).Select(p => (p.Key.Year, p.Value)).FirstOrDefault();
                var (anchorYear, anchor) = known.Year != 0
                    ? known
                    : (LastYear, NationalMunicipalities.LargeMunicipalities.TryGetValue(municipality.MunicipalityCode!, out var large)
                        ? large
                        : (int)Math.Round(Math.Exp(Math.Log(2_500) + random.NextDouble() * (Math.Log(60_000) - Math.Log(2_500)))));
                var figure = (decimal)anchor;
                for (var year = anchorYear; year >= FirstYear - 1; year--)
                {
                    if (year < anchorYear)
                    {
                        figure /= growth;
                    }

                    Population(municipality, year, (int)decimal.Round(figure));
                }

                figure = anchor;
                for (var year = anchorYear + 1; year <= LastYear; year++)
                {
                    figure *= growth;
                    Population(municipality, year, (int)decimal.Round(figure));
                }
            }

            place.Seat = place.Municipalities.MaxBy(m => population[(m.Id, LastYear)])!.Name;
        }
    }

    private void Population(Party municipality, int year, int figure)
    {
        if (population.TryAdd((municipality.Id, year), figure))
        {
            added.Population.Add(new PopulationFigure(municipality, year, figure, PopulationSource));
        }
    }

    /// <summary>Boards, bodies with their twenty years of terms and seats, agreements and their cost models, case series.</summary>
    private void AddStructure()
    {
        foreach (var place in places)
        {
            if (!place.IsDemo)
            {
                AddBoard(place);
                AddBodies(place);
            }

            AddHistory(place);
            AddAgreements(place);
            foreach (var code in new[] { "RS", "RUN" }.Where(c => !place.CaseSeries.Contains(c)))
            {
                var series = new CaseSeries(place.County.Id, code, code == "RS" ? "Regionstyrelsen" : "Regionala utvecklingsnämnden");
                if (code == "RUN")
                {
                    series.UseForReferrals();
                }

                added.CaseSeries.Add(series);
                place.CaseSeries.Add(code);
            }
        }
    }

    /// <summary>Who governs a new county's region: an S-led or an M-led majority, in turn.</summary>
    private static bool SocialDemocratLed(Place place) => int.Parse(place.County.Code, CultureInfo.InvariantCulture) % 2 == 1;

    private void AddBoard(Place place)
    {
        var board = SocialDemocratLed(place)
            ? new[] { ("S", 6, PoliticalSide.Majority), ("C", 2, PoliticalSide.Majority), ("MP", 1, PoliticalSide.Majority), ("M", 3, PoliticalSide.Opposition),
                ("SD", 2, PoliticalSide.Opposition), ("V", 1, PoliticalSide.Opposition) }
            : [("M", 4, PoliticalSide.Majority), ("KD", 2, PoliticalSide.Majority), ("L", 1, PoliticalSide.Majority), ("S", 5, PoliticalSide.Opposition),
                ("SD", 2, PoliticalSide.Opposition), ("V", 1, PoliticalSide.Opposition)];
        foreach (var (party, seats, side) in board)
        {
            added.BoardSeats.Add(new ExecutiveBoardSeat(place.Region, politicalParties[party], seats, side));
        }
    }

    /// <summary>
    /// A new county's four standing bodies in the current term, modelled on the seeds: a county council of the region
    /// and every municipality (as Värmlandsrådet) with its working committee, the region's regional development board
    /// (as Västerbotten's RUN) and the officials' management group (as Västmanland's RLG).
    /// </summary>
    private void AddBodies(Place place)
    {
        var (from, to) = Terms[^1];
        var lead = SocialDemocratLed(place) ? "S" : "M";
        var opposition = SocialDemocratLed(place) ? "M" : "S";
        var largest = place.Municipalities.OrderByDescending(m => population[(m.Id, LastYear)]).ToList();

        var council = new Body(place.County.Id, BodyKind.CountyCouncil, $"Regionalt samverkansråd i {place.County.Name}", "RSR",
            BodyRules.Default with { AllowsSubstitutes = false, MinMeetingsPerYear = 6, NoticeDaysBefore = 14 }, null);
        council.AddTerm(from, to);
        var chair = Seat(place, council, place.Region, MembershipRole.Chair, lead, PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        Seat(place, council, place.Region, MembershipRole.ViceChair, opposition, PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        var municipal = new Dictionary<Guid, Membership>();
        foreach (var municipality in place.Municipalities)
        {
            municipal[municipality.Id] = Seat(place, council, municipality, municipality == largest[0] ? MembershipRole.FirstViceChair : MembershipRole.Member,
                Pick("S", "M", "C", "S", "M", "KD", "L"), PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }

        var committee = new Body(place.County.Id, BodyKind.WorkingCommittee, "Samverkansrådets arbetsutskott", "RSR AU", BodyRules.Default, null, council.Id);
        committee.AddTerm(from, to);
        committee.AddMembership(chair.Person!, place.Region, MembershipRole.Chair, chair.PoliticalParty, chair.Side, chair.Office, null, from, to);
        foreach (var (municipality, index) in largest.Take(5).Select((m, i) => (m, i)))
        {
            var seat = municipal[municipality.Id];
            committee.AddMembership(seat.Person!, municipality, index == 0 ? MembershipRole.ViceChair : MembershipRole.Member, seat.PoliticalParty, seat.Side,
                seat.Office, null, from, to);
        }

        var board = new Body(place.County.Id, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN",
            BodyRules.Default with { MinMembers = 13, MaxMembers = 13, MinMeetingsPerYear = 8 }, place.Region.Id);
        board.AddTerm(from, to);
        Seat(place, board, place.Region, MembershipRole.Chair, lead, PoliticalSide.Majority, QualifyingOffice.None);
        Seat(place, board, place.Region, MembershipRole.FirstViceChair, SocialDemocratLed(place) ? "C" : "KD", PoliticalSide.Majority, QualifyingOffice.None);
        Seat(place, board, place.Region, MembershipRole.ViceChair, opposition, PoliticalSide.Opposition, QualifyingOffice.None);
        var others = SocialDemocratLed(place)
            ? new[] { "S", "S", "S", "C", "MP", "M", "M", "SD", "SD", "V" }
            : ["M", "M", "KD", "L", "S", "S", "S", "SD", "SD", "V"];
        foreach (var party in others)
        {
            var majority = SocialDemocratLed(place) ? party is "S" or "C" or "MP" : party is "M" or "KD" or "L";
            Seat(place, board, place.Region, MembershipRole.Member, party, majority ? PoliticalSide.Majority : PoliticalSide.Opposition, QualifyingOffice.None);
        }

        var management = new Body(place.County.Id, BodyKind.OfficialsGroup, "Regionala ledningsgruppen", "RLG", BodyRules.Default, place.Region.Id);
        management.AddTerm(from, to);
        Seat(place, management, place.Region, MembershipRole.Chair, null, null, QualifyingOffice.Official, "Regiondirektör");
        foreach (var municipality in place.Municipalities)
        {
            Seat(place, management, municipality, MembershipRole.Member, null, null, QualifyingOffice.Official, "Kommundirektör");
        }

        foreach (var body in new[] { council, committee, board, management })
        {
            added.Bodies.Add(body);
            added.Terms.AddRange(body.Terms);
            added.Memberships.AddRange(body.Memberships);
            place.Bodies.Add(body);
            place.AllBodies.Add(body);
        }
    }

    /// <summary>
    /// The five terms before the current one for every body with a history, seated as the term after it: the same
    /// roles for the same parties, each person staying on with a chance of two in five (and then in every body they
    /// sat in together), otherwise someone new of the same party.
    /// </summary>
    private void AddHistory(Place place)
    {
        var current = Terms[^1].StartsOn;
        var later = place.Bodies.ToDictionary(b => b.Id, b => InOrder(b.Memberships.Where(m => m.IsActiveOn(current))).ToList());
        for (var t = Terms.Length - 2; t >= 0; t--)
        {
            var (from, to) = Terms[t];
            var successors = new Dictionary<Guid, Person>();
            foreach (var body in place.Bodies)
            {
                if (body.Terms.Any(x => x.StartsOn <= to && from <= x.EndsOn))
                {
                    continue;
                }

                added.Terms.Add(body.AddTerm(from, to));
                var seats = new List<Membership>();
                foreach (var seat in later[body.Id])
                {
                    if (!successors.TryGetValue(seat.PersonId, out var person))
                    {
                        person = random.Next(5) < 2
                            ? seat.Person!
                            : NewPerson(place, seat.AppointingParty!, seat.PoliticalParty?.Abbreviation, seat.Office != QualifyingOffice.Official);
                        successors[seat.PersonId] = person;
                    }

                    var membership = body.AddMembership(person, seat.AppointingParty!, seat.Role, seat.PoliticalParty, seat.Side, seat.Office, seat.OfficeTitle, from, to);
                    added.Memberships.Add(membership);
                    seats.Add(membership);
                }

                later[body.Id] = seats;
            }
        }
    }

    /// <summary>
    /// One agreement a term, each started from the one before (as the product's "start the next agreement" does) and
    /// adopted by every council in the autumn before it; the relevance reviews held. A demo county gets those before its
    /// own agreement (Värmland's runs from 2020, so its history has the terms 2004–2019). A county that shares a cost
    /// level gets a cost model for each (Västmanland, whose agreement has one, and every new county); a new county's
    /// current agreement gets the supplement its shared fund is made under.
    /// </summary>
    private void AddAgreements(Place place)
    {
        var (title, firstYear, count) = place.County.Code switch
        {
            "19" => ("Överenskommelse om samverkan mellan kommunerna i Västmanlands län och Region Västmanland i frågor som stödjer regional utveckling i länet", 2003, 5),
            "24" => ("Överenskommelse om samverkan för regional utveckling", 2003, 5),
            "17" => ("Samverkansavtal Värmland", 2004, 4),
            _ => ($"Överenskommelse om regional samverkan i {place.County.Name}", 2003, 6),
        };
        var parties = place.Parties;
        var history = new List<Agreement>();
        var agreement = new Agreement(place.County.Id, $"{title} {firstYear}–{firstYear + 3}", AgreementText(place), new DateOnly(firstYear, 1, 1),
            new DateOnly(firstYear + 3, 12, 31), $"RS {100 + random.Next(900)}-{firstYear - 1}", parties);
        history.Add(agreement);
        while (history.Count < count)
        {
            agreement = agreement.StartNext(parties, agreement.ValidTo!.Value.AddMonths(-6));
            history.Add(agreement);
        }

        foreach (var each in history)
        {
            Adopt(place, each);
            foreach (var review in each.Reviews.Where(r => r.Year <= LastYear).ToList())
            {
                var heldOn = new DateOnly(review.Year, 10, 1 + random.Next(20));
                each.RecordReview(review.Year, heldOn, $"{place.Region.Name} och länets {place.Municipalities.Count} kommuner i dialog",
                    "Samverkan sker i de gemensamma organen enligt överenskommelsen.", "Arbetet följer den regionala utvecklingsstrategin.",
                    "Finansieringen enligt överenskommelsen står fast.", "Strukturen behålls.", "Överenskommelsen är fortsatt aktuell.", Secretariat, heldOn);
            }
        }

        if (!place.IsDemo)
        {
            var supplement = agreement.AddSupplement("Överenskommelse om gemensamma resurser",
                $"Tillägg till {agreement.Title} om gemensamma resurser som förvaltas och särredovisas av {place.Region.Name}. Alla parter kan föreslå " +
                "insatser; ställningstagandet kräver konsensus i samverkansrådet.",
                new DateOnly(2023, 1, 1), "Samverkansrådet 2022-06-10 § 8", new DateOnly(2022, 12, 31));
            foreach (var party in place.Parties)
            {
                // At the same council meeting as the agreement itself.
                var adoption = agreement.AdoptionBy(party.Id)!;
                agreement.RecordAdoption(party.Id, adoption.DecidedOn, adoption.Reference, adoption.DecidedOn, supplementId: supplement.Id);
            }
        }

        place.Agreements.InsertRange(0, history);
        added.Agreements.AddRange(history);
        if (!place.IsDemo || place.CostModels.Count > 0)
        {
            // Newest first: the product reads "the county's cost model" as the first one stored.
            foreach (var each in Enumerable.Reverse(history))
            {
                var model = CostModelFor(place, each);
                place.CostModels[each.Id] = model;
                added.CostModels.Add(model);
            }
        }
    }

    private void Adopt(Place place, Agreement agreement)
    {
        var day = agreement.ValidFrom.AddDays(-110);
        var paragraph = 30 + random.Next(60);
        foreach (var party in place.Parties)
        {
            var reference = $"{(party.Kind == PartyKind.Region ? "RF" : "KF")} {day:yyyy-MM-dd} § {paragraph}";
            agreement.RecordAdoption(party.Id, day, reference, day);
            day = day.AddDays(1 + random.Next(2));
            paragraph += 1 + random.Next(5);
        }
    }

    /// <summary>
    /// A cost level for the agreement's first year of about 18 kronor an inhabitant in 2003, rising 2.5 % a year, and
    /// an agreed uplift of 1.5–3.5 % for each later year decided the autumn before (so no index is needed).
    /// </summary>
    private CostModel CostModelFor(Place place, Agreement agreement)
    {
        var start = agreement.ValidFrom.Year;
        var inhabitants = place.Municipalities.Sum(m => (long)population[(m.Id, Math.Max(start - 1, FirstYear - 1))]);
        var perInhabitant = 18m * (decimal)Math.Pow(1.025, start - 2003);
        var model = new CostModel(place.County.Id, agreement.Id, start, decimal.Round(inhabitants * perInhabitant / 1000m) * 1000m,
            $"Kostnadsnivå {start} enligt {agreement.Title}");
        var body = place.Bodies[0].ShortName;
        for (var year = start + 1; year <= agreement.ValidTo!.Value.Year; year++)
        {
            var decidedOn = new DateOnly(year - 1, 11, 10 + random.Next(15));
            model.SetRule(new YearRule(year, YearRuleKind.AgreedPercentage, 1.5m + random.Next(21) / 10m, null, $"{body} {decidedOn:yyyy-MM-dd} § {random.Next(10, 90)}",
                decidedOn));
        }

        model.SetBooking("1510", "3990", $"5{place.County.Code}0-{1000 + random.Next(9000)}");
        return model;
    }

    private async Task WriteStructureAsync()
    {
        await writer.WriteEntitiesAsync("Counties", added.Counties);
        await writer.WriteEntitiesAsync("Parties", added.Parties);
        await writer.WriteEntitiesAsync("PopulationFigures", added.Population);
        await writer.WriteEntitiesAsync("ExecutiveBoardSeats", added.BoardSeats);
        await writer.WriteEntitiesAsync("People", added.People);
        await writer.WriteEntitiesAsync("Bodies", added.Bodies);
        await writer.WriteEntitiesAsync("TermsOfOffice", added.Terms);
        await writer.WriteEntitiesAsync("Memberships", added.Memberships);
        await writer.WriteEntitiesAsync("Agreements", added.Agreements);
        await writer.WriteEntitiesAsync("AgreementParties", added.Agreements.SelectMany(a => a.Parties));
        await writer.WriteEntitiesAsync("Supplements", added.Agreements.SelectMany(a => a.Supplements));
        await writer.WriteEntitiesAsync("Adoptions", added.Agreements.SelectMany(a => a.Adoptions));
        await writer.WriteEntitiesAsync("RelevanceReviews", added.Agreements.SelectMany(a => a.Reviews));
        await writer.WriteEntitiesAsync("CostModels", added.CostModels);
        await writer.WriteEntitiesAsync("CostYearRules", added.CostModels.SelectMany(m => m.Rules));
        await writer.WriteEntitiesAsync("CaseSeries", added.CaseSeries);
    }

    private Membership Seat(Place place, Body body, Party party, MembershipRole role, string? politicalParty, PoliticalSide? side, QualifyingOffice office,
        string? title = null)
    {
        var person = NewPerson(place, party, politicalParty, office != QualifyingOffice.Official);
        var (from, to) = Terms[^1];
        return body.AddMembership(person, party, role, politicalParty is null ? null : politicalParties[politicalParty], side, office, title, from, to);
    }

    private Person NewPerson(Place place, Party party, string? politicalParty, bool elected)
    {
        string first, last;
        do
        {
            first = FirstNames[random.Next(FirstNames.Length)];
            last = LastNames[random.Next(LastNames.Length)];
        }
        while (!place.PersonNames.Add($"{first} {last}"));

        var person = new Person(place.County.Id, first, last, $"{Slug(first)}.{Slug(last)}@{Slug(party.Name)}.demo.invalid");
        person.Update(first, last, person.Email, party.Id, politicalParty, elected);
        added.People.Add(person);
        return person;
    }

    /// <summary>Seats in an order that does not depend on their ids, so that the same seed draws the same data on every database.</summary>
    private static IEnumerable<Membership> InOrder(IEnumerable<Membership> seats) => seats
        .OrderBy(m => m.Role).ThenBy(m => m.AppointingParty!.Name, StringComparer.Ordinal)
        .ThenBy(m => m.Person!.LastName, StringComparer.Ordinal).ThenBy(m => m.Person!.FirstName, StringComparer.Ordinal);

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static string AgreementText(Place place) =>
        $"""
        Överenskommelse om regional samverkan mellan {place.Region.Name} och kommunerna i {place.County.Name}.

        1. Parterna samverkar i frågor som stödjer regional utveckling i länet.
        2. Samverkan sker i det regionala samverkansrådet och dess arbetsutskott, med stöd av den regionala ledningsgruppen.
        3. Kostnaden för gemensamma åtaganden fördelas mellan kommunerna efter folkmängd och betalas i två delbetalningar.
        4. Överenskommelsen gäller under mandatperioden och prövas under dess andra och sista år.

        (Nationell testdata: texten är genererad.)
        """;

    private static string OrganisationNumber(string nine) => $"{nine[..6]}-{nine[6..]}{Samverkan.Domain.Counties.OrganisationNumber.CheckDigit(nine)}";

    private static string Slug(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace("å", "a", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
            .Replace("é", "e", StringComparison.Ordinal).Replace(' ', '-');
        return new string(normalized.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
    }

    // Fictional people: common Swedish first names and surnames combined at random with a fixed seed.
    private static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Ingrid", "Marie", "Malin", "Johanna", "Linnea", "Elin", "Ida",
        "Hanna", "Sofia", "Annika", "Camilla", "Helena", "Ulrika", "Therese", "Cecilia", "Frida", "Agneta", "Birgitta", "Åsa", "Maja", "Jenny",
        "Louise", "Mona", "Susanne", "Katarina", "Jessica", "Petra", "Monica", "Ylva", "Gunilla", "Amanda", "Matilda", "Elsa", "Alice", "Ebba",
        "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Mikael", "Jan", "Hans", "Thomas", "Daniel", "Fredrik", "Stefan", "Mattias",
        "Magnus", "Jonas", "Andreas", "Niklas", "Oskar", "Gustav", "Henrik", "Martin", "Björn", "Ola", "Göran", "Rasmus", "Viktor", "Patrik",
        "Mats", "Ulf", "Bengt", "Leif", "Roger", "Tobias", "Joakim", "Emil", "Anton", "Axel", "Sven", "Håkan", "Kjell", "Pontus", "Linus",
    ];

    private static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson",
        "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist",
        "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg",
        "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
        "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
        "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson", "Berggren",
        "Sandström", "Lund", "Nordin", "Ström", "Åberg", "Falk", "Ekström", "Hermansson", "Holmgren", "Hellström", "Dahlberg", "Hedlund",
        "Sundberg", "Sjögren", "Ek", "Blom", "Abrahamsson", "Martinsson", "Öberg", "Andreasson", "Strömberg", "Månsson", "Hansen", "Åkesson",
    ];
}
