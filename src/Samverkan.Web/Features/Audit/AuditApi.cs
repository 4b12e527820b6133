using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/audit", ListAsync)
            .WithSummary("The county's audit log, newest first; filter by entity (entityType, entityId) or by person (user). Secretariat only.");
        return api;
    }

    private static async Task<Ok<List<AuditEntryResponse>>> ListAsync(string countyCode, string? entityType, string? entityId, string? user,
        int? take, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureSecretariatReads(county.Id, "Ändringsloggen");
        var entries = await AuditQueries.Filter(db, county.Id, entityType, entityId, user).Take(Math.Clamp(take ?? 200, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.Action, e.Before, e.After)).ToList());
    }
}

public static class AuditQueries
{
    public const string NationalEntityType = "IndexValue";

    public static IQueryable<AuditEntry> Filter(AppDbContext db, Guid countyId, string? entityType, string? entityId, string? user)
    {
        // National reference data (index series) concerns every county, so every county's secretariat reads its changes.
        var query = db.AuditEntries.AsNoTracking().Where(e => e.CountyId == countyId || (e.CountyId == null && e.EntityType == NationalEntityType));
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(e => e.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(e => e.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(e => e.UserName == user);
        }

        return query.OrderByDescending(e => e.Id);
    }
}

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityId, string Action, string? Before, string? After);
