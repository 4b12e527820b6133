using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samverkan.Web.Infrastructure.Documents;

/// <summary>One sheet of a workbook: its name, the header row and the rows.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows);

/// <summary>Tables for Excel and other programs: CSV (semicolon, UTF-8 with BOM, as Swedish Excel reads it) and XLSX.</summary>
public static class Tabular
{
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', headers.Select(h => Quote(Neutralise(h)))));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(';', row.Select(v => Quote(v is string s ? Neutralise(s) : Format(v)))));
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>One sheet; numbers stay numbers so sums can be checked in Excel.</summary>
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows) => Xlsx([new XlsxSheet(sheetName, headers, rows)]);

    /// <summary>Several sheets in one workbook, in the order given.</summary>
    public static byte[] Xlsx(IReadOnlyList<XlsxSheet> content)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (sheetName, headers, rows) in content)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(headers.Cast<object?>().ToArray()));
                foreach (var row in rows)
                {
                    data.Append(Row(row));
                }

                sheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
            }

            workbook.Workbook.Save();
        }

        return memory.ToArray();
    }

    private static Row Row(object?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(value switch
            {
                decimal or int or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(value)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        return row;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        // Swedish decimal comma, but an ASCII minus: spreadsheets do not read U+2212 as a sign.
        decimal d => d.ToString(CultureInfo.GetCultureInfo("sv-SE")).Replace('\u2212', '-'),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// Text that a spreadsheet would take for a formula (=, +, -, @, tab or carriage return first) gets a leading
    /// apostrophe, so a name like <c>=HYPERLINK(...)</c> stays text (OWASP, CSV injection). Numbers are not text and
    /// keep their sign.
    /// </summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Quote(string value) =>
        value.Contains(';', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
