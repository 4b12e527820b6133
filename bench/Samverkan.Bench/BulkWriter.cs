using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Samverkan.Web.Data;

/// <summary>
/// Writes rows straight into the product's tables, as fast as each engine takes them: PostgreSQL's binary COPY, or on
/// SQLite one prepared INSERT re-executed with new values, 100 000 rows a transaction. Every table and column is
/// checked against the EF model first, so that a required column the model gains in a later migration stops the load
/// with its name before anything is written to that table; values go through the model's own converters (enums as their names,
/// primitive collections as JSON) and are stored as EF stores them (on SQLite a Guid as upper-case text).
/// </summary>
public sealed partial class BulkWriter
{
    private const int SqliteRowsPerTransaction = 100_000;

    private readonly AppDbContext db;
    private readonly bool postgres;
    private readonly IRelationalModel model;

    public BulkWriter(AppDbContext db, bool postgres)
    {
        this.db = db;
        this.postgres = postgres;

        // The model the migrations are made from: it keeps the store types and defaults the runtime model may drop.
        model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    public List<(string Table, long Rows, TimeSpan Time)> Written { get; } = [];

    /// <summary>Tunes the connection for a bulk load (SQLite: WAL and no fsync; it is rebuilt from scratch if the machine stops).</summary>
    public async Task BeginAsync()
    {
        if (!postgres)
        {
            await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        }
    }

    /// <summary>Fresh statistics for the planner, and on SQLite the log folded back into the file.</summary>
    public async Task EndAsync()
    {
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(postgres ? "ANALYZE;" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous=FULL;");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"(ANALYZE)",-26} {string.Empty,12}      {watch.Elapsed.TotalSeconds,7:0.0} s"));
    }

    public async Task<long> CountAsync(string table, string? where = null)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"{(where is null ? string.Empty : " WHERE " + where)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var targets = Columns(table, columns);
        var watch = Stopwatch.StartNew();
        var count = postgres ? await CopyAsync(table, targets, rows) : Insert(table, targets, rows);
        Written.Add((table, count, watch.Elapsed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-26} {count,12:N0} rows {watch.Elapsed.TotalSeconds,7:0.0} s"));
        return count;
    }

    /// <summary>
    /// Domain objects as rows: every column the model maps to one of their properties (a complex property's too), read
    /// as EF reads them when it saves, plus <paramref name="extra"/> for what is no property (an owned JSON column).
    /// </summary>
    public Task<long> WriteEntitiesAsync<T>(string table, IEnumerable<T> entities, IReadOnlyDictionary<string, Func<T, object?>>? extra = null)
        where T : class
    {
        var mapped = Table(table);
        if (!mapped.EntityTypeMappings.Any(m => m.TypeBase.ClrType == typeof(T)))
        {
            throw new InvalidOperationException($"The model does not store {typeof(T).Name} in {table}.");
        }

        var readers = new List<(string Column, Func<T, object?> Read)>();
        foreach (var column in mapped.Columns)
        {
            if (extra is not null && extra.TryGetValue(column.Name, out var read))
            {
                readers.Add((column.Name, read));
            }
            else if (column.PropertyMappings.Select(m => m.Property).FirstOrDefault(p => !p.IsShadowProperty()) is { } property)
            {
                var getter = property.GetGetter();
                readers.Add((column.Name, e => getter.GetClrValueUsingContainingEntity(e)));
            }
        }

        return WriteAsync(table, readers.Select(r => r.Column).ToArray(), entities.Select(e => readers.Select(r => r.Read(e)).ToArray()));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Target(string Name, string DataTypeName, ValueConverter? Converter);

    /// <summary>The named columns as the model has them; refuses an unknown column and a required one left out.</summary>
    private List<Target> Columns(string table, string[] columns)
    {
        var mapped = Table(table);
        var left = mapped.Columns
            .Where(c => !c.IsNullable && !columns.Contains(c.Name) && c.DefaultValue is null && c.DefaultValueSql is null && c.ComputedColumnSql is null
                && !c.PropertyMappings.Any(m => m.Property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)))
            .Select(c => c.Name).ToList();
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"{table}: the model requires {string.Join(", ", left)}, which the national data does not write yet.");
        }

        return columns.Select(name =>
        {
            var column = mapped.FindColumn(name) ?? throw new InvalidOperationException($"The model has no column {table}.{name}.");
            return new Target(name, FacetsOff().Replace(column.StoreType, string.Empty), (column.PropertyMappings.Count > 0 ? column.PropertyMappings[0].TypeMapping.Converter : null));
        }).ToList();
    }

    private ITable Table(string table) => model.Tables.SingleOrDefault(t => t.Name == table && (t.Schema is null || t.Schema == "public"))
        ?? throw new InvalidOperationException($"The model has no table {table}.");

    /// <summary>What EF would send for the value: through the column's converter, then in the engine's own form.</summary>
    private object? Value(Target target, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (target.Converter is { } converter && converter.ModelClrType.IsInstanceOfType(value))
        {
            value = converter.ConvertToProvider(value);
        }

        return value switch
        {
            Enum e => e.ToString(),
            Guid g when !postgres => g.ToString().ToUpperInvariant(),
            DateTimeOffset at when postgres => at.ToUniversalTime(),
            _ => value,
        };
    }

    private long Insert(string table, List<Target> targets, IEnumerable<object?[]> rows)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", targets.Select(t => $"\"{t.Name}\""))}) " +
            $"VALUES ({string.Join(", ", targets.Select((_, i) => $"$p{i}"))})";
        var parameters = targets.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        var transaction = connection.BeginTransaction();
        command.Transaction = transaction;
        command.Prepare();
        long count = 0;
        try
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < targets.Count; i++)
                {
                    parameters[i].Value = Value(targets[i], row[i]) ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
                if (++count % SqliteRowsPerTransaction == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                }
            }

            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
        }

        return count;
    }

    private async Task<long> CopyAsync(string table, List<Target> targets, IEnumerable<object?[]> rows)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", targets.Select(t => $"\"{t.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            for (var i = 0; i < targets.Count; i++)
            {
                if (Value(targets[i], row[i]) is { } value)
                {
                    await importer.WriteAsync(value, targets[i].DataTypeName);
                }
                else
                {
                    await importer.WriteNullAsync();
                }
            }

            count++;
        }

        await importer.CompleteAsync();
        return count;
    }

    /// <summary>"character varying(200)" → "character varying", "numeric(18,2)" → "numeric": COPY names the type, not its size.</summary>
    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex FacetsOff();
}
