using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;

namespace Samverkan.Web.Features.Shared;

public static class CountyQueries
{
    private static readonly StringComparer SwedishOrder = StringComparer.Create(SwedishText.Culture, false);

    /// <summary>The county's parties: the region first, then the municipalities in Swedish alphabetical order.</summary>
    public static async Task<List<Party>> PartiesAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken = default)
    {
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == countyId).ToListAsync(cancellationToken);
        return Ordered(parties).ToList();
    }

    public static IEnumerable<Party> Ordered(IEnumerable<Party> parties) =>
        parties.OrderBy(p => p.Kind == PartyKind.Region ? 0 : 1).ThenBy(p => p.Name, SwedishOrder);

    public static IOrderedEnumerable<T> BySwedishName<T>(this IEnumerable<T> items, Func<T, string> name) => items.OrderBy(name, SwedishOrder);

    /// <summary>The latest population per municipality, with the year it refers to (31 December of that year).</summary>
    public static async Task<Dictionary<Guid, PopulationFigure>> LatestPopulationAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken = default)
    {
        var figures = await db.PopulationFigures.AsNoTracking().Where(p => p.CountyId == countyId).ToListAsync(cancellationToken);
        return figures.GroupBy(f => f.PartyId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Year)!);
    }
}
