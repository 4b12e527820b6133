using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features;

/// <summary>The start page: the public landing page, or straight to one's own county.</summary>
public sealed class IndexModel(AppDbContext db, Access access) : PageModel
{
    public IReadOnlyList<County> Counties { get; private set; } = [];

    public HashSet<Guid> Readable { get; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>An administrator is told what to do first and where each county's setup stands.</summary>
    public bool IsAdministrator => access.IsAdministrator;

    public async Task<IActionResult> OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        if (SignedIn && !access.IsAdministrator && access.CountyId is { } own && Counties.FirstOrDefault(c => c.Id == own) is { } county)
        {
            return Redirect($"/counties/{county.Code}");
        }

        foreach (var c in Counties.Where(c => access.CanRead(c.Id)))
        {
            Readable.Add(c.Id);
        }

        return Page();
    }
}
