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
        var (status, title, detail, rule) = exception switch
        {
            DomainRuleException e => (e.Severity == RuleSeverity.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                "Regeln tillåter inte ändringen", e.Message, e.Rule),
            NotFoundException e => (StatusCodes.Status404NotFound, "Hittades inte", e.Message, null),
            ForbiddenException e => (StatusCodes.Status403Forbidden, "Åtkomst nekad", e.Message, null),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Samtidig ändring",
                "Någon annan har ändrat uppgifterna under tiden. Läs in dem på nytt och gör ändringen igen.", null),
            BadHttpRequestException e => (e.StatusCode, "Felaktig begäran", "Begäran kunde inte läsas: kontrollera att innehållet är giltig JSON med rätt fält.", null),
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

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
