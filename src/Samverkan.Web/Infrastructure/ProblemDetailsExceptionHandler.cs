using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Turns the exceptions that carry meaning into status codes: a broken rule into 409 or 422 with its reason,
/// not found into 404, forbidden into 403, a concurrent edit into 409. The API gets ProblemDetails; pages get the
/// status code and the error page. Nothing else is shown to users, least of all a stack trace.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public const string ProblemDetailKey = "Samverkan.ProblemDetail";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var failure = ChangeFailure.From(exception);
        var (status, title, detail, rule) = exception switch
        {
            _ when failure is not null => (failure.Status, failure.Title, failure.Detail, failure.Rule),
            NotFoundException e => (StatusCodes.Status404NotFound, "Hittades inte", e.Message, null),
            ForbiddenException e => (StatusCodes.Status403Forbidden, "Åtkomst nekad", e.Message, null),
            BadHttpRequestException e => (e.StatusCode, "Felaktig begäran", "Begäran kunde inte läsas: kontrollera att innehållet är giltig JSON med rätt fält.", null),
            InvalidDataException or IOException when httpContext.Request.HasFormContentType => (StatusCodes.Status400BadRequest, "Felaktig begäran",
                "Begäran kunde inte läsas: formuläret eller filen är trasig eller ofullständig. Skicka den igen.", null),
            _ when DatabaseFailures.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Tjänsten är tillfälligt otillgänglig",
                "Databasen svarar inte just nu. Inga ändringar sparades. Försök igen om en stund.", null),
            _ => (0, string.Empty, string.Empty, (string?)null),
        };
        if (status == 0)
        {
            logger.LogError(exception, "Unhandled exception for {Path}", httpContext.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            title = "Ett oväntat fel inträffade";
            detail = "Något gick fel hos oss. Inga ändringar sparades. Försök igen om en stund.";
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "10";
        }
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            // The status code page shows a Swedish error page for the UI, with the reason when it is a known one.
            httpContext.Items[ProblemDetailKey] = status == StatusCodes.Status500InternalServerError ? null : detail;
            return true;
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (rule is not null)
        {
            problem.Extensions["rule"] = rule;
        }

        if (exception is InputValidationException invalid)
        {
            problem.Extensions["errors"] = invalid.Errors;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}

/// <summary>Recognises the database's own refusals that are not programming errors.</summary>
internal static class DatabaseFailures
{
    /// <summary>The database cannot be reached or is busy: the request may succeed later (HTTP 503).</summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        System.Net.Sockets.SocketException or TimeoutException => true,
        Npgsql.NpgsqlException { IsTransient: true } => true,
        Npgsql.PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode is 5 or 6 or 14, // BUSY, LOCKED, CANTOPEN
        _ => false,
    });

    /// <summary>A unique index refused a concurrent insert (HTTP 409: try again).</summary>
    public static bool IsUniqueViolation(Exception exception) => Chain(exception).Any(e => e switch
    {
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555, // UNIQUE, PRIMARYKEY
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
