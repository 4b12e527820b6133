using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Demo;

/// <summary>
/// Issue 12's load benchmark: the published app in Release and Production as its own process, on SQLite or PostgreSQL,
/// driven by wrk at 64 connections for each busy page and API call, side by side with nginx serving the very same
/// response bytes as a static file. Writes a Markdown table (req/s, p50, p95, p99, ratio to nginx, start to ready, RSS).
/// Usage (normally through bench/load.sh):
///   Samverkan.Bench load &lt;published app folder&gt; sqlite|postgres [connection string] [--seconds 8] [--connections 64] [--out file.md]
/// Without a connection string a new database with the demo data is made; with one, the database is used as it is
/// (for instance the national-scale data) and must hold the demo accounts.
/// </summary>
public static class LoadBench
{
    private const int AppPort = 5097;
    private const int StaticPort = 5098;
    private static readonly string AppUrl = $"http://127.0.0.1:{AppPort}";

    public static async Task RunAsync(string[] args)
    {
        var appFolder = Path.GetFullPath(args[0]);
        var provider = args[1];
        var named = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;
        var seconds = Option(args, "--seconds", 8);
        var connections = Option(args, "--connections", 64);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var work = Directory.CreateTempSubdirectory("samverkan-load-").FullName;

        var connection = named ?? (provider == "postgres"
            ? "Host=127.0.0.1;Port=5432;Username=samverkan;Password=samverkan;Database=samverkan_load"
            : $"Data Source={Path.Combine(work, "load.db")}");
        if (named is null && provider == "postgres")
        {
            await DropPostgresAsync(connection);
        }

        var report = new StringBuilder();
        var empty = named is null;

        // Start to ready twice: the first on a new database (migrations, demo data) when one is made, then on the existing one.
        if (empty)
        {
            var (first, firstProcess) = await StartAppAsync(appFolder, provider, connection, work);
            report.AppendLine(CultureInfo.InvariantCulture, $"- start to ready on a new database (migrations and demo data): {first:N0} ms");
            await StopAsync(firstProcess);
        }

        var (ready, app) = await StartAppAsync(appFolder, provider, connection, work);
        report.AppendLine(CultureInfo.InvariantCulture, $"- start to ready on the existing database: {ready:N0} ms");
        try
        {
            var rssStart = Rss(app.Id);
            var targets = await TargetsAsync(provider, connection);
            var signedIn = new Dictionary<string, (string Cookie, string Bearer)>();
            foreach (var account in targets.Select(t => t.Account).OfType<string>().Distinct())
            {
                signedIn[account] = await SignInAsync(account);
            }

            var nginx = await StartNginxAsync(work);
            try
            {
                var rows = new List<string>();
                foreach (var target in targets)
                {
                    var header = target.Account is not { } account ? null
                        : target.Api ? $"Authorization: Bearer {signedIn[account].Bearer}" : $"Cookie: {signedIn[account].Cookie}";
                    var bytes = await FetchAsync(target.Path, header);
                    var file = $"f{rows.Count}.{(target.Path.StartsWith("/api", StringComparison.Ordinal) ? "json" : "html")}";
                    await File.WriteAllBytesAsync(Path.Combine(work, "www", file), bytes);

                    var appRun = await WrkAsync(AppUrl + target.Path, header, seconds, connections, work);
                    var staticRun = await WrkAsync($"http://127.0.0.1:{StaticPort}/{file}", null, seconds, connections, work);
                    var ratio = appRun.RequestsPerSecond / staticRun.RequestsPerSecond;
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"| {target.Name} | {appRun.RequestsPerSecond:N0} | {appRun.P50:0.0} | {appRun.P95:0.0} | {appRun.P99:0.0} | {staticRun.RequestsPerSecond:N0} | {ratio:0.000} | {bytes.Length:N0} |{(appRun.Errors > 0 ? $" {appRun.Errors} non-2xx/errors" : string.Empty)}");
                    Console.WriteLine(line);
                    rows.Add(line);
                }

                var rssEnd = Rss(app.Id);
                report.AppendLine(CultureInfo.InvariantCulture, $"- app RSS after start: {rssStart / 1024:N0} MB; after the load: {rssEnd / 1024:N0} MB");
                report.AppendLine(CultureInfo.InvariantCulture, $"- {connections} connections, {seconds} s per request, wrk with 2 threads; nginx 1 worker per core, same bytes from a file");
                report.AppendLine();
                report.AppendLine("| request | app req/s | p50 ms | p95 ms | p99 ms | static req/s | ratio | bytes |");
                report.AppendLine("|---|---|---|---|---|---|---|---|");
                foreach (var row in rows)
                {
                    report.AppendLine(row);
                }
            }
            finally
            {
                await StopAsync(nginx);
            }
        }
        finally
        {
            await StopAsync(app);
        }

