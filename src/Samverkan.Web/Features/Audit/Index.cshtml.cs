using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Audit;

/// <summary>The secretariat browses the audit log per entity and per person.</summary>
public sealed class AuditLogModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public const int PageSize = 200;

    [FromQuery]
    public string? EntityType { get; set; }

    [FromQuery]
    public string? EntityId { get; set; }

    [FromQuery(Name = "user")]
    public string? UserName { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public IReadOnlyList<string> UserNames { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        Entries = await AuditQueries.Filter(db, County.Id, EntityType, EntityId, UserName).Take(PageSize).ToListAsync();
        var visible = AuditQueries.Filter(db, County.Id, null, null, null);
        EntityTypes = await visible.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync();
        UserNames = await visible.Select(e => e.UserName).Distinct().OrderBy(t => t).ToListAsync();
    }

    public static string EntityLabel(string entityType) => entityType switch
    {
        "Agreement" => "Överenskommelse",
        "AgreementParty" => "Part i överenskommelse",
        "Adoption" => "Antagandebeslut",
        "Amendment" => "Ändring",
        "Withdrawal" => "Uppsägning",
        "Supplement" => "Tillägg",
        "Body" => "Organ",
        "TermOfOffice" => "Mandatperiod",
        "Membership" => "Uppdrag",
        "Party" => "Part",
        "Person" => "Person",
        "PopulationFigure" => "Folkmängd",
        "ExecutiveBoardSeat" => "Styrelseplats",
        "IndexValue" => "Indexvärde (nationellt)",
        _ => entityType,
    };

    public static string ActionLabel(string action) => action switch
    {
        "Added" => "Tillagd",
        "Modified" => "Ändrad",
        "Deleted" => "Borttagen",
        _ => action,
    };

    /// <summary>For a modification only the values that changed; otherwise every value.</summary>
    public static string Changed(AuditEntry entry, bool before)
    {
        var json = before ? entry.Before : entry.After;
        if (json is null)
        {
            return "–";
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
        if (entry.Action == "Modified" && entry.Before is not null && entry.After is not null)
        {
            var other = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before ? entry.After : entry.Before) ?? [];
            values = values.Where(v => !other.TryGetValue(v.Key, out var o) || o.ToString() != v.Value.ToString()).ToDictionary();
        }

        return string.Join(", ", values.Select(v => $"{v.Key}: {v.Value}"));
    }
}
