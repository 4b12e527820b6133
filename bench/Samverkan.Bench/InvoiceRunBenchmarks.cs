using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Features.Invoicing;

if (args.FirstOrDefault() == "fund")
{
    await FundBench.RunAsync(args[1..]);
    return;
}

if (args.FirstOrDefault() == "load")
{
    await LoadBench.RunAsync(args[1..]);
    return;
}

if (args.FirstOrDefault() == "cases")
{
    await CaseBench.RunAsync(args[1..]);
    return;
}

if (args.FirstOrDefault() == "national")
{
    await NationalData.RunAsync(args[1..]);
    return;
}

BenchmarkRunner.Run<InvoiceRunBenchmarks>(args: args);

/// <summary>
/// The cost-sharing and invoicing work for a county of 290 municipalities (all of Sweden's): the allocation, and a
/// full run of one instalment with a PDF and a UBL document per municipality. In memory: the database round trips of
/// a real run are measured by the feature tests, not here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class InvoiceRunBenchmarks
{
    private const int Municipalities = 290;
    private readonly Guid county = Guid.NewGuid();
    private List<Party> parties = [];
    private Party region = null!;
    private List<KeyMunicipality> keyed = [];
    private CostModel model = null!;
    private Invoice sample = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(290);
        region = new Party(county, PartyKind.Region, "Region Test", null, Number("232100099"));
        parties = Enumerable.Range(0, Municipalities)
            .Select(i => new Party(county, PartyKind.Municipality, $"Kommun {i:000}", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Number($"212000{i:000}")))
            .ToList();
        keyed = parties.Select(p => new KeyMunicipality(p.MunicipalityCode!, p.Name, random.Next(2_000, 1_000_000))).ToList();
        model = new CostModel(county, Guid.NewGuid(), 2023, 14_840_000m, "Aktuell kostnadsnivå 2023");
        model.SetBooking("1510", "3990", "5050-1055");
        sample = Raise(Allocation.Allocate(14_840_000m, AllocationKey.ByPopulation.Weights(keyed)))[0];
    }

    [Benchmark]
    public IReadOnlyList<AllocationLine> Allocation290() => Allocation.Allocate(14_840_000m, AllocationKey.ByPopulation.Weights(keyed));

    [Benchmark]
    public byte[] OneInvoicePdf() => InvoicePdf.Write(sample, region, parties[0], model, "Överenskommelse om samverkan", "RS 1-2026");

    [Benchmark]
    public int FullRun290WithPdfAndUbl()
    {
        var invoices = Raise(Allocation290());
        var bytes = 0;
        for (var i = 0; i < invoices.Count; i++)
        {
            bytes += InvoicePdf.Write(invoices[i], region, parties[i], model, "Överenskommelse om samverkan", "RS 1-2026").Length;
            bytes += UblInvoice.Create(invoices[i], region, parties[i], model, "RS 1-2026").ToString().Length;
        }

        return bytes;
    }

    private List<Invoice> Raise(IReadOnlyList<AllocationLine> lines) => lines.Select((line, i) => new Invoice(county, model.AgreementId, parties[i].Id, 2026, i + 1,
        InvoiceKind.Invoice, InvoicePurpose.Instalment, 1, Instalments.First(line.Amount), false, new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 1),
        "Regional samverkan 2026, delbetalning 1 av 2", Derivation(line))).ToList();

    private static string Derivation(AllocationLine line) => $$"""
        {"agreement":"Överenskommelse om samverkan","agreementCaseNumber":"RS 1-2026","year":2026,"costLevelChain":[{"year":2023,"level":14840000,"rule":null,"changePercent":null,"preliminary":false,"explanation":"Aktuell kostnadsnivå 2023: 14 840 000 kr."}],
        "costLevel":14840000,"costLevelPreliminary":false,"populationReferenceDate":"2025-12-31","population":{{(int)line.Weight}},"totalPopulation":1,"share":{{line.Share.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
        "exactAmount":{{line.Exact.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"annualAmount":{{line.Amount}},"roundingAdded":{{line.RoundingAdded}},"previouslyInvoiced":0,"calculation":"Delbetalning 1 = hälften av årsbeloppet."}
        """;

    private static string Number(string nine) => $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";
}