        var text = $"### {provider}, {(empty ? "demo data" : "given database")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n{report}";
        Console.WriteLine();
        Console.WriteLine(text);
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, text + "\n");
        }
    }

    /// <summary>A request to drive: anonymous, or as a demo account (a cookie for a page, a bearer token for the API).</summary>
    private sealed record Target(string Name, string Path, string? Account)
    {
        public bool Api => Path.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>The requests to drive, with the ids of the busiest records read from the database.</summary>
    private static async Task<List<Target>> TargetsAsync(string provider, string connection)
    {
        await using var db = provider == "postgres"
            ? (AppDbContext)new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id);
        var vastmanland = counties["19"];
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.CountyId == vastmanland).OrderByDescending(m => m.Agenda.Count).Select(m => m.Id).FirstAsync();
        var published = await db.Minutes.AsNoTracking().Where(m => m.CountyId == vastmanland && m.Status == MinutesStatus.Dispatched)
            .OrderByDescending(m => m.Items.Count).Select(m => m.MeetingId).FirstAsync();
        var caseId = await db.Cases.AsNoTracking().Where(c => c.CountyId == counties["24"]).OrderByDescending(c => c.Steps.Count).Select(c => c.Id).FirstAsync();
        var fund = await db.Funds.AsNoTracking().Where(f => f.CountyId == counties["17"]).Select(f => f.Id).FirstAsync();
        return
        [
            new("`/counties/19` (start page, signed in)", "/counties/19", "sekretariat.vastmanland"),
            new("`/counties/19/cost-sharing?year=2025`", "/counties/19/cost-sharing?year=2025", "sekretariat.vastmanland"),
            new("`/counties/19/meetings/{id}` (largest agenda)", $"/counties/19/meetings/{meeting}", "sekretariat.vastmanland"),
            new("`/counties/19/invoices?year=2025`", "/counties/19/invoices?year=2025", "sekretariat.vastmanland"),
            new("`/public` (anonymous)", "/public", null),
            new("`/public/minutes/{id}` (anonymous)", $"/public/minutes/{published}", null),
            new("`GET /api/v1/counties/19/cost-sharing/2025`", "/api/v1/counties/19/cost-sharing/2025", "sekretariat.vastmanland"),
            new("`GET /api/v1/meetings/{id}`", $"/api/v1/meetings/{meeting}", "sekretariat.vastmanland"),
            new("`/counties/24/cases` (register)", "/counties/24/cases", "sekretariat.vasterbotten"),
            new("`/counties/24/cases?q=kollektivtrafik` (search)", "/counties/24/cases?q=kollektivtrafik", "sekretariat.vasterbotten"),
            new("`/counties/24/cases/{id}` (case and flow)", $"/counties/24/cases/{caseId}", "sekretariat.vasterbotten"),
            new("`/counties/17/funds/{id}` (fund)", $"/counties/17/funds/{fund}", "sekretariat.varmland"),
            new("`/counties/17/funds/{id}/reports/2025` (yearly report)", $"/counties/17/funds/{fund}/reports/2025", "sekretariat.varmland"),
        ];
    }

    private static async Task<(long Milliseconds, Process Process)> StartAppAsync(string appFolder, string provider, string connection, string work)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "Samverkan.Web.dll"), "--contentRoot", appFolder, "--urls", AppUrl])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = provider == "postgres" ? "Postgres" : "Sqlite";
        info.Environment["ConnectionStrings__Samverkan"] = connection;
        info.Environment["Samverkan__DemoData"] = "true";
        info.Environment["Samverkan__Reminders"] = "false";
        info.Environment["Samverkan__SignInsPerMinute"] = "1000";
        info.Environment["Smtp__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var log = new StringBuilder();
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped before it was ready:\n{log}");
            }

            try
            {
                using var response = await client.GetAsync(AppUrl + "/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return (watch.ElapsedMilliseconds, process);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }
    }

    private static async Task<(string Cookie, string Bearer)> SignInAsync(string userName)
    {
        var jar = new CookieContainer();
        using var pages = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(AppUrl) };
        var login = await pages.GetStringAsync("/account/login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await pages.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)signedIn.StatusCode}");
        }

        var cookie = string.Join("; ", jar.GetCookies(new Uri(AppUrl)).Select(c => $"{c.Name}={c.Value}"));
        using var api = new HttpClient { BaseAddress = new Uri(AppUrl) };
        using var answer = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
        var issued = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (cookie, issued.GetProperty("accessToken").GetString()!);
    }

    private static async Task<byte[]> FetchAsync(string path, string? header)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, AppUrl + path);
        if (header is not null)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }

    private sealed record WrkRun(double RequestsPerSecond, double P50, double P95, double P99, long Errors);

    /// <summary>One wrk run; a Lua hook prints the figures on one line (latencies in microseconds).</summary>
    private static async Task<WrkRun> WrkAsync(string url, string? header, int seconds, int connections, string work)
    {
        var script = Path.Combine(work, "report.lua");
        if (!File.Exists(script))
        {
            await File.WriteAllTextAsync(script, """
                done = function(summary, latency, requests)
                  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
                  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), errors))
                end
                """);
        }

        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-s", script };
        if (header is not null)
        {
            arguments.AddRange(["-H", header]);
        }

        arguments.Add(url);
        var info = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result for {url}:\n{output}");
        var f = result.Split(' ').Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new(f[0] / (f[1] / 1_000_000), f[2] / 1000, f[3] / 1000, f[4] / 1000, (long)f[5]);
    }

    private static async Task<Process> StartNginxAsync(string work)
    {
        Directory.CreateDirectory(Path.Combine(work, "www"));
        Directory.CreateDirectory(Path.Combine(work, "nginx"));
        var config = Path.Combine(work, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            daemon off;
            pid {{work}}/nginx.pid;
            error_log {{work}}/nginx-error.log;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{work}}/nginx;
              proxy_temp_path {{work}}/nginx;
              fastcgi_temp_path {{work}}/nginx;
              uwsgi_temp_path {{work}}/nginx;
              scgi_temp_path {{work}}/nginx;
              types { text/html html; application/json json; }
              server { listen 127.0.0.1:{{StaticPort}}; root {{work}}/www; }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-c", config, "-p", work]) { UseShellExecute = false })!;
        using var client = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var _ = await client.GetAsync($"http://127.0.0.1:{StaticPort}/");
                return process;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("nginx did not start");
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Resident set size in KiB, from /proc.</summary>
    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task DropPostgresAsync(string connection)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
