using Samverkan.Web.Infrastructure.Reference;

/// <summary>
/// Sweden's 21 counties (län) and 290 municipalities with their official codes (SCB's county and municipality codes,
/// as in force since 2007, when Heby moved to Uppsala län), and each county's region by its own name.
/// Read from the list the product ships (<see cref="NationalReference"/>); the national-scale dataset builds on it.
/// </summary>
public static class NationalMunicipalities
{
    public sealed record CountyRow(string Code, string Name, string RegionName);

    public sealed record MunicipalityRow(string CountyCode, string Code, string Name);

    public static IReadOnlyList<CountyRow> Counties { get; } =
        NationalReference.Counties.Select(c => new CountyRow(c.Code, c.Name, c.RegionName)).ToList();

    public static IReadOnlyList<MunicipalityRow> Municipalities { get; } =
        NationalReference.Municipalities.Select(m => new MunicipalityRow(m.CountyCode, m.Code, m.Name)).ToList();

    /// <summary>
    /// Rough populations of the largest municipalities, so that the cost sharing of a generated county looks like its
    /// real one (the capital carries the largest share); every other municipality gets a generated figure.
    /// </summary>
    public static IReadOnlyDictionary<string, int> LargeMunicipalities { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["0180"] = 980_000, ["1480"] = 590_000, ["1280"] = 360_000, ["0380"] = 240_000, ["0580"] = 165_000, ["1980"] = 157_000,
        ["1880"] = 157_000, ["1281"] = 127_000, ["1283"] = 150_000, ["0680"] = 143_000, ["0581"] = 144_000, ["2480"] = 131_000,
        ["0126"] = 114_000, ["0484"] = 107_000, ["1490"] = 114_000, ["1380"] = 104_000, ["2180"] = 103_000, ["0780"] = 95_000,
        ["1780"] = 95_000, ["2281"] = 99_000, ["0127"] = 96_000, ["0182"] = 108_000, ["2580"] = 79_000,
    };

    /// <summary>Refuses to go on when the product's list is not Sweden's (21 counties, 290 municipalities, codes starting with their county's).</summary>
    public static void Verify()
    {
        var problems = new List<string>();
        if (Counties.Count != 21)
        {
            problems.Add($"{Counties.Count} counties, not 21");
        }

        if (Municipalities.Count != 290)
        {
            problems.Add($"{Municipalities.Count} municipalities, not 290");
        }

        problems.AddRange(Municipalities.GroupBy(m => m.Code).Where(g => g.Count() > 1).Select(g => $"code {g.Key} twice"));
        problems.AddRange(Municipalities.Where(m => !m.Code.StartsWith(m.CountyCode, StringComparison.Ordinal)).Select(m => $"{m.Code} outside {m.CountyCode}"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The national municipality table is wrong: " + string.Join("; ", problems));
        }
    }
}
