using System.Text;
using Samverkan.Web.Features.CostSharing;

namespace Samverkan.Tests.Domain;

/// <summary>Population files as Statistics Sweden exports them, and the shape of shared/data.</summary>
public sealed class PopulationFileTests
{
    private static readonly Dictionary<string, string> Municipalities = new()
    {
        ["1980"] = "Västerås",
        ["1981"] = "Sala",
        ["1984"] = "Arboga",
    };

    static PopulationFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void ScbExport_WithSemicolonsAndRegionColumn_InWindows1252_IsRead()
    {
        var text = "\"region\";\"ålder\";\"2025\"\r\n\"1980 Västerås\";\"totalt ålder\";\"158 653\"\r\n\"1981 Sala\";\"totalt ålder\";\"23 000\"\r\n\"1984 Arboga\";\"totalt ålder\";\"14 000\"\r\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.GetEncoding(1252).GetBytes(text), 2025, Municipalities);

        errors.ShouldBeEmpty();
        figures["1980"].ShouldBe(158_653);
        figures["1984"].ShouldBe(14_000);
    }

    [Fact]
    public void SharedDataShape_WithCommasAndSeveralYears_ReadsOnlyTheAskedYear()
    {
        var text = "county_code,municipality_code,municipality,year,population\n19,1980,Västerås,2020,155551\n19,1980,Västerås,2021,156838\n" +
                   "19,1981,Sala,2021,22900\n19,1981,Sala,2020,22800\n19,1984,Arboga,2021,14000\n19,1984,Arboga,2020,13900\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes(text), 2021, Municipalities);

        errors.ShouldBeEmpty();
        figures.ShouldBe(new Dictionary<string, int> { ["1980"] = 156_838, ["1981"] = 22_900, ["1984"] = 14_000 }, ignoreOrder: true);
    }

    [Fact]
    public void PlainCodeColumn_IsRead()
    {
        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes("kod;folkmängd\n1980;1\n1981;2\n1984;3\n"), 2025, Municipalities);

        errors.ShouldBeEmpty();
        figures.Values.Sum().ShouldBe(6);
    }

    [Fact]
    public void EveryProblem_IsListedWithItsLine_AndNothingIsRead()
    {
        var text = "kod;folkmängd\n1980;-5\n1980;100\n2480;300\n1981;12,5\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes(text), 2025, Municipalities);

        figures.ShouldBeEmpty();
        errors.Select(e => e.Message).ShouldBe(
        [
            "Rad 2: folkmängden för Västerås ('-5') ska vara ett positivt heltal.",
            "Rad 4: kommunkoden 2480 hör inte till länet.",
            "Rad 5: folkmängden för Sala ('12,5') ska vara ett positivt heltal.",
            "Folkmängd saknas för Sala (1981).",
            "Folkmängd saknas för Arboga (1984).",
        ]);
    }

    [Fact]
    public void AMunicipalityTwice_IsAnError()
    {
        var (_, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes("1980;1\n1981;2\n1984;3\n1981;4\n"), 2025, Municipalities);

        errors.Single().Message.ShouldBe("Rad 4: Sala (1981) förekommer redan på rad 2.");
    }

    [Fact]
    public void SeveralValueColumns_WithoutTheYearNamed_AreRefused()
    {
        var text = "region;2040;2041\n1980 Västerås;170000;171000\n1981 Sala;24000;24100\n1984 Arboga;14500;14600\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes(text), 2025, Municipalities);

        figures.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().ShouldBe(new PopulationFileError(2,
            "Filen har 2 kolumner med tal (med rubrikerna '2040', '2041') och ingen av dem heter 2025. Ta bort de andra kolumnerna eller ge kolumnen för 2025 rubriken 2025; inget har lästs in."));
    }

    [Fact]
    public void SeveralValueColumns_TheColumnNamedForTheYearIsRead()
    {
        var text = "region;2040;2041\n1980 Västerås;170000;171000\n1981 Sala;24000;24100\n1984 Arboga;14500;14600\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes(text), 2041, Municipalities);

        errors.ShouldBeEmpty();
        figures.ShouldBe(new Dictionary<string, int> { ["1980"] = 171_000, ["1981"] = 24_100, ["1984"] = 14_600 }, ignoreOrder: true);
    }

    [Fact]
    public void ALineWithMoreFieldsThanTheHeader_IsRefusedWithItsLineNumber()
    {
        var text = "region,2025\n1980 Västerås,158653\n1981 Sala,3,654\n1984 Arboga,14000\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes(text), 2025, Municipalities);

        figures.ShouldBeEmpty();
        errors.Select(e => e.Line).ShouldBe([3, 0]);
        errors[0].Message.ShouldStartWith("Rad 3 har 3 fält men rubrikraden har 2 (avgränsare ',').");
        errors[1].Message.ShouldBe("Folkmängd saknas för Sala (1981).");
    }

    [Fact]
    public void APopulationAbove1500000_IsRefused()
    {
        var text = "kod;folkmängd\n1980;2147483647\n1981;1500001\n1984;1500000\n";

        var (figures, errors) = PopulationFile.Parse(Encoding.UTF8.GetBytes(text), 2025, Municipalities);

        figures.ShouldBeEmpty();
        errors.Select(e => e.Line).ShouldBe([2, 3, 0, 0]);
        errors[1].Message.ShouldBe("Rad 3: folkmängden för Sala (1 500 001) är större än 1 500 000, vilket ingen kommun har. Kontrollera kolumnen.");
    }
}
