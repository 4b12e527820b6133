using System.Globalization;

namespace Samverkan.Domain.CostSharing;

/// <summary>
/// A day of the year without its year, as an agreement states its dates: the index's reference day ("1 mars"), the
/// deadline for another agreed uplift ("31 augusti") and the instalments' due dates. 29 February is not one, since the
/// day must exist every year.
/// </summary>
public readonly record struct MonthDay(int Month, int Day)
{
    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public bool IsValid => Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(2023, Month);

    public DateOnly In(int year) => new(year, Month, Day);

    /// <summary>As an agreement says it: "1 mars".</summary>
    public string Swedish => $"{Day} {Months[Month - 1]}";

    /// <summary>As the API writes it: "03-01".</summary>
    public override string ToString() => $"{Month:00}-{Day:00}";

    /// <summary>Reads "03-01" (MM-DD) or "1 mars"; false when the text is neither or names no day of every year.</summary>
    public static bool TryParse(string? text, out MonthDay value)
    {
        value = default;
        var trimmed = text?.Trim() ?? string.Empty;
        var numeric = trimmed.Split('-');
        if (numeric.Length == 2 && int.TryParse(numeric[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(numeric[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            value = new MonthDay(month, day);
        }
        else
        {
            var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                && Array.IndexOf(Months, words[1].ToLowerInvariant()) is var m and >= 0)
            {
                value = new MonthDay(m + 1, d);
            }
        }

        return value.IsValid;
    }
}
