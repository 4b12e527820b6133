using System.Globalization;

namespace Samverkan.Domain.Common;

/// <summary>Formats the way Swedish public documents do: 2023-02-01, 1 234 567 kr.</summary>
public static class SwedishText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    /// <summary>A count with the right form of the word: "1 avvikelse", "3 avvikelser".</summary>
    public static string Count(long count, string singular, string plural) => $"{Thousands(count)} {(count == 1 ? singular : plural)}";

    /// <summary>Kronor with öre when there are any ("1 250 000,50 kr"), whole kronor otherwise: for the fund's ledger, never rounded.</summary>
    public static string Money(decimal amount) => amount == decimal.Truncate(amount)
        ? Kronor(amount)
        : amount.ToString("#,0.00", Culture).Replace('\u00A0', ' ').Replace('\u2212', '-') + " kr";

    /// <summary>1 234 567 kr (a plain space between thousands, so it reads the same in HTML, PDF and text).</summary>
    public static string Kronor(decimal amount) => Thousands(amount) + " kr";

    public static string Kronor(Money amount) => Kronor(amount.Value);

    public static string Thousands(decimal amount) => amount.ToString("#,0", Culture).Replace('\u00A0', ' ');

    /// <summary>14 840 tkr.</summary>
    public static string Tkr(decimal amount) => Thousands(decimal.Round(amount / 1000m, 0, MidpointRounding.AwayFromZero)) + " tkr";

    /// <summary>The genitive of a name: "Gävles", but "Bollnäs", "Hofors" (a name ending in s, x or z takes no extra s).</summary>
    public static string Genitive(string name) => name.Length > 0 && "sxzSXZ".Contains(name[^1]) ? name : name + "s";

    public static string Percent(decimal percent) => percent.ToString("0.0##", Culture) + " %";
}
