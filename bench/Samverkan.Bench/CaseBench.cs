using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Web.Data;

/// <summary>
/// Issue 9's measurement: Västerbotten's case register grown to 100 000 cases with 1 000 000 flow steps, then the
/// register's first page and searches (page and API) and one case with its flow, timed over HTTP against the real host.
/// Usage: dotnet run -c Release --project bench/Samverkan.Bench -- cases sqlite|postgres [file or connection string | fresh]
/// </summary>
public static class CaseBench
{
    private const int Cases = 100_000;
    private const int StepsPerCase = 10;

    public static async Task RunAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var connection = await BenchHost.ConnectionAsync(provider, args, "samverkan_case_bench");
        var app = await BenchHost.BuildAsync(provider, connection);
        var load = Stopwatch.StartNew();
        Guid sample;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            sample = await GrowAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), provider == "postgres");
        }

        Console.WriteLine($"{provider}: loaded {Cases:N0} cases and {Cases * StepsPerCase:N0} steps in {load.Elapsed.TotalSeconds:0.0} s");
        await app.StartAsync();
        try
        {
            var (pages, api) = await BenchHost.SignInAsync("sekretariat.vasterbotten");
            using var _ = pages;
            using var __ = api;
            await FundBench.TimeAsync(provider, "register, first page (HTML)", () => pages.GetAsync("/counties/24/cases"));
            await FundBench.TimeAsync(provider, "register, first page (API)", () => api.GetAsync("/api/v1/counties/24/cases"));
            await FundBench.TimeAsync(provider, "search by title word (API)", () => api.GetAsync("/api/v1/counties/24/cases?q=kollektivtrafik"));
            await FundBench.TimeAsync(provider, "search by case number (API)", () => api.GetAsync("/api/v1/counties/24/cases?q=RS%2012345-2019"));
            await FundBench.TimeAsync(provider, "open strategies of 2024 (API)", () => api.GetAsync("/api/v1/counties/24/cases?kind=strategy&status=open&year=2024"));
            await FundBench.TimeAsync(provider, "register page 200 (HTML)", () => pages.GetAsync("/counties/24/cases?sida=200"));
            await FundBench.TimeAsync(provider, "a case with its flow (API)", () => api.GetAsync($"/api/v1/cases/{sample}"));
            await FundBench.TimeAsync(provider, "a case with its flow (HTML)", () => pages.GetAsync($"/counties/24/cases/{sample}"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static readonly string[] Words =
    [
        "Kollektivtrafik", "Kompetensförsörjning", "Bredband", "Kulturplan", "Livsmedelsstrategi", "Innovation", "Besöksnäring", "Skog",
        "Energi", "Vård", "Skola", "Bostäder", "Näringsliv", "Klimat", "Vatten", "Integration",
    ];

    /// <summary>Adds the cases (20 years, two series) and their steps to Västerbotten with plain multi-row inserts.</summary>
    private static async Task<Guid> GrowAsync(AppDbContext db, bool postgres)
    {
        var county = await db.Counties.AsNoTracking().SingleAsync(c => c.Code == "24");
        var existing = await db.Cases.Where(c => c.CountyId == county.Id && c.Series == "RS" && c.Year == 2019).Select(c => c.Id).FirstOrDefaultAsync();
        if (await db.Cases.CountAsync() >= Cases)
        {
            return existing;
        }

        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).Select(b => b.Id).ToListAsync();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        object V(object? value) => value is null ? DBNull.Value : postgres ? value : value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };

        var random = new Random(2026);
        var rows = new List<(Guid Id, string Series, int Number, int Year, DateOnly On, string Title, string Kind, string Status)>();
        var perYear = Cases / 20;
        foreach (var year in Enumerable.Range(2006, 20))
        {
            for (var n = 1; n <= perYear; n++)
            {
                var series = n % 3 == 0 ? "RUN" : "RS";
                var number = series == "RUN" ? n / 3 + 1000 : n + 10_000;
                var title = $"{Words[random.Next(Words.Length)]}: {Words[random.Next(Words.Length)].ToLowerInvariant()} i Västerbotten {n}";
                var kind = (n % 5) switch { 0 => "Referral", 1 => "Strategy", 2 => "Internal", 3 => "MandatoryItem", _ => "Internal" };
                var status = year < 2025 ? (n % 17 == 0 ? "Withdrawn" : "Closed") : "Open";
                rows.Add((Guid.NewGuid(), series, number, year, new DateOnly(year, 1 + n % 12, 1 + n % 28), title, kind, status));
            }
        }

        await FundBench.InsertAsync(conn, "Cases",
            ["Id", "CountyId", "Series", "Number", "Year", "CaseNumber", "Title", "SearchText", "Kind", "Status", "RegisteredOn", "ResponsibleBodyId",
                "FirstReminderSent", "LastReminderSent", "Version"],
            rows.Select(r =>
            {
                var caseNumber = $"{r.Series} {r.Number}-{r.Year}";
                return new[]
                {
                    V(r.Id), V(county.Id), r.Series, r.Number, r.Year, caseNumber, r.Title, $"{caseNumber} {r.Title}".ToLowerInvariant(), r.Kind, r.Status,
                    V(r.On), V(bodies[r.Number % bodies.Count]), false, false, 0,
                };
            }));
        await FundBench.InsertAsync(conn, "CaseSteps",
            ["Id", "CaseId", "CountyId", "Order", "BodyId", "EveryPartyCouncil", "MunicipalitiesOnly", "Role", "DueOn", "Outcome", "DecidedOn", "Reference"],
            rows.SelectMany(r => Enumerable.Range(1, StepsPerCase).Select(order =>
            {
                var done = r.Status != "Open" || order <= 3;
                var decide = order == StepsPerCase;
                var on = r.On.AddDays(order * 20);
                return new[]
                {
                    V(Guid.NewGuid()), V(r.Id), V(county.Id), order, V(bodies[(r.Number + order) % bodies.Count]), false, false, decide ? "Decide" : "Prepare",
                    V(on), V(done ? (decide ? "Adopted" : "Prepared") : null), V(done ? on : null), V(done ? $"RUN {on:yyyy-MM-dd} § {order}" : null),
                };
            })));
        return rows.First(r => r.Series == "RS" && r.Year == 2019).Id;
    }
}
