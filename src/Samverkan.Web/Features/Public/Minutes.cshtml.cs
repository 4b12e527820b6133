using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;
using BodyEntity = Samverkan.Domain.Bodies.Body;
using MinutesEntity = Samverkan.Domain.Meetings.Minutes;

namespace Samverkan.Web.Features.Public;

/// <summary>Published minutes, for everybody: only minutes that are checked and dispatched.</summary>
public sealed class PublicMinutesModel(AppDbContext db) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public MinutesEntity Minutes { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    public BodyEntity Body { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await LoadAsync();
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == Minutes.CountyId).ToDictionaryAsync(p => p.Id, p => p.Name);
        return File(MinutesDocument.Pdf(Minutes, Meeting, Body, parties), "application/pdf", $"protokoll-{Meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    private async Task LoadAsync()
    {
        Minutes = await db.Minutes.AsNoTracking().WithContent().FirstOrDefaultAsync(m => m.MeetingId == Id && m.Status == MinutesStatus.Dispatched)
            ?? throw new NotFoundException("Det finns inget publicerat protokoll för sammanträdet.");
        Meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstAsync(m => m.Id == Id);
        Body = await db.Bodies.AsNoTracking().WithMembers().FirstAsync(b => b.Id == Meeting.BodyId);
    }
}
