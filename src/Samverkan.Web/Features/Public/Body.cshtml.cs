using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using BodyEntity = Samverkan.Domain.Bodies.Body;

namespace Samverkan.Web.Features.Public;

/// <summary>A body's public page: upcoming noticed meetings with their agendas and the published (checked and dispatched) minutes.</summary>
public sealed class BodyModel(AppDbContext db, TimeProvider time) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public BodyEntity Body { get; private set; } = null!;

    public County County { get; private set; } = null!;

    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];

    public IReadOnlyList<(Minutes Minutes, Meeting Meeting)> Published { get; private set; } = [];

    public IReadOnlyList<Infrastructure.Documents.AgendaDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == Id) ?? throw new NotFoundException("Organet finns inte.");
        County = await db.Counties.AsNoTracking().FirstAsync(c => c.Id == Body.CountyId);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => m.BodyId == Id).ToListAsync();
        var now = time.GetUtcNow();
        // Nothing of a meeting is public before its notice is sent: a planned meeting and its agenda stay internal.
        Upcoming = meetings.Where(m => m.Status == MeetingStatus.NoticeSent && m.EndsAt >= now).OrderBy(m => m.StartsAt).ToList();
        var noticed = Upcoming.Select(m => m.Id).ToList();
        Documents = await db.AgendaDocuments.AsNoTracking().Where(d => d.IsPublic && noticed.Contains(d.MeetingId)).ToListAsync();
        var minutes = await db.Minutes.AsNoTracking().Where(m => m.BodyId == Id && m.Status == MinutesStatus.Dispatched).ToListAsync();
        Published = minutes.Select(m => (m, meetings.First(x => x.Id == m.MeetingId))).OrderByDescending(x => x.Item2.StartsAt).ToList();
    }
}
