using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Data;

/// <summary>
/// The migrations are written by hand, so this proves on both engines that a migrated database has exactly the
/// tables, columns (type, nullability), keys, foreign keys and indexes of the EF model.
/// </summary>
public sealed class MigratedSchemaTests
{
    private sealed record Column(string Name, string StoreType, bool Nullable);

    private sealed record Index(string Name, string Columns, bool Unique);

    private sealed record ForeignKey(string Columns, string PrincipalTable, string OnDelete);

    private sealed record Table(string Name, List<Column> Columns, string PrimaryKey, List<Index> Indexes, List<ForeignKey> ForeignKeys);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MigratedDatabase_MatchesTheModel(DatabaseProvider provider)
    {
        var (options, drop) = await FreshDatabaseAsync(provider);
        try
        {
            await using var db = new AppDbContext(options);
            await db.Database.MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();

            var expected = FromModel(db);
            var actual = provider == DatabaseProvider.Sqlite ? await FromSqliteAsync(db) : await FromPostgresAsync(db);

            actual.Keys.Order().ShouldBe(expected.Keys.Order(), "tables");
            foreach (var (name, table) in expected)
            {
                var migrated = actual[name];
                migrated.Columns.OrderBy(c => c.Name).ShouldBe(table.Columns.OrderBy(c => c.Name), $"columns of {name}");
                migrated.PrimaryKey.ShouldBe(table.PrimaryKey, $"primary key of {name}");
                migrated.Indexes.OrderBy(i => i.Name).ShouldBe(table.Indexes.OrderBy(i => i.Name), $"indexes of {name}");
                migrated.ForeignKeys.OrderBy(f => f.Columns).ShouldBe(table.ForeignKeys.OrderBy(f => f.Columns), $"foreign keys of {name}");
            }
        }
        finally
        {
            await drop();
        }
    }

    private static Dictionary<string, Table> FromModel(AppDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        return model.Tables.ToDictionary(t => t.Name, t => new Table(
            t.Name,
            t.Columns.Select(c => new Column(c.Name, Normalise(c.StoreType), c.IsNullable)).ToList(),
            string.Join(",", t.PrimaryKey!.Columns.Select(c => c.Name)),
            t.Indexes.Select(i => new Index(i.Name, string.Join(",", i.Columns.Select(c => c.Name)), i.IsUnique)).ToList(),
            t.ForeignKeyConstraints.Select(f => new ForeignKey(string.Join(",", f.Columns.Select(c => c.Name)), f.PrincipalTable.Name,
                OnDelete(f.OnDeleteAction))).DistinctBy(f => f.Columns).ToList()));
    }

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.SetNull => "SET NULL",
        _ => "NO ACTION",
    };

    private static string Normalise(string storeType) => storeType.ToUpperInvariant();

    private static async Task<Dictionary<string, Table>> FromSqliteAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'", r => r.GetString(0));
        var result = new Dictionary<string, Table>();
        foreach (var name in tables)
        {
            var columns = await QueryAsync(connection, $"PRAGMA table_info(\"{name}\")",
                r => (Column: new Column(r.GetString(1), Normalise(r.GetString(2)), r.GetInt64(3) == 0 && r.GetInt64(5) == 0), Pk: r.GetInt64(5)));
            var indexes = new List<Index>();
            foreach (var (indexName, unique) in await QueryAsync(connection, $"PRAGMA index_list(\"{name}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1, Origin: r.GetString(3)))
                         .ContinueWith(t => t.Result.Where(i => i.Origin == "c").Select(i => (i.Name, i.Unique))))
            {
                var indexColumns = await QueryAsync(connection, $"PRAGMA index_info(\"{indexName}\")", r => (Seq: r.GetInt64(0), Name: r.GetString(2)));
                indexes.Add(new Index(indexName, string.Join(",", indexColumns.OrderBy(c => c.Seq).Select(c => c.Name)), unique));
            }

            var foreignKeys = await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Table: r.GetString(2), From: r.GetString(3), OnDelete: r.GetString(6)));
            result[name] = new Table(name,
                columns.Select(c => c.Column).ToList(),
                string.Join(",", columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Column.Name)),
                indexes,
                foreignKeys.GroupBy(f => f.Id).Select(g => new ForeignKey(string.Join(",", g.OrderBy(f => f.Seq).Select(f => f.From)), g.First().Table, g.First().OnDelete)).ToList());
        }

        return result;
    }

    private static async Task<Dictionary<string, Table>> FromPostgresAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = await QueryAsync(connection, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE '\_\_EF%'
            """, r => (Table: r.GetString(0), Column: new Column(r.GetString(1), Normalise(r.GetString(2)), r.GetBoolean(3))));
        var indexes = await QueryAsync(connection, """
            SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT LIKE '\_\_EF%'
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Unique: r.GetBoolean(2), Primary: r.GetBoolean(3), Columns: r.GetString(4)));
        var foreignKeys = await QueryAsync(connection, """
            SELECT t.relname, p.relname, c.confdeltype::text,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = 'public'
            """, r => (Table: r.GetString(0), Principal: r.GetString(1), OnDelete: r.GetString(2), Columns: r.GetString(3)));
        return columns.GroupBy(c => c.Table).ToDictionary(g => g.Key, g => new Table(
            g.Key,
            g.Select(c => c.Column).ToList(),
            indexes.Single(i => i.Table == g.Key && i.Primary).Columns,
            indexes.Where(i => i.Table == g.Key && !i.Primary).Select(i => new Index(i.Name, i.Columns, i.Unique)).ToList(),
            foreignKeys.Where(f => f.Table == g.Key).Select(f => new ForeignKey(f.Columns, f.Principal, f.OnDelete switch
            {
                "c" => "CASCADE",
                "r" => "RESTRICT",
                "n" => "SET NULL",
                _ => "NO ACTION",
            })).ToList()));
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<(DbContextOptions<AppDbContext> Options, Func<Task> Drop)> FreshDatabaseAsync(DatabaseProvider provider)
    {
        var name = "samverkan_schema_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            return (new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options,
                () =>
                {
                    File.Delete(path);
                    return Task.CompletedTask;
                });
        }

        await using (var admin = new NpgsqlConnection(SamverkanFactory.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(SamverkanFactory.PostgresAdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
        return (new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options, async () =>
        {
            await using var admin = new NpgsqlConnection(SamverkanFactory.PostgresAdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
