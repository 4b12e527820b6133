using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

public static class CalendarFeeds
{
    public static async Task<CalendarFeed> ForAsync(AppDbContext db, Guid countyId, Guid? bodyId, Guid? personId, CancellationToken cancellationToken = default)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.CountyId == countyId && f.BodyId == bodyId && f.PersonId == personId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeed(countyId, bodyId, personId);
            db.CalendarFeeds.Add(feed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return feed;
    }

    /// <summary>The feed's address: from <c>Samverkan:PublicBaseUrl</c> when set, otherwise from the request (its forwarded scheme and host behind a proxy).</summary>
    public static string Url(HttpRequest request, CalendarFeed feed) => $"{PublicBase.Of(request)}/calendar/{feed.Token}.ics";

    public static void MapCalendarFeeds(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous().WithSummary("A calendar subscription; the secret token in the URL is the key.");
        api.MapPost("/bodies/{id:guid}/calendar-feed", BodyFeedAsync).WithSummary("The subscription URL for all meetings of a body.");
        api.MapPost("/me/calendar-feed", PersonFeedAsync).WithSummary("The signed-in member's subscription URL for the meetings of every body they sit in.");
    }

    private static async Task<Ok<FeedResponse>> BodyFeedAsync(Guid id, Access access, AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var body = await BodyQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var feed = await ForAsync(db, body.CountyId, body.Id, null, cancellationToken);
        return TypedResults.Ok(new FeedResponse(Url(http.Request, feed)));
    }

    private static async Task<Ok<FeedResponse>> PersonFeedAsync(Access access, AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var membershipId = access.MembershipId ?? throw new ForbiddenException("Bara ledamöter har en egen kalender.");
        var membership = await db.Memberships.AsNoTracking().FirstAsync(x => x.Id == membershipId, cancellationToken);
        access.EnsureRead(membership.CountyId);
        var feed = await ForAsync(db, membership.CountyId, null, membership.PersonId, cancellationToken);
        return TypedResults.Ok(new FeedResponse(Url(http.Request, feed)));
    }

    private static async Task<IResult> FeedAsync(string token, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, cancellationToken);
        if (feed is null)
        {
            return TypedResults.NotFound();
        }

        var bodyIds = feed.BodyId is { } bodyId
            ? [bodyId]
            : await db.Memberships.AsNoTracking().Where(m => m.PersonId == feed.PersonId).Select(m => m.BodyId).Distinct().ToListAsync(cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => bodyIds.Contains(m.BodyId)).ToListAsync(cancellationToken);
        var name = feed.BodyId is { } b ? bodies[b] : "Mina sammanträden";
        var ics = Calendar.Feed(name, meetings.Select(m => (m, bodies[m.BodyId])), time.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}

public sealed record FeedResponse(string Url);
