using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/samverkan.db";

    public static void AddSamverkanDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Samverkan");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Samverkan is not set.");
        }

        connectionString ??= DefaultSqlite;
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString, builder.Environment.ContentRootPath);
        }

        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddScoped<Caching.DataVersionInterceptor>();
        builder.Services.AddSingleton<InputGuardInterceptor>();

        // Each engine has its own context type, and so its own generated migrations; the rest of the app asks for
        // AppDbContext.
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((services, options) =>
                PostgresAppDbContext.Configure(options, connectionString).AddInterceptors(Interceptors(services)));
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((services, options) =>
                SqliteAppDbContext.Configure(options, connectionString).AddInterceptors(Interceptors(services)));
        }
    }

    /// <summary>
    /// The input guard, the audit and the data version, then any further interceptor registered as a service (a test's,
    /// for instance).
    /// </summary>
    private static IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Interceptors(IServiceProvider services) =>
        new Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[]
        {
            services.GetRequiredService<InputGuardInterceptor>(), services.GetRequiredService<AuditInterceptor>(),
            services.GetRequiredService<Caching.DataVersionInterceptor>(),
        }
            .Concat(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());

    private static void EnsureSqliteFolder(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Checked, not re-run: reading the history table is cheap, while Migrate also compares the model with the last
        // snapshot, which alone took about a second at every start.
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers and the one writer no longer wait for each other. Kept by the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
