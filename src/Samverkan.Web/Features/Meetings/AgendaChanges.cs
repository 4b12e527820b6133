using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;

namespace Samverkan.Web.Features.Meetings;

/// <summary>How the meeting page links agenda items to cases and stores a change to a meeting and its agenda.</summary>
internal static class AgendaChanges
{
    /// <summary>A case number typed on the agenda links the item to that case in the county's register.</summary>
    public static async Task<Guid?> CaseIdAsync(AppDbContext db, string countyCode, string? caseReference, CancellationToken cancellationToken)
    {
        var countyId = await db.Counties.Where(c => c.Code == countyCode).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return countyId is { } id ? await Cases.CaseSearch.FindByNumberAsync(db, id, caseReference, cancellationToken) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the tracked meeting (a broken rule refuses it before anything is stored) and
    /// saves it in one transaction.
    /// </summary>
    public static async Task SaveAsync(AppDbContext db, Meeting meeting, Action change)
    {
        var numbers = meeting.Agenda.ToDictionary(a => a.Id, a => a.Number);
        change();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Numbers that change are stored in two steps (through negatives) past the unique (meeting, number) index.
        var moved = meeting.Agenda.Where(a => numbers.TryGetValue(a.Id, out var before) && before != a.Number).ToList();
        if (moved.Count > 0)
        {
            var final = moved.ToDictionary(a => a, a => a.Number);
            foreach (var item in moved)
            {
                db.Entry(item).Property(i => i.Number).CurrentValue = -final[item];
            }

            await db.SaveChangesAsync();
            foreach (var item in moved)
            {
                db.Entry(item).Property(i => i.Number).CurrentValue = final[item];
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
