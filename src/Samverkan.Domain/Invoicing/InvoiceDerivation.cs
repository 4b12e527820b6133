using System.Text.Encodings.Web;
using System.Text.Json;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Invoicing;

/// <summary>One year of the cost level chain, as it stood when the invoice was raised.</summary>
public sealed record DerivationStep(int Year, decimal Level, string? Rule, decimal? ChangePercent, bool Preliminary, string Explanation);

/// <summary>Everything that explains an invoice's amount, stored with the invoice as it was when it was raised.</summary>
public sealed record InvoiceDerivation(
    string Agreement,
    string? AgreementCaseNumber,
    int Year,
    IReadOnlyList<DerivationStep> CostLevelChain,
    decimal CostLevel,
    bool CostLevelPreliminary,
    DateOnly PopulationReferenceDate,
    int Population,
    long TotalPopulation,
    decimal Share,
    decimal ExactAmount,
    decimal AnnualAmount,
    decimal RoundingAdded,
    decimal PreviouslyInvoiced,
    string Calculation)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static InvoiceDerivation Parse(Invoice invoice) => JsonSerializer.Deserialize<InvoiceDerivation>(invoice.Derivation, Options)!;

    /// <summary>The share in percent with four decimals, as shown on invoices and pages.</summary>
    public string SharePercent => (Share * 100).ToString("0.0000", SwedishText.Culture) + " %";

    public IEnumerable<string> Lines()
    {
        foreach (var step in CostLevelChain)
        {
            yield return $"{step.Year}: {step.Explanation}";
        }

        yield return $"Kostnadsnivå {Year}: {SwedishText.Kronor(CostLevel)}{(CostLevelPreliminary ? " (preliminär, index är en prognos)" : string.Empty)}.";
        yield return $"Folkmängd per {SwedishText.Date(PopulationReferenceDate)}: {SwedishText.Thousands(Population)} av {SwedishText.Thousands(TotalPopulation)} i länets kommuner, andel {SharePercent}.";
        yield return $"Exakt andel av kostnadsnivån: {ExactAmount.ToString("#,0.####", SwedishText.Culture).Replace('\u00A0', ' ')} kr; avrundat till hela kronor med största-restmetoden: {SwedishText.Kronor(AnnualAmount)}{(RoundingAdded > 0 ? " (avrundat uppåt 1 kr)" : " (avrundat nedåt)")}.";
        yield return Calculation;
    }
}
