using System.Reflection;

namespace Samverkan.Web.Infrastructure.Reference;

/// <summary>
/// Sweden's 21 counties with their regions and 290 municipalities with SCB's codes, shipped with the product
/// (SeedData/counties.csv and SeedData/municipalities.csv; source and date in SeedData/README.md), so that a county
/// adds its parties from the list instead of typing them. National reference data: only an administrator changes it,
/// by shipping a new file.
/// </summary>
public static class NationalReference
{
    public sealed record CountyRow(string Code, string Name, string RegionName);

    public sealed record MunicipalityRow(string CountyCode, string CountyName, string Code, string Name);

    private static readonly Lazy<IReadOnlyList<CountyRow>> CountyRows = new(() =>
        ReadCsv("counties.csv").Select(f => new CountyRow(f[0], f[1], f[2])).ToList());

    private static readonly Lazy<IReadOnlyList<MunicipalityRow>> MunicipalityRows = new(() =>
        ReadCsv("municipalities.csv").Select(f => new MunicipalityRow(f[0], f[1], f[2], f[3])).ToList());

    private static readonly Lazy<IReadOnlyList<(string Abbreviation, string Name)>> PoliticalPartyRows = new(() =>
        ReadCsv("political-parties.csv").Select(f => (f[0], f[1])).ToList());

    public static IReadOnlyList<CountyRow> Counties => CountyRows.Value;

    /// <summary>The parties of the Riksdag (SeedData/political-parties.csv), which every installation has from its first start.</summary>
    public static IReadOnlyList<(string Abbreviation, string Name)> PoliticalParties => PoliticalPartyRows.Value;

    public static IReadOnlyList<MunicipalityRow> Municipalities => MunicipalityRows.Value;

    public static CountyRow? County(string code) => Counties.FirstOrDefault(c => c.Code == code);

    public static IReadOnlyList<MunicipalityRow> MunicipalitiesOf(string countyCode) =>
        Municipalities.Where(m => m.CountyCode == countyCode).ToList();

    /// <summary>Rows of an embedded CSV file, without its header line.</summary>
    public static List<string[]> ReadCsv(string name)
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
