using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;

namespace Samverkan.Web.Features.Public;

/// <summary>The public entrance: every county's bodies, no login.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<County> Counties { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Bodies = BodyQueries.Ordered(await db.Bodies.AsNoTracking().ToListAsync()).ToList();
    }
}
