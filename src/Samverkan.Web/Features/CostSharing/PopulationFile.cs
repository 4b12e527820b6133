using System.Globalization;
using System.Text;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>One problem in an uploaded population file: the line (1-based, 0 for the file as a whole) and what is wrong.</summary>
public sealed record PopulationFileError(int Line, string Message);

/// <summary>
/// Reads population figures as Statistics Sweden exports them: semicolon or comma separated, UTF-8 or Windows-1252,
/// a region column such as <c>1980 Västerås</c> or a plain code column, and the value; also the shape
/// <c>county_code,municipality_code,municipality,year,population</c>. Every municipality of the county exactly once,
/// whole positive numbers, known codes, or nothing is read and every problem is listed by line.
/// </summary>
public static class PopulationFile
{
    static PopulationFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (IReadOnlyDictionary<string, int> Figures, IReadOnlyList<PopulationFileError> Errors) Parse(
        byte[] content, int year, IReadOnlyDictionary<string, string> municipalities)
    {
        var errors = new List<PopulationFileError>();
        var figures = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = Decode(content);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var separator = lines.FirstOrDefault(l => l.Contains(';', StringComparison.Ordinal)) is not null ? ';' : ',';
        var seenLine = new Dictionary<string, int>(StringComparer.Ordinal);
        int? codeColumn = null, valueColumn = null, yearColumn = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var raw = lines[i].Trim();
            if (raw.Length == 0)
            {
                continue;
            }

            var fields = Split(raw, separator);
            if (codeColumn is null)
            {
                // The first line with one of the county's municipality codes decides the layout; anything before is a
                // heading (which may hold a year such as "2025", so a four-digit number alone is not enough).
                var found = fields.Select((f, index) => (Code: CodeIn(f), index)).FirstOrDefault(x => x.Code is not null && municipalities.ContainsKey(x.Code));
                if (found.Code is null)
                {
                    yearColumn = Array.FindIndex(fields, f => f.Trim().Equals("year", StringComparison.OrdinalIgnoreCase) || f.Trim().Equals("år", StringComparison.OrdinalIgnoreCase));
                    continue;
                }

                codeColumn = found.index;
                valueColumn = fields.Length - 1;
            }

            if (fields.Length <= Math.Max(codeColumn.Value, valueColumn!.Value))
            {
                errors.Add(new(number, $"Rad {number} har för få fält (väntade minst {valueColumn + 1}, avgränsare '{separator}')."));
                continue;
            }

            if (yearColumn is >= 0 && yearColumn < fields.Length && int.TryParse(fields[yearColumn.Value].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rowYear) && rowYear != year)
            {
                continue;
            }

            var code = CodeIn(fields[codeColumn.Value]);
            if (code is null)
            {
                errors.Add(new(number, $"Rad {number}: '{fields[codeColumn.Value].Trim()}' är ingen kommunkod (fyra siffror)."));
                continue;
            }

            if (!municipalities.ContainsKey(code))
            {
                errors.Add(new(number, $"Rad {number}: kommunkoden {code} hör inte till länet."));
                continue;
            }

            var valueText = fields[valueColumn.Value].Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
            if (!int.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var population) || population <= 0)
            {
                errors.Add(new(number, $"Rad {number}: folkmängden för {municipalities[code]} ('{fields[valueColumn.Value].Trim()}') ska vara ett positivt heltal."));
                continue;
            }

            if (seenLine.TryGetValue(code, out var first))
            {
                errors.Add(new(number, $"Rad {number}: {municipalities[code]} ({code}) förekommer redan på rad {first}."));
                continue;
            }

            seenLine[code] = number;
            figures[code] = population;
        }

        if (codeColumn is null)
        {
            errors.Add(new(0, "Filen innehåller inga rader med kommunkoder."));
        }
        else
        {
            foreach (var missing in municipalities.Where(m => !seenLine.ContainsKey(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                errors.Add(new(0, $"Folkmängd saknas för {missing.Value} ({missing.Key})."));
            }
        }

        return errors.Count > 0 ? (new Dictionary<string, int>(), errors) : (figures, errors);
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    /// <summary>A four-digit code at the start of a field: "1980", "1980 Västerås", "\"1980\"".</summary>
    private static string? CodeIn(string field)
    {
        var f = field.Trim().Trim('"').Trim();
        return f.Length >= 4 && f[..4].All(char.IsAsciiDigit) && (f.Length == 4 || f[4] == ' ') ? f[..4] : null;
    }

    private static string[] Split(string line, char separator)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
