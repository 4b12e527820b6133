using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Shared;

public static class BodyQueries
{
    public static IQueryable<Body> WithMembers(this IQueryable<Body> bodies) => bodies
        .Include(b => b.Terms)
        .Include(b => b.Memberships).ThenInclude(m => m.Person)
        .Include(b => b.Memberships).ThenInclude(m => m.AppointingParty)
        .Include(b => b.Memberships).ThenInclude(m => m.PoliticalParty)
        .AsSplitQuery();

    public static async Task<Body> LoadReadableAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default)
    {
        var body = await db.Bodies.WithMembers().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new NotFoundException("Organet finns inte.");
        access.EnsureRead(body.CountyId);
        return body;
    }

    /// <summary>Runs the composition check against the county's parties and the regional board as they are recorded.</summary>
    public static async Task<IReadOnlyList<CompositionViolation>> CheckAsync(AppDbContext db, Body body, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await CompositionContextAsync(db, body.CountyId, cancellationToken)).Check(body, asOf);

    /// <summary>What every composition check in a county needs, read once: its parties and the regional board.</summary>
    public static async Task<CompositionContext> CompositionContextAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken = default)
    {
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == countyId).ToListAsync(cancellationToken);
        var region = parties.FirstOrDefault(p => p.Kind == PartyKind.Region);
        var board = region is null
            ? []
            : await db.ExecutiveBoardSeats.AsNoTracking().Include(s => s.PoliticalParty).Where(s => s.PartyId == region.Id).ToListAsync(cancellationToken);
        // A consultation forum's members come from the regional development board and the municipal delegation's working committee.
        var sources = await db.Bodies.AnyAsync(b => b.CountyId == countyId && b.Kind == BodyKind.ConsultationForum, cancellationToken)
            ? await db.Bodies.AsNoTracking().Include(b => b.Memberships)
                .Where(b => b.CountyId == countyId && (b.Kind == BodyKind.RegionalDevelopmentBoard || b.Kind == BodyKind.WorkingCommittee || b.Kind == BodyKind.MunicipalDelegation))
                .AsSplitQuery().ToListAsync(cancellationToken)
            : [];
        return new CompositionContext(parties, board, sources);
    }

    /// <summary>Active seats on a date in presidium order, then by appointing party and name.</summary>
    public static IEnumerable<Membership> Roster(Body body, DateOnly asOf) => body.ActiveMemberships(asOf)
        .OrderBy(m => m.Role)
        .ThenBy(m => m.AppointingParty?.Kind == PartyKind.Region ? 0 : 1)
        .ThenBy(m => m.AppointingParty?.Name ?? string.Empty, StringComparer.Create(Domain.Common.SwedishText.Culture, false))
        .ThenBy(m => m.Person?.LastName ?? string.Empty, StringComparer.Create(Domain.Common.SwedishText.Culture, false));

    public static IEnumerable<Body> Ordered(IEnumerable<Body> bodies) => bodies.OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Create(Domain.Common.SwedishText.Culture, false));
}

public sealed record CompositionContext(IReadOnlyCollection<Party> Parties, IReadOnlyCollection<ExecutiveBoardSeat> RegionalBoard, IReadOnlyCollection<Body> Bodies)
{
    public IReadOnlyList<CompositionViolation> Check(Body body, DateOnly asOf) => CompositionCheck.Check(body, Parties, RegionalBoard, asOf, Bodies);
}
