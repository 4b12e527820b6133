using System.Reflection;
using Samverkan.Domain.Counties;

namespace Samverkan.Web.Demo;

/// <summary>The counties, municipalities and population shipped with the product for demo data (copied from shared/data).</summary>
internal static class ReferenceData
{
    public sealed record MunicipalityRow(string CountyCode, string CountyName, string Code, string Name);

    public sealed record PopulationRow(string MunicipalityCode, int Year, int Population);

    public static IReadOnlyList<MunicipalityRow> Municipalities() =>
        ReadCsv("municipalities.csv").Select(f => new MunicipalityRow(f[0], f[1], f[2], f[3])).ToList();

    public static IReadOnlyList<PopulationRow> Population() =>
        ReadCsv("population-2020-2021.csv").Select(f => new PopulationRow(f[1], int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    /// <summary>
    /// A well-formed placeholder organisation number (212000-NNNC for municipalities, 232100-0CCC for regions) with a
    /// valid check digit. Demo data only: the real numbers are entered by each county.
    /// </summary>
    public static string DemoOrganisationNumber(PartyKind kind, string code)
    {
        var nine = kind == PartyKind.Municipality ? "212000" + code[1..] : "2321000" + code;
        return $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";
    }

    private static List<string[]> ReadCsv(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SeedData." + name)
            ?? throw new InvalidOperationException($"Embedded reference data {name} is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                rows.Add(line.Split(','));
            }
        }

        return rows;
    }
}
