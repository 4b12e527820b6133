using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Samverkan.Web.Infrastructure;

/// <summary>Input that breaks a field's limits (HTTP 400 with the errors per field). Messages are Swedish.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// The one validation layer for everything that is stored, from the API and the pages alike: before any save,
/// every added or changed value is checked against its column in the EF model: text no longer than the column,
/// no control characters (single-line text also no line breaks), enum values that exist, decimals that fit their
/// precision. So input can never reach the database as a 500, and a name can never smuggle a line break into an
/// e-mail header or a calendar file.
/// </summary>
public static class InputRules
{
    /// <summary>Text columns up to this length are single-line: names, titles, references, addresses.</summary>
    public const int SingleLineMaxLength = 500;

    public static bool HasControlCharacters(string value, bool multiLine) =>
        value.Any(c => (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')) || c is '\u2028' or '\u2029');

    /// <summary>The Swedish complaint about a single-line text, or null when it is fine.</summary>
    public static string? CheckSingleLine(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"Fältet {field} får vara högst {Domain.Common.SwedishText.Thousands(maxLength)} tecken (nu {Domain.Common.SwedishText.Thousands(value.Length)}).";
        }

        return HasControlCharacters(value, multiLine: false)
            ? $"Fältet {field} får inte innehålla radbrytningar, tabbar eller andra styrtecken."
            : null;
    }

    public static void EnsureSingleLine(string field, string? value, int maxLength)
    {
        if (CheckSingleLine(field, value, maxLength) is { } message)
        {
            throw InputValidationException.For(field, message);
        }
    }

    internal static void Check(DbContext context)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !property.IsModified)
                {
                    continue;
                }

                if (Problem(property.Metadata, property.CurrentValue) is { } message)
                {
                    var field = JsonName(property.Metadata.Name);
                    if (!errors.TryGetValue(field, out var list))
                    {
                        errors[field] = list = [];
                    }

                    if (!list.Contains(message))
                    {
                        list.Add(message);
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    private static string? Problem(IProperty property, object? value)
    {
        var field = JsonName(property.Name);
        switch (value)
        {
            case string text:
                var maxLength = property.GetMaxLength();
                if (maxLength is { } max && text.Length > max)
                {
                    return $"Fältet {field} får vara högst {Domain.Common.SwedishText.Thousands(max)} tecken (nu {Domain.Common.SwedishText.Thousands(text.Length)}).";
                }

                var multiLine = maxLength is null or > SingleLineMaxLength;
                if (HasControlCharacters(text, multiLine))
                {
                    return multiLine
                        ? $"Fältet {field} får inte innehålla styrtecken (till exempel NUL)."
                        : $"Fältet {field} får inte innehålla radbrytningar, tabbar eller andra styrtecken.";
                }

                return null;
            case Enum e when !Enum.IsDefined(e.GetType(), e):
                return $"Värdet {Convert.ToInt64(e, CultureInfo.InvariantCulture)} är inte tillåtet i fältet {field}.";
            case decimal number when property.GetPrecision() is { } precision:
                var scale = property.GetScale() ?? 0;
                var limit = Pow10(precision - scale);
                return Math.Abs(number) >= limit
                    ? $"Talet i fältet {field} är för stort: högst {Domain.Common.SwedishText.Thousands((limit - 1))} i absolutbelopp."
                    : null;
            default:
                return null;
        }
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Min(exponent, 28); i++)
        {
            result *= 10;
        }

        return result;
    }

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Runs <see cref="InputRules"/> before every save.</summary>
internal sealed class InputGuardInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            context.ChangeTracker.DetectChanges();
            InputRules.Check(context);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(SavingChanges(eventData, result));
}

/// <summary>
/// Query parameters and route values with control characters (a NUL, a line break) are refused with 400 before any
/// page or endpoint sees them: no database takes them (PostgreSQL refuses NUL in text) and no header or file should.
/// </summary>
public static class QueryGuard
{
    public static IApplicationBuilder UseQueryGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var bad = context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v is not null && InputRules.HasControlCharacters(v, multiLine: false)));
        var path = context.Request.Path.Value ?? string.Empty;
        if (bad.Key is null && !InputRules.HasControlCharacters(path, multiLine: false))
        {
            await next();
            return;
        }

        var detail = bad.Key is null
            ? "Adressen innehåller otillåtna tecken (styrtecken)."
            : $"Parametern {bad.Key} innehåller otillåtna tecken (styrtecken).";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest, Title = "Felaktig begäran", Detail = detail,
            }, options: null, contentType: "application/problem+json");
            return;
        }

        context.Items[ProblemDetailsExceptionHandler.ProblemDetailKey] = detail;
    });
}

/// <summary>
/// Collects what is missing or wrong in one request, field by field, so that page and API refuse the same input with
/// the same Swedish messages (HTTP 400, or the form shown again with each message beside its field).
/// </summary>
public sealed class InputCheck
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public T? Required<T>(T? value, string field, string message)
        where T : struct
    {
        if (value is null)
        {
            Add(field, message);
        }

        return value;
    }

    public string? Required(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, message);
            return null;
        }

        return value;
    }

    public bool HasAny => errors.Count > 0;

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>Refuses the request when anything was found; call once, after every field is checked.</summary>
    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(errors));
        }
    }
}
