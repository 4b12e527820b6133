using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Support;

/// <summary>
/// The whole application on a real database engine with demo data: a fresh SQLite file, or a fresh PostgreSQL
/// database created for the factory and dropped afterwards. The clock is fixed at 2026-11-22 10:00 UTC.
/// </summary>
public class SamverkanFactory(DatabaseProvider provider, string? sharedConnectionString = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly string databaseName = "samverkan_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? sqlitePath;

    public DatabaseProvider Provider { get; } = provider;

    public FakeTimeProvider Time { get; } = new(Now);

    public string ConnectionString { get; private set; } = string.Empty;

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("SAMVERKAN_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=samverkan;Password=samverkan;Database=postgres";

    public async ValueTask InitializeAsync()
    {
        if (sharedConnectionString is not null)
        {
            // A second instance on another instance's database: it neither creates nor drops it.
            ConnectionString = sharedConnectionString;
            return;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            await using var admin = new NpgsqlConnection(PostgresAdminConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = databaseName }.ConnectionString;
        }
        else
        {
            sqlitePath = Path.Combine(Path.GetTempPath(), databaseName + ".db");
            ConnectionString = $"Data Source={sqlitePath}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Samverkan", ConnectionString);
        builder.UseSetting("Samverkan:DemoData", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Smtp:Enabled", "false");
        builder.UseSetting("Samverkan:Reminders", "false");
        // Every test signs in many times from the same (test) address; SessionTests checks the limit with its own setting.
        builder.UseSetting("Samverkan:SignInsPerMinute", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (Exception e)
        {
            // Stopping the host after the tests may race its background services; the tests have already run.
            await Console.Error.WriteLineAsync($"Host shutdown after tests: {e.GetType().Name}: {e.Message}");
        }

        if (sharedConnectionString is not null)
        {
            GC.SuppressFinalize(this);
            return;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            await DropDatabaseAsync(databaseName);
        }
        else if (sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Drops a throw-away test database. Housekeeping: retried (an autovacuum worker may hold it for a moment, and
    /// only a superuser may end that), and never fails a test that passed.
    /// </summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(PostgresAdminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"Could not drop test database {name} (attempt {attempt}): {e.Message}");
                await Task.Delay(500 * attempt);
            }
        }
    }

    /// <summary>An API client carrying the bearer token of a demo account.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    public async Task<string> TokenAsync(string userName)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Web.Demo.DemoData.Password });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A browser-like client signed in through the login page with its cookie.</summary>
    public async Task<HttpClient> PageClientAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = Web.Demo.DemoData.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException($"Login as {userName} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }
}

public sealed class SqliteFactory() : SamverkanFactory(DatabaseProvider.Sqlite);

public sealed class PostgresFactory() : SamverkanFactory(DatabaseProvider.Postgres);
