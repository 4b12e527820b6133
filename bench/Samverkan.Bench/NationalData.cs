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
}
