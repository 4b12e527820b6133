namespace Samverkan.Web.Infrastructure;

internal static class SecurityHeaders
{
    private const string PolicyBeforeFormAction =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'";

    private const string PolicyAfterFormAction = "; frame-ancestors 'none'";

    // The browsable API page ships inline styles and scripts of its own.
    private const string ApiDocsPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // The sign-in and sign-out forms are answered with a redirect to the identity provider, which form-action governs too.
        var providers = app.ApplicationServices.GetRequiredService<SsoProviders>().Origins.Select(o => " " + o);
        var policy = PolicyBeforeFormAction + string.Concat(providers) + PolicyAfterFormAction;
        return app.Use(async (context, next) =>
        {
            Apply(context, policy);
            await next();
        });
    }

    private static void Apply(HttpContext context, string policy)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiDocsPolicy : policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
