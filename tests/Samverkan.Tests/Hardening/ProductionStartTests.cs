using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure.Demo;

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
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(SamverkanFactory.PostgresAdminConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
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

    private static string ReadmeRecipe()
    {
        var readme = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("### Running on PostgreSQL", StringComparison.Ordinal)..];
        return section.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("dotnet run", StringComparison.Ordinal));
    }

    /// <summary>The web app started as the README starts it in production: <c>dotnet run</c> without the launch profile.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private AppProcess(Process process) => this.process = process;

        public static string RepositoryRoot { get; } = FindRoot();

        public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public static async Task<AppProcess> StartAsync(Dictionary<string, string> environment)
        {
            var app = new AppProcess(Create(environment));
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnLine(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (app.output)
                {
                    app.output.AppendLine(line);
                }

                var match = Regex.Match(line, @"Now listening on: (http://\S+)");
                if (match.Success)
                {
                    listening.TrySetResult(new Uri(match.Groups[1].Value));
                }
            }

            app.process.OutputDataReceived += (_, e) => OnLine(e.Data);
            app.process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            app.process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped:\n" + app.Output));
            app.process.Start();
            app.process.BeginOutputReadLine();
            app.process.BeginErrorReadLine();
            app.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            return app;
        }

        public static Task<int> RunToExitAsync(Dictionary<string, string> environment, out string text)
        {
            using var process = Create(environment);
            process.Start();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
            }

            text = stdout.Result + stderr.Result;
            return Task.FromResult(process.HasExited ? process.ExitCode : -1);
        }

        private static Process Create(Dictionary<string, string> environment)
        {
            var sqlite = Path.Combine(Path.GetTempPath(), "samverkan_prod_" + Guid.NewGuid().ToString("N")[..10] + ".db");
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "run", "--project", "src/Samverkan.Web", "-c", configuration, "--no-build", "--no-launch-profile", "--urls", "http://127.0.0.1:0" })
            {
                start.ArgumentList.Add(argument);
            }

            // Nothing from the test run leaks in: the environment is what the README's recipe sets.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("Samverkan__", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["ConnectionStrings__Samverkan"] = $"Data Source={sqlite}";
            start.Environment["Smtp__Enabled"] = "false";
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            return new Process { StartInfo = start, EnableRaisingEvents = true };
        }

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Samverkan.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (Samverkan.sln) was not found.");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
