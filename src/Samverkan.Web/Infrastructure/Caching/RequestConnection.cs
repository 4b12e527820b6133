using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure.Caching;

/// <summary>
/// One database connection per request. EF opens and closes the connection around every query it sends by itself; a
/// signed-in page sends a dozen, and under load each open and close took the connection pool's lock (on SQLite, the
/// pool's lock was the largest single wait in a profile of the start page). Opened here once, the connection stays open
/// until the request's context is disposed. Requests that need no database (static files, anonymous pages served from
/// the output cache) never get here or never open it.
/// </summary>
public static class RequestConnection
{
    public static IApplicationBuilder UseOneConnectionPerRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsCachedPublicRequest(context.Request))
            {
                await context.RequestServices.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
            }

            await next(context);
        });

    /// <summary>An anonymous request for a public page or feed: answered from the output cache, mostly without any query.</summary>
    private static bool IsCachedPublicRequest(HttpRequest request) =>
        PublicOutputCache.IsPublic(request.Path) && !request.Headers.ContainsKey("Cookie") && !request.Headers.ContainsKey("Authorization");
}
