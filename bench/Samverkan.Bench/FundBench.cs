using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Web;
using Samverkan.Web.Data;
using Samverkan.Web.Demo;

/// <summary>
/// Issue 10's measurement: Värmland's demo fund grown to 10 000 initiatives and 1 000 000 ledger entries, then the fund
/// page (GET, rendered HTML, signed in) and the yearly report (API, JSON) timed over HTTP against the real host.
/// Usage: dotnet run -c Release --project bench/Samverkan.Bench -- fund sqlite|postgres [postgres connection string]
/// </summary>
public static class FundBench
{
    private const int Initiatives = 10_000;
    private const int EntriesPerInitiative = 100;
    internal const int Runs = 20;

    public static async Task RunAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var connection = await BenchHost.ConnectionAsync(provider, args, "samverkan_fund_bench");
        var app = await BenchHost.BuildAsync(provider, connection);

        var load = Stopwatch.StartNew();
        Guid fundId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            fundId = await GrowAsync(db, provider == "postgres");
        }

        Console.WriteLine($"{provider}: loaded {Initiatives:N0} initiatives and {Initiatives * EntriesPerInitiative:N0} entries in {load.Elapsed.TotalSeconds:0.0} s");
        await app.StartAsync();
        try
        {
            var (pages, api) = await BenchHost.SignInAsync("sekretariat.varmland");
            using var _ = pages;
            using var __ = api;
            await TimeAsync(provider, "fund page (HTML)", () => pages.GetAsync($"/counties/17/funds/{fundId}"));
            await TimeAsync(provider, "fund (API)", () => api.GetAsync($"/api/v1/funds/{fundId}"));
            await TimeAsync(provider, "yearly report 2025 (API)", () => api.GetAsync($"/api/v1/funds/{fundId}/reports/2025"));
            await TimeAsync(provider, "yearly report 2026 (page)", () => pages.GetAsync($"/counties/17/funds/{fundId}/reports/2026"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    internal static async Task<(double Median, double P95)> TimeAsync(string provider, string what, Func<Task<HttpResponseMessage>> request)
    {
        var times = new List<double>();
        for (var run = 0; run < Runs + 2; run++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await request();
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{what}: {(int)response.StatusCode}");
            }

            if (run >= 2)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
        Console.WriteLine($"{provider} | {what} | median {times[times.Count / 2]:0} ms | p95 {p95:0} ms | min {times[0]:0} ms | max {times[^1]:0} ms");
        return (times[times.Count / 2], p95);
    }

    /// <summary>Adds the initiatives and the entries to the demo's Värmland fund with plain multi-row inserts.</summary>
    private static async Task<Guid> GrowAsync(AppDbContext db, bool postgres)
    {
        var fund = await db.Funds.AsNoTracking().SingleAsync();
        if (await db.Initiatives.CountAsync() >= Initiatives)
        {
            return fund.Id; // grown by an earlier run on the same database
        }

        var party = await db.Initiatives.AsNoTracking().Select(i => i.ProposingPartyId).FirstAsync();
        var sequence = await db.LedgerEntries.Where(e => e.FundId == fund.Id).MaxAsync(e => e.Sequence);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        object V(object value) => postgres ? value : value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            _ => value,
        };

        var ids = Enumerable.Range(0, Initiatives).Select(_ => Guid.NewGuid()).ToList();
        await InsertAsync(conn, "Initiatives",
            ["Id", "CountyId", "FundId", "Title", "Purpose", "Budget", "ProposingPartyId", "StartsOn", "EndsOn", "Status", "DecidedAmount", "DecidedOn",
                "DecisionReference", "PlannedBusiness", "PlannedState", "PlannedEu", "PlannedOther", "GoalIds"],
            ids.Select((id, n) => new[]
            {
                V(id), V(fund.CountyId), V(fund.Id), $"Satsning {n:00000}", "Mätning", V(10_000m), V(party), V(new DateOnly(2022, 1, 1)),
                V(new DateOnly(2030, 12, 31)), "Running", V(10_000m), V(new DateOnly(2022, 1, 1)), $"RS {n}", V(0m), V(0m), V(0m), V(0m),
                postgres ? Array.Empty<Guid>() : "[]",
            }));
        await InsertAsync(conn, "LedgerEntries",
            ["Id", "FundId", "CountyId", "Sequence", "Date", "Kind", "Affects", "Amount", "InitiativeId", "Reference", "RecordedBy"],
            ids.SelectMany((id, n) => Enumerable.Range(0, EntriesPerInitiative).Select(k =>
            {
                var kind = k == 0 ? "Commitment" : "Disbursement";
                var date = new DateOnly(2022 + (k * 5 / EntriesPerInitiative), 1 + (k % 12), 1 + (n % 28));
                return new[]
                {
                    V(Guid.NewGuid()), V(fund.Id), V(fund.CountyId), ++sequence, V(date), kind, kind, V(k == 0 ? 10_000m : 100m), V(id), "Mätning", "bench",
                };
            })));
        return fund.Id;
    }

    internal static async Task InsertAsync(DbConnection conn, string table, string[] columns, IEnumerable<object[]> rows)
    {
        const int Batch = 500;
        await using var transaction = await conn.BeginTransactionAsync();
        foreach (var chunk in rows.Chunk(Batch))
        {
            await using var command = conn.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>();
            for (var r = 0; r < chunk.Length; r++)
            {
                var names = new List<string>();
                for (var c = 0; c < columns.Length; c++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = $"@p{r}_{c}";
                    p.Value = chunk[r][c];
                    command.Parameters.Add(p);
                    names.Add(p.ParameterName);
                }

                values.Add("(" + string.Join(",", names) + ")");
            }

            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(",", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(",", values)}";
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
