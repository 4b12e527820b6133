using Microsoft.AspNetCore.OutputCaching;

namespace Samverkan.Web.Infrastructure.Caching;

/// <summary>
/// Anonymous public pages (<c>/public</c>) and calendar feeds are kept as whole responses: ASP.NET Core's default
/// output-cache rules (GET or HEAD, nobody signed in, no Authorization header, answer 200 without a cookie) plus this
/// tag. Every change to domain data evicts them (<see cref="DataChanges"/>); a minute's lifetime bounds what depends on
/// the clock (a meeting that has started is no longer "upcoming").
/// </summary>
public static class PublicOutputCache
{
    public static void AddSamverkanOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256 * 1024 * 1024;
            options.AddBasePolicy(policy => policy
                .With(context => IsPublic(context.HttpContext.Request.Path))
                .Tag(DataChanges.Tag)
                .Expire(TimeSpan.FromMinutes(1)));
        });

    public static bool IsPublic(PathString path) => path.StartsWithSegments("/public") || path.StartsWithSegments("/calendar");
}
