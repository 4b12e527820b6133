// Writes the C# body of a provider-neutral migration that creates the current model from nothing.
// EF's design-time tools do not restore here (docs/decisions/0002-hand-written-migrations.md), so this prints
// operations from EF's own model differ; the output is reviewed and pasted into a hand-written Migration class.
// Column types are left out on purpose: each provider maps the CLR type itself, so one migration serves both engines.
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Metadata;
using Samverkan.Web.Data;

var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options;
using var db = new AppDbContext(options);
var differ = db.GetService<IMigrationsModelDiffer>();
var model = db.GetService<IDesignTimeModel>().Model;
// Arguments: the tables to include (all when none), for a migration that adds tables.
var only = args.ToHashSet(StringComparer.Ordinal);
var operations = differ.GetDifferences(null, model.GetRelationalModel())
    .Where(o => only.Count == 0 || o is CreateTableOperation t && only.Contains(t.Name) || o is CreateIndexOperation i && only.Contains(i.Table))
    .ToList();
var sb = new StringBuilder();

foreach (var op in operations)
{
    switch (op)
    {
        case CreateTableOperation t:
            sb.AppendLine($"migrationBuilder.CreateTable(");
            sb.AppendLine($"    name: \"{t.Name}\",");
            sb.AppendLine("    columns: table => new");
            sb.AppendLine("    {");
            foreach (var c in t.Columns)
            {
                var type = ClrName(c.ClrType);
                var parts = new List<string>();
                if (c.MaxLength is { } ml) parts.Add($"maxLength: {ml}");
                if (c.Precision is { } p) parts.Add($"precision: {p}");
                if (c.Scale is { } s) parts.Add($"scale: {s}");
                parts.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
                var identity = c.FindAnnotation("Sqlite:Autoincrement") is { Value: true };
                var suffix = identity ? "\n            .Annotation(\"Sqlite:Autoincrement\", true)\n            .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)" : string.Empty;
                sb.AppendLine($"        {c.Name} = table.Column<{type}>({string.Join(", ", parts)}){suffix},");
            }
            sb.AppendLine("    },");
            sb.AppendLine("    constraints: table =>");
            sb.AppendLine("    {");
            if (t.PrimaryKey is { } pk)
            {
                sb.AppendLine($"        table.PrimaryKey(\"{pk.Name}\", {Cols(pk.Columns, "x")});");
            }
            foreach (var fk in t.ForeignKeys)
            {
                sb.AppendLine($"        table.ForeignKey(");
                sb.AppendLine($"            name: \"{fk.Name}\",");
                sb.AppendLine($"            column: {Cols(fk.Columns, "x")},");
                sb.AppendLine($"            principalTable: \"{fk.PrincipalTable}\",");
                sb.AppendLine($"            principalColumn{(fk.PrincipalColumns!.Length > 1 ? "s" : "")}: {(fk.PrincipalColumns.Length > 1 ? "new[] { " + string.Join(", ", fk.PrincipalColumns.Select(x => $"\"{x}\"")) + " }" : $"\"{fk.PrincipalColumns[0]}\"")},");
                sb.AppendLine($"            onDelete: ReferentialAction.{fk.OnDelete});");
            }
            sb.AppendLine("    });");
            sb.AppendLine();
            break;
        case CreateIndexOperation i:
            sb.AppendLine("migrationBuilder.CreateIndex(");
            sb.AppendLine($"    name: \"{i.Name}\",");
            sb.AppendLine($"    table: \"{i.Table}\",");
            sb.AppendLine(i.Columns.Length == 1 ? $"    column: \"{i.Columns[0]}\"{(i.IsUnique ? "," : ");")}" : $"    columns: new[] {{ {string.Join(", ", i.Columns.Select(x => $"\"{x}\""))} }}{(i.IsUnique ? "," : ");")}");
            if (i.IsUnique) sb.AppendLine("    unique: true);");
            sb.AppendLine();
            break;
        default:
            sb.AppendLine($"// unhandled: {op.GetType().Name}");
            break;
    }
}

Console.WriteLine(sb.ToString());
foreach (var op in operations.OfType<CreateTableOperation>().Reverse<CreateTableOperation>())
{
    Console.WriteLine($"migrationBuilder.DropTable(name: \"{op.Name}\");");
}

static string Cols(string[] columns, string v) =>
    columns.Length == 1 ? $"{v} => {v}.{columns[0]}" : $"{v} => new {{ {string.Join(", ", columns.Select(c => $"{v}.{c}"))} }}";

static string ClrName(Type t)
{
    var nullable = Nullable.GetUnderlyingType(t);
    var inner = nullable ?? t;
    var name = inner switch
    {
        _ when inner == typeof(string) => "string",
        _ when inner == typeof(int) => "int",
        _ when inner == typeof(long) => "long",
        _ when inner == typeof(bool) => "bool",
        _ when inner == typeof(decimal) => "decimal",
        _ => inner.Name,
    };
    return nullable is null ? name : name + "?";
}
