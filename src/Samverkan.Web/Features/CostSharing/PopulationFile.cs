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
    /// <summary>More than any Swedish municipality has (Stockholm about 1 million): a larger figure is a mistake in the file.</summary>
    public const int MaxPopulation = 1_500_000;

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
        string[]? header = null;
        var fieldCount = 0;

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
                    header = fields;
                    continue;
                }

                codeColumn = found.index;
                fieldCount = header?.Length ?? fields.Length;
                var yearName = year.ToString(CultureInfo.InvariantCulture);
                var named = header is null ? -1 : Array.FindIndex(header, f => f.Trim().Trim('"').Trim() == yearName);
                // Value columns: the numbers after the code column, apart from a year column.
                var candidates = Enumerable.Range(codeColumn.Value + 1, Math.Max(0, fields.Length - codeColumn.Value - 1))
                    .Where(c => c != yearColumn && IsNumber(fields[c])).ToList();
                if (named > codeColumn)
                {
                    valueColumn = named;
                }
                else if (candidates.Count == 1)
                {
                    valueColumn = candidates[0];
                }
                else if (candidates.Count == 0)
                {
                    // No clean number on the first line: the last column, and its line reports what is wrong with it.
                    valueColumn = fields.Length - 1;
                }
                else
                {
                    var names = header is null ? "utan rubriker" : "med rubrikerna " + string.Join(", ", candidates.Where(c => c < header.Length).Select(c => $"'{header[c].Trim().Trim('"')}'"));
                    errors.Add(new(number, $"Filen har {candidates.Count} kolumner med tal ({names}) och ingen av dem heter {year}. " +
                        $"Ta bort de andra kolumnerna eller ge kolumnen för {year} rubriken {year}; inget har lästs in."));
                    break;
                }
            }

            if (fields.Length > fieldCount)
            {
                errors.Add(new(number, $"Rad {number} har {fields.Length} fält men {(header is null ? "första raden" : "rubrikraden")} har {fieldCount} " +
                    $"(avgränsare '{separator}'). Står det ett tusentalsavgränsat tal utan citattecken, som 3,654? Skriv talen utan avgränsare."));
                continue;
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

            if (population > MaxPopulation)
            {
                errors.Add(new(number, $"Rad {number}: folkmängden för {municipalities[code]} ({SwedishThousands(population)}) är större än {SwedishThousands(MaxPopulation)}, vilket ingen kommun har. Kontrollera kolumnen."));
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
        else if (valueColumn is not null)
        {
            foreach (var missing in municipalities.Where(m => !seenLine.ContainsKey(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                errors.Add(new(0, $"Folkmängd saknas för {missing.Value} ({missing.Key})."));
            }
        }

        return errors.Count > 0 ? (new Dictionary<string, int>(), errors) : (figures, errors);
    }

    private static bool IsNumber(string field)
    {
        var text = field.Trim().Trim('"').Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        return text.Length > 0 && text.All(char.IsAsciiDigit);
    }

    private static string SwedishThousands(int value) => Samverkan.Domain.Common.SwedishText.Thousands(value);

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
