using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Samverkan.Tests.Support;
using Samverkan.Web.Demo;

namespace Samverkan.Tests.Hardening;

/// <summary>
/// The README's production recipe, run as a real process: demo data and demo accounts are never deployed by it,
/// the first administrator comes from Samverkan:AdminPassword, and a weak one is refused.
/// </summary>
public sealed class ProductionStartTests
{
    private const string AdminPassword = "Korrekt-häst-batteri-2026!";

    [Fact]
    public void Readme_ProductionRecipe_RunsWithoutTheLaunchProfile()
    {
        var recipe = ReadmeRecipe();
        recipe.ShouldContain("--no-launch-profile");
        recipe.ShouldStartWith("dotnet run --project src/Samverkan.Web");
    }

    [Fact]
    public async Task ProductionStart_OnPostgres_DoesNotDeployTheDemoAccounts_AndCreatesTheConfiguredAdministrator()
    {
        var database = "samverkan_prod_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(SamverkanFactory.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(SamverkanFactory.PostgresAdminConnectionString) { Database = database }.ConnectionString;
            await using var app = await AppProcess.StartAsync(new()
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Samverkan"] = connectionString,
                ["Samverkan__AdminPassword"] = AdminPassword,
            });

            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            foreach (var (userName, _) in DemoData.Accounts)
            {
                var demo = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
                demo.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"demo account {userName}");
            }

            var configured = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AdminPassword });
            configured.StatusCode.ShouldBe(HttpStatusCode.OK);
            var counties = await client.GetFromJsonAsync<List<object>>("/api/v1/counties");
            counties.ShouldBeEmpty();
            app.Output.ShouldNotContain("Samverkan demo:");
        }
        finally
        {
            await SamverkanFactory.DropDatabaseAsync(database);
        }
    }

    [Theory]
    [InlineData("kort-lösen")]
    [InlineData("Samverkan-demo-2026")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    public async Task ProductionStart_WithAWeakAdministratorPassword_IsRefused(string password)
    {
        var exitCode = await AppProcess.RunToExitAsync(new() { ["Samverkan__AdminPassword"] = password }, out var output);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("Samverkan:AdminPassword is refused");
    }

    [Fact]
    public async Task ProductionStart_WithNoAccountsAndNoAdministratorPassword_WarnsThatNobodyCanSignIn()
    {
        await using var app = await AppProcess.StartAsync([]);
        app.Output.ShouldContain("nobody can sign in");
    }

    [Fact]
    public async Task ProductionStart_LogsOneJsonObjectPerLine_AndWarnsThatTheKeysAreStoredUnencrypted()
    {
        await using var app = await AppProcess.StartAsync([]);

        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldNotBeEmpty();
        var entries = lines.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        entries.ShouldContain(e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime");
        entries.ShouldContain(e => e.GetProperty("LogLevel").GetString() == "Warning"
            && e.GetProperty("Message").GetString()!.StartsWith("DataProtection:CertificatePath is not set", StringComparison.Ordinal));
    }

    private static string ReadmeRecipe()
    {
        var readme = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("### Running on PostgreSQL", StringComparison.Ordinal)..];
        return section.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("dotnet run", StringComparison.Ordinal));
    }
}
