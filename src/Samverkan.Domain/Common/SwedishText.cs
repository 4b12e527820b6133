using System.Globalization;

namespace Samverkan.Domain.Common;

/// <summary>Formats the way Swedish public documents do: 2023-02-01, 1 234 567 kr.</summary>
public static class SwedishText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";
}
