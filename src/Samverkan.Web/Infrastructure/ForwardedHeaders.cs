using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Behind the README's TLS-terminating proxy: X-Forwarded-For, -Proto and -Host are honoured from the proxies named in
/// <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8), comma separated;
/// loopback is always trusted. Nothing else may claim to be the proxy.
/// </summary>
public static class ForwardedHeaders
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost;
        foreach (var proxy in List(configuration["Proxy:KnownProxies"]))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in List(configuration["Proxy:KnownNetworks"]))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static IEnumerable<string> List(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
