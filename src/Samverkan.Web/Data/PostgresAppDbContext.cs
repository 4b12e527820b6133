using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Samverkan.Web.Data;

/// <summary>The model on PostgreSQL. Its migrations are generated into <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The provider options shared by the app, the design-time factory and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));
}

/// <summary>
/// Lets <c>dotnet ef</c> build the context without starting the app. Adding a migration never connects, so the
/// connection string is a placeholder. <c>migrations remove</c> asks the database whether the migration was
/// applied: give it one after <c>--</c> (<c>dotnet ef migrations remove --context PostgresAppDbContext -- "Host=..."</c>).
/// </summary>
internal sealed class PostgresAppDbContextFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    private const string Placeholder = "Host=localhost;Database=samverkan;Username=samverkan";

    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        PostgresAppDbContext.Configure(options, args.Length > 0 ? args[0] : Placeholder);
        return new PostgresAppDbContext(options.Options);
    }
}
