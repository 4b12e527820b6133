using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Samverkan.Web;
using Samverkan.Web.Demo;

/// <summary>The real host in Production mode on a given database with the demo data, and clients signed in to it.</summary>
public static class BenchHost
{
    public const string Url = "http://127.0.0.1:5097";

    /// <summary>
    /// The database to measure on: a new SQLite file (or the one named), or PostgreSQL on 127.0.0.1 (or the connection
    /// string named), dropped first when "fresh" is among the arguments.
    /// </summary>
    public static async Task<string> ConnectionAsync(string provider, string[] args, string database)
    {
        var folder = Directory.CreateTempSubdirectory("samverkan-bench-").FullName;
        var named = args.Length > 1 && args[1] != "fresh" ? args[1] : null;
        var connection = provider == "postgres"
            ? named ?? $"Host=127.0.0.1;Port=5432;Username=samverkan;Password=samverkan;Database={database}"
            : $"Data Source={named ?? Path.Combine(folder, "bench.db")}";
        if (provider == "postgres" && args.Contains("fresh"))
        {
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            var name = new Npgsql.NpgsqlConnectionStringBuilder(connection).Database;
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        return connection;
    }

    public static async Task<WebApplication> BuildAsync(string provider, string connection)
    {
        // The host's own name and content root: its compiled pages are found as an application part of Samverkan.Web.
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Samverkan.Web"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", Url], ApplicationName = "Samverkan.Web", ContentRootPath = root, EnvironmentName = "Production",
        });
        builder.Configuration["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite";
        builder.Configuration["ConnectionStrings:Samverkan"] = connection;
        builder.Configuration["Samverkan:DemoData"] = "true";
        builder.Configuration["Samverkan:Reminders"] = "false";
        builder.Configuration["Smtp:Enabled"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddSamverkan();
        var app = builder.Build();
        await app.PrepareAsync();
        app.UseSamverkan();
        return app;
    }

    /// <summary>A cookie client signed in through the login page, and a bearer-token client, for one demo account.</summary>
    public static async Task<(HttpClient Pages, HttpClient Api)> SignInAsync(string userName)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var pages = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(Url) };
        var login = await pages.GetStringAsync("/account/login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await pages.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)signedIn.StatusCode}");
        }

        var api = new HttpClient { BaseAddress = new Uri(Url) };
        var issued = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", issued.GetProperty("accessToken").GetString());
        return (pages, api);
    }
}
