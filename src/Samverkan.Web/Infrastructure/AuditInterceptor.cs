using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Records every change to domain data (who, when, which entity, values before and after) in the same
/// transaction as the change, and refuses to change or delete what was recorded.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    // Stored as readable text (å, ä, ö, §); it is HTML-encoded where it is shown.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }

        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "okänd" : "system";
        var now = time.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is ICountyOwned or IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified))
            {
                continue;
            }

            context.Add(new AuditEntry
            {
                At = now,
                CountyId = (entry.Entity as ICountyOwned)?.CountyId,
                UserId = userId,
                UserName = userName,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Action = entry.State.ToString(),
                Before = entry.State == EntityState.Added ? null : Serialize(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Serialize(entry, original: false),
            });
        }
    }

    private static string Serialize(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            values[property.Metadata.Name] = value is Enum e ? e.ToString() : value;
        }

        return JsonSerializer.Serialize(values, JsonOptions);
    }
}
