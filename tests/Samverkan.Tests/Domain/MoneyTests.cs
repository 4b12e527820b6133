using Samverkan.Domain.Common;

namespace Samverkan.Tests.Domain;

/// <summary>DOMAIN.md, Numbers: money is whole kronor or kronor and öre, and it is rounded one way.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(3.5, 4)]
    [InlineData(-2.5, -3)]
    [InlineData(2.49, 2)]
    public void RoundToKronor_RoundsHalfAKronaAwayFromZero(decimal exact, decimal rounded)
    {
        Money.Sek(exact).RoundToKronor().ShouldBe(Money.Sek(rounded));
    }

    [Fact]
    public void RoundDownToKronor_DropsTheOre()
    {
        Money.Sek(617_283.99m).RoundDownToKronor().Value.ShouldBe(617_283m);
    }

    [Fact]
    public void Vat_RoundsHalfAnOreAwayFromZero_NotToEven()
    {
        // 1 001 kr at 12,5 % is 125,125 kr: half an öre, which rounding to even would take down to 125,12 kr.
        decimal.Round(125.125m, 2).ShouldBe(125.12m);

        Money.Sek(1_001m).Vat(12.5m).Value.ShouldBe(125.13m);
        Money.Sek(-1_001m).Vat(12.5m).Value.ShouldBe(-125.13m);
        Money.Sek(1_000m).Vat(25m).Value.ShouldBe(250m);
    }

    [Theory]
    [InlineData(1_000, true, true)]
    [InlineData(1_000.5, false, true)]
    [InlineData(1_000.25, false, true)]
    [InlineData(1_000.255, false, false)]
    public void WholeKronorAndOre_AreTold(decimal amount, bool wholeKronor, bool atMostOre)
    {
        Money.Sek(amount).IsWholeKronor.ShouldBe(wholeKronor);
        Money.Sek(amount).HasAtMostOre.ShouldBe(atMostOre);
    }

    [Fact]
    public void Kronor_WithOre_IsRefusedInTheRulesOwnWords()
    {
        var refusal = Should.Throw<DomainRuleException>(() => Money.Kronor(10.5m, "ProjectTotal", "Projektets totala belopp ska anges i hela kronor."));

        refusal.Rule.ShouldBe("ProjectTotal");
        refusal.Message.ShouldBe("Projektets totala belopp ska anges i hela kronor.");
        Money.Kronor(10m, "ProjectTotal", "-").Value.ShouldBe(10m);
    }

    [Fact]
    public void Ore_WithMoreThanTwoDecimals_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => Money.Ore(1.001m, "LedgerAmountOre", "Beloppet anges i kronor med högst två decimaler (öre).")).Rule.ShouldBe("LedgerAmountOre");
        Money.Ore(1.01m, "LedgerAmountOre", "-").Value.ShouldBe(1.01m);
    }

    [Fact]
    public void Money_ReadsAsSwedishKronor()
    {
        Money.Sek(1_234_567m).ToString().ShouldBe("1 234 567 kr");
        Money.Sek(1_250_000.5m).ToString().ShouldBe("1 250 000,50 kr");
        (Money.Sek(10m) - Money.Sek(12.5m)).Abs().ShouldBe(Money.Sek(2.5m));
    }
}
