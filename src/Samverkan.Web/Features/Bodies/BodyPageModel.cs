using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// One of a body's pages (the overview, members, meetings, reports): the body from the route with its terms and members,
/// read only; each page's forms change through <see cref="BodyDesk"/> or the meeting planner and return to their page.
/// </summary>
public abstract class BodyPageModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    protected AppDbContext Db { get; } = db;

    public Body Body { get; private set; } = null!;

    /// <summary>What the last change said, shown once after the redirect.</summary>
    public string? Message { get; protected set; }

    /// <summary>The body's charter when it is a collaboration group: its reports have a page of their own.</summary>
    public GroupCharter? Charter { get; private set; }

    /// <summary>The body's pages, for the links at the top of each.</summary>
    public IReadOnlyList<(string Path, string Label)> Pages
    {
        get
        {
            List<(string Path, string Label)> pages = [(BodyPath(), "Översikt"), (BodyPath("members"), "Ledamöter"), (BodyPath("meetings"), "Sammanträden")];
            if (Charter is not null)
            {
                pages.Add((BodyPath("reports"), "Uppdrag och återrapporter"));
            }

            if (CanManage)
            {
                pages.Add((BodyPath("rules"), "Regler"));
            }

            return pages;
        }
    }

    public string BodyPath(string? page = null) => $"/counties/{County.Code}/bodies/{Id}" + (page is null ? string.Empty : "/" + page);

    protected async Task LoadBodyAsync()
    {
        await LoadCountyAsync();
        Body = await Db.Bodies.AsNoTracking().WithMembers().FirstOrDefaultAsync(b => b.Id == Id && b.CountyId == County.Id, HttpContext.RequestAborted)
            ?? throw new NotFoundException("Organet finns inte i det här länet.");
        Charter = await Db.GroupCharters.AsNoTracking().FirstOrDefaultAsync(c => c.BodyId == Body.Id, HttpContext.RequestAborted);
    }

    /// <summary>
    /// A form's change (<see cref="CountyPageModel.ChangeAsync"/>): done, back to <paramref name="next"/> with
    /// <paramref name="message"/>; refused, this page again with the errors beside the form.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(string form, Func<CancellationToken, Task> change, Func<string> message, Func<string> next, Func<Task> reload,
        Guid? item = null)
    {
        await LoadCountyAsync();
        return await ChangeAsync(form, change, () =>
        {
            TempData["Message"] = message();
            return Redirect(next());
        }, reload, item);
    }
}
