using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Common;
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

    [FromQuery]
    public DateOnly? From { get; set; }

    [FromQuery]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    /// <summary>Names of the county's parties, people, bodies, agreements and meetings by id, so the log reads in words.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Access.EnsureSecretariatReads(County.Id, "Ändringsloggen");
        var query = AuditQueries.Filter(db, County.Id, EntityType, EntityId, UserName);
        if (From is { } from)
        {
            var start = Clock.FromSwedish(from, TimeOnly.MinValue);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = Clock.FromSwedish(to.AddDays(1), TimeOnly.MinValue);
            query = query.Where(e => e.At < end);
        }

        PageNumber = Math.Max(1, PageNumber);
        var page = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
        await LoadNamesAsync();
        var visible = AuditQueries.Filter(db, County.Id, null, null, null);
        EntityTypes = await visible.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync();
        UserNames = await visible.Select(e => e.UserName).Distinct().OrderBy(t => t).ToListAsync();
    }

    private async Task LoadNamesAsync()
    {
        void Add(Guid id, string name) => Names[id.ToString()] = name;
        foreach (var p in await db.Parties.AsNoTracking().Where(p => p.CountyId == County.Id).Select(p => new { p.Id, p.Name }).ToListAsync())
        {
            Add(p.Id, p.Name);
        }

        foreach (var p in await db.People.AsNoTracking().Where(p => p.CountyId == County.Id).Select(p => new { p.Id, p.FirstName, p.LastName }).ToListAsync())
        {
            Add(p.Id, $"{p.FirstName} {p.LastName}");
        }

        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).Select(b => new { b.Id, b.Name }).ToListAsync();
        foreach (var b in bodies)
        {
            Add(b.Id, b.Name);
        }

        foreach (var a in await db.Agreements.AsNoTracking().Where(a => a.CountyId == County.Id).Select(a => new { a.Id, a.Title }).ToListAsync())
        {
            Add(a.Id, a.Title);
        }

        var bodyNames = bodies.ToDictionary(b => b.Id, b => b.Name);
        foreach (var m in await db.Meetings.AsNoTracking().Where(m => m.CountyId == County.Id).Select(m => new { m.Id, m.BodyId, m.StartsAt }).ToListAsync())
        {
            Add(m.Id, $"{bodyNames.GetValueOrDefault(m.BodyId, "sammanträde")} {SwedishText.Date(m.StartsAt.SwedishDay())}");
        }

        var people = Names;
        var bodyIds = bodyNames.Keys.ToList();
        foreach (var m in await db.Memberships.AsNoTracking().Where(m => bodyIds.Contains(m.BodyId)).Select(m => new { m.Id, m.PersonId, m.BodyId }).ToListAsync())
        {
            Add(m.Id, $"{people.GetValueOrDefault(m.PersonId.ToString(), "okänd")} i {bodyNames.GetValueOrDefault(m.BodyId, "organet")}");
        }
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
        "AgendaDocument" => "Handling",
        "AgendaItem" => "Ärende på föredragningslistan",
        "Attendance" => "Närvaro",
        "CalendarFeed" => "Kalenderprenumeration",
        "CostModel" => "Kostnadsmodell",
        "CostYearRule" => "Årets regel för kostnadsnivån",
        "ExtraMeetingRequest" => "Begäran om extra sammanträde",
        "FormerFee" => "Tidigare avgift",
        "GroupCharter" => "Beslut om samverkansgrupp",
        "GroupReport" => "Återrapport",
        "Invoice" => "Faktura",
        "InvoiceSeries" => "Fakturaserie",
        "Meeting" => "Sammanträde",
        "Minutes" => "Protokoll",
        "MinutesCorrection" => "Rättelse av protokoll",
        "MinutesItem" => "Protokollsparagraf",
        "PartyDecision" => "Partens beslut om rekommendation",
        "Project" => "Projekt",
        "RecommendationPosition" => "Ställningstagande",
        "Scenario" => "Scenario",
        _ => entityType,
    };

    public static string ActionLabel(string action) => action switch
    {
        "Added" => "Tillagd",
        "Modified" => "Ändrad",
        "Deleted" => "Borttagen",
        _ => action,
    };

    /// <summary>Technical fields that say nothing to a reader of the log.</summary>
    private static readonly HashSet<string> Hidden = ["Id", "CountyId", "Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "NormalizedUserName", "NormalizedEmail"];

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["Name"] = "Namn", ["ShortName"] = "Kortnamn", ["Title"] = "Rubrik", ["Text"] = "Text", ["Reference"] = "Referens",
        ["DecidedOn"] = "Beslutsdatum", ["RecordedOn"] = "Registrerat", ["EffectiveOn"] = "Gäller från", ["PartyId"] = "Part", ["PersonId"] = "Person",
        ["BodyId"] = "Organ", ["AgreementId"] = "Överenskommelse", ["AmendmentId"] = "Ändring", ["MeetingId"] = "Sammanträde", ["MinutesId"] = "Protokoll",
        ["MembershipId"] = "Uppdrag", ["AppointingPartyId"] = "Utsedd av", ["From"] = "Från", ["To"] = "Till", ["Role"] = "Roll", ["Side"] = "Sida",
        ["PoliticalParty"] = "Politiskt parti", ["Population"] = "Folkmängd", ["Year"] = "År", ["Amount"] = "Belopp", ["Status"] = "Status",
        ["ChangePercent"] = "Förändring (%)", ["Source"] = "Källa", ["PublishedOn"] = "Publicerat", ["IsFinal"] = "Utfall", ["Series"] = "Serie",
        ["StartsAt"] = "Börjar", ["EndsAt"] = "Slutar", ["Location"] = "Plats", ["Number"] = "Nummer", ["Paragraph"] = "Paragraf", ["Decision"] = "Beslut",
        ["Discussion"] = "Överläggning", ["Kind"] = "Slag", ["Position"] = "Ställningstagande", ["Note"] = "Anteckning", ["Present"] = "Närvarande",
        ["Email"] = "E-post", ["FirstName"] = "Förnamn", ["LastName"] = "Efternamn", ["Level"] = "Nivå", ["Value"] = "Värde", ["DueOn"] = "Förfaller",
        ["ReceivedOn"] = "Mottagen", ["Summary"] = "Sammanfattning", ["PaidOn"] = "Betald", ["IsPublic"] = "Offentlig", ["FileName"] = "Fil",
        ["SignedBy"] = "Undertecknad av", ["CheckedBy"] = "Justerad av", ["NoticeSentAt"] = "Kallelse skickad", ["Outcome"] = "Beslut",
    };

    /// <summary>For a modification only the values that changed; otherwise every value; in Swedish words, with names for ids.</summary>
    public string Changed(AuditEntry entry, bool before)
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

        return string.Join("; ", values.Where(v => !Hidden.Contains(v.Key)).Select(v => $"{FieldLabels.GetValueOrDefault(v.Key, v.Key)}: {Value(v.Value)}"));
    }

    /// <summary>The entity's name when it is known, otherwise its id.</summary>
    public string EntityName(AuditEntry entry) => Names.TryGetValue(entry.EntityId, out var name) ? name : entry.EntityId;

    private string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "–",
        JsonValueKind.True => "ja",
        JsonValueKind.False => "nej",
        JsonValueKind.String when value.GetString() is { } text && Names.TryGetValue(text, out var name) => name,
        JsonValueKind.String => value.GetString() ?? "–",
        _ => value.ToString(),
    };
}
