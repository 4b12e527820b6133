using System.Reflection;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Samverkan.Web.Infrastructure.Documents;

/// <summary>DejaVu Sans shipped inside the assembly, so documents render the same on every machine (å, ä, ö, §, –).</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool configured;

    public static void Configure()
    {
        lock (Gate)
        {
            if (configured)
            {
                return;
            }

            PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            configured = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Fonts = new(StringComparer.Ordinal);

    public byte[]? GetFont(string faceName) => Fonts.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

/// <summary>A4 documents written top to bottom: headings, wrapped paragraphs, label/value pairs and tables, with page breaks.</summary>
internal sealed class PdfWriter : IDisposable
{
    private const double Margin = 56;
    private readonly PdfDocument document;
    private readonly XFont regular;
    private readonly XFont bold;
    private readonly XFont small;
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;

    public PdfWriter(string title)
    {
        // Before the first PdfDocument: it checks the licence when it is created.
        EmbeddedFontResolver.Configure();
        document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Samverkan";
        document.Language = "sv-SE";
        regular = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
        bold = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
        small = new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular);
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;

    public void Heading(string text, double size = 16)
    {
        var font = new XFont(EmbeddedFontResolver.Family, size, XFontStyleEx.Bold);
        Space(size * 0.4);
        WriteWrapped(text, font, Margin, Width);
        Space(size * 0.3);
    }

    public void Paragraph(string text, bool isBold = false, bool isSmall = false)
    {
        WriteWrapped(text, isSmall ? small : isBold ? bold : regular, Margin, Width);
        Space(4);
    }

    public void Field(string label, string value, double labelWidth = 140)
    {
        // The label and its value start on the same page; otherwise a page break in one would split them apart.
        var lines = Math.Max(Wrap(label, bold, labelWidth - 8).Count, Wrap(value, regular, Width - labelWidth).Count);
        Ensure(lines * regular.Height * 1.2);
        var before = y;
        WriteWrapped(label, bold, Margin, labelWidth - 8);
        var afterLabel = y;
        y = before;
        WriteWrapped(value, regular, Margin + labelWidth, Width - labelWidth);
        y = Math.Max(y, afterLabel);
    }

    /// <summary>A table; <paramref name="widths"/> are fractions of the text width, <paramref name="right"/> right-aligns numbers.</summary>
    public void Table(string[] headers, double[] widths, IEnumerable<string[]> rows, bool[]? right = null)
    {
        right ??= new bool[headers.Length];
        void Row(string[] cells, XFont font)
        {
            var lines = cells.Select((c, i) => Wrap(c, font, widths[i] * Width - 6)).ToList();
            var height = lines.Max(l => l.Count) * font.Height * 1.15 + 4;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var lineY = y + 2;
                foreach (var line in lines[i])
                {
                    var w = widths[i] * Width;
                    var format = right[i] ? XStringFormats.TopRight : XStringFormats.TopLeft;
                    graphics.DrawString(line, font, XBrushes.Black, new XRect(x + 3, lineY, w - 6, font.Height), format);
                    lineY += font.Height * 1.15;
                }

                x += widths[i] * Width;
            }

            y += height;
            graphics.DrawLine(new XPen(XColors.Gray, 0.5), Margin, y, Margin + Width, y);
        }

        Row(headers, bold);
        foreach (var row in rows)
        {
            Row(row, regular);
        }

        Space(8);
    }

    public void Space(double points) => y += points;

    public byte[] ToBytes()
    {
        graphics.Dispose();
        using var memory = new MemoryStream();
        document.Save(memory, false);
        return memory.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    private void WriteWrapped(string text, XFont font, double x, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            Ensure(font.Height * 1.2);
            graphics.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, font.Height), XStringFormats.TopLeft);
            y += font.Height * 1.2;
        }
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = string.Empty;
            foreach (var whole in paragraph.Split(' '))
            {
                // A word wider than the column is broken, so that it never runs into the next column.
                var word = whole;
                while (graphics.MeasureString(word, font).Width > width && word.Length > 1)
                {
                    if (current.Length > 0)
                    {
                        lines.Add(current);
                        current = string.Empty;
                    }

                    var fits = 1;
                    while (fits < word.Length && graphics.MeasureString(word[..(fits + 1)] + "-", font).Width <= width)
                    {
                        fits++;
                    }

                    lines.Add(word[..fits] + "-");
                    word = word[fits..];
                }

                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private void Ensure(double height)
    {
        if (y + height > page.Height.Point - Margin)
        {
            graphics.Dispose();
            NewPage();
        }
    }

    private void NewPage()
    {
        page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }
}
