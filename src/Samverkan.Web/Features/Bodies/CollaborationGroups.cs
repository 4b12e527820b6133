using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Bodies;

/// <summary>The SRB's political collaboration groups with their charters and reports, for the body page and the API.</summary>
public static class CollaborationGroups
{
    public static async Task<List<GroupView>> GroupsAsync(AppDbContext db, Guid srbId, CancellationToken cancellationToken = default)
    {
        var groups = await db.Bodies.AsNoTracking().Where(b => b.ParentBodyId == srbId && b.Kind == BodyKind.CollaborationGroup).ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.Id).ToList();
        var charters = await db.GroupCharters.AsNoTracking().Where(c => ids.Contains(c.BodyId)).ToListAsync(cancellationToken);
        var reports = await db.GroupReports.AsNoTracking().Where(r => ids.Contains(r.BodyId)).ToListAsync(cancellationToken);
        return groups.Select(g => new GroupView(g, charters.FirstOrDefault(c => c.BodyId == g.Id), reports.Where(r => r.BodyId == g.Id).OrderBy(r => r.DueOn).ToList())).ToList();
    }
}

public sealed record GroupView(Body Group, GroupCharter? Charter, IReadOnlyList<GroupReport> Reports);
