using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

/// <summary>
/// Co-financing or leverage per source (seed 004: business, state, EU; and anything else), in kronor with öre. The same
/// value is planned in a proposal and reported as obtained in a yearly outcome report, so the two can be compared.
/// </summary>
public sealed record Leverage(decimal Business, decimal State, decimal Eu, decimal Other)
{
    public static readonly Leverage None = new(0m, 0m, 0m, 0m);

    public decimal Total => Business + State + Eu + Other;

    /// <summary>Refuses a negative amount or one with more than öre.</summary>
    public Leverage Checked()
    {
        foreach (var amount in new[] { Business, State, Eu, Other })
        {
            if (Money.Sek(amount) is { IsNegative: true } or { HasAtMostOre: false })
            {
                throw new DomainRuleException("LeverageAmount", "Medfinansiering anges i kronor, noll eller mer, med högst två decimaler.");
            }
        }

        return this;
    }
}
