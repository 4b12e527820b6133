using Samverkan.Domain.Counties;
using Samverkan.Web.Infrastructure.Reference;

namespace Samverkan.Web.Demo;

/// <summary>The population of the seed counties and placeholder organisation numbers, for demo data only.</summary>
internal static class ReferenceData
{
    public sealed record PopulationRow(string MunicipalityCode, int Year, int Population);

    public static IReadOnlyList<PopulationRow> Population() =>
        NationalReference.ReadCsv("population-2020-2021.csv").Select(f => new PopulationRow(f[1], int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
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
}
