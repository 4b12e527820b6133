using FsCheck;
using FsCheck.Fluent;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;

namespace Samverkan.Tests.Domain;

/// <summary>DOMAIN.md, Economy and Numbers: the allocation, the cost level chain and the instalments.</summary>
public sealed class CostSharingTests
{
    /// <summary>A fixed seed, printed with each property's output, so that a failure can be replayed exactly.</summary>
    private const ulong Seed = 20_261_123UL;
    private const ulong Gamma = 1_442_695_040_888_963_407UL;

    private static Config Checks
    {
        get
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"FsCheck replay seed ({Seed},{Gamma})");
            return Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(new Replay(new Rnd(Seed, Gamma), null));
        }
    }

    private static IReadOnlyList<AllocationWeight> Weights(int[] populations) =>
        populations.Select((p, i) => new AllocationWeight((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), p)).ToList();

    private static Arbitrary<(int[] Populations, long Total)> Cases() =>
        (from count in Gen.Choose(1, 60)
         from populations in Gen.ArrayOf(Gen.Choose(1, 1_000_000), count)
         from total in Gen.Choose(0, int.MaxValue)
         select (populations, (long)total)).ToArbitrary();

    [Fact]
    public void Allocation_AlwaysAddsUpExactlyToTheTotal()
    {
        Prop.ForAll(Cases(), c => Allocation.Allocate(c.Total, Weights(c.Populations)).Sum(l => l.Amount) == c.Total).Check(Checks);
    }

    [Fact]
    public void Allocation_NeverGivesAMunicipalityLessThanOneWithASmallerPopulation()
    {
        Prop.ForAll(Cases(), c =>
        {
            var lines = Allocation.Allocate(c.Total, Weights(c.Populations));
            return lines.All(a => lines.All(b => !(a.Weight > b.Weight) || a.Amount >= b.Amount));
        }).Check(Checks);
    }

    [Fact]
    public void Allocation_IsDeterministic_AndInWholeKronor()
    {
        Prop.ForAll(Cases(), c =>
        {
            var first = Allocation.Allocate(c.Total, Weights(c.Populations));
            var second = Allocation.Allocate(c.Total, Weights(c.Populations).Reverse().ToList());
            return first.All(l => l.Amount == decimal.Truncate(l.Amount) && second.Single(s => s.Key == l.Key).Amount == l.Amount);
        }).Check(Checks);
    }

    [Fact]
    public void Allocation_TiesAreBrokenByTheLowestMunicipalityCode()
    {
        var lines = Allocation.Allocate(10m, [new("1984", 1), new("1904", 1), new("1980", 1)]);

        lines.Single(l => l.Key == "1904").Amount.ShouldBe(4m);
        lines.Single(l => l.Key == "1980").Amount.ShouldBe(3m);
        lines.Single(l => l.Key == "1984").Amount.ShouldBe(3m);
    }

    [Fact]
    public void Allocation_OfAnAmountInOre_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => Allocation.Allocate(100.50m, [new("1980", 1)])).Rule.ShouldBe("AllocationTotal");
    }

    [Fact]
    public void MixKey_TwentyPercentEqualAndEightyByPopulation()
    {
        var municipalities = new List<KeyMunicipality> { new("0001", "A", 300), new("0002", "B", 100) };

        var lines = Allocation.Allocate(1000m, new AllocationKey.MixKey(20).Weights(municipalities));

        // A: 0.2/2 + 0.8 × 0.75 = 0.7; B: 0.1 + 0.2 = 0.3.
        lines.Select(l => l.Amount).ShouldBe([700m, 300m]);
    }

    [Fact]
    public void EqualKey_SharesAlike()
    {
        var lines = Allocation.Allocate(900m, AllocationKey.EqualShares.Weights([new("0001", "A", 5), new("0002", "B", 500), new("0003", "C", 50_000)]));

        lines.ShouldAllBe(l => l.Amount == 300m);
    }

    private static CostModel Vastmanland()
    {
        var model = new CostModel(Guid.NewGuid(), Guid.NewGuid(), 2023, 14_840_000m, "Aktuell kostnadsnivå 2023");
        model.SetRule(new YearRule(2024, YearRuleKind.NoUplift, null, null, "avsnitt 5", null));
        model.SetRule(new YearRule(2025, YearRuleKind.NoUplift, null, null, "avsnitt 5", null));
        return model;
    }

    [Fact]
    public void CostLevel_2023Is14840Tkr_AndStaysThrough2025_ThenFollowsLpik()
    {
        var index = new[] { new IndexPoint("LPIK", 2026, 3.1m, true, "test") };

        var derivation = Vastmanland().Derive(2026, index);

        derivation.Steps.Select(s => s.Level).ShouldBe([14_840_000m, 14_840_000m, 14_840_000m, 15_300_040m]);
        derivation.IsPreliminary.ShouldBeFalse();
        derivation.Steps[^1].Explanation.ShouldContain("LPIK per 1 mars 2026");
        SwedishText.Tkr(derivation.Steps[0].Level).ShouldBe("14 840 tkr");
    }

    [Fact]
    public void CostLevel_OnAForecastIndex_IsPreliminary()
    {
        var derivation = Vastmanland().Derive(2026, [new IndexPoint("LPIK", 2026, 3.0m, false, "prognos")]);

        derivation.IsPreliminary.ShouldBeTrue();
        derivation.Steps[^1].Explanation.ShouldContain("prognos");
    }

    [Fact]
    public void CostLevel_WithoutTheYearsIndex_CannotBeDerived()
    {
        Should.Throw<DomainRuleException>(() => Vastmanland().Derive(2026, [])).Message.ShouldBe("LPIK för 2026 saknas; kostnadsnivån för 2026 kan inte räknas fram.");
    }

    [Fact]
    public void AgreedUplift_DecidedBy31August_Applies()
    {
        var model = Vastmanland();
        model.SetRule(new YearRule(2026, YearRuleKind.AgreedPercentage, 2m, null, "RS 2026-08-31 § 80", new DateOnly(2026, 8, 31)));

        model.Derive(2026, []).Level.ShouldBe(15_136_800m);
    }

    [Fact]
    public void AgreedUplift_DecidedAfter31August_IsRefused()
    {
        var e = Should.Throw<DomainRuleException>(() =>
            Vastmanland().SetRule(new YearRule(2026, YearRuleKind.AgreedPercentage, 2m, null, "RS 2026-09-01 § 81", new DateOnly(2026, 9, 1))));

        e.Rule.ShouldBe("AgreedUpliftDeadline");
        e.Message.ShouldContain("senast 2026-08-31");
    }

    [Fact]
    public void NewTermLevel_ReplacesTheChain()
    {
        var model = Vastmanland();
        model.SetRule(new YearRule(2027, YearRuleKind.NewTermLevel, 16_000_000m, null, "RF 2026-11-24 § 140", new DateOnly(2026, 11, 24)));

        model.Derive(2027, [new IndexPoint("LPIK", 2026, 3.1m, true, "test")]).Level.ShouldBe(16_000_000m);
    }

    [Fact]
    public void Instalments_AreHalfRoundedDownAndTheRest_AddingUpToTheYear()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), annual =>
        {
            var first = Instalments.First(annual);
            var second = Instalments.Second(annual, first);
            return first + second == annual && first <= second && second - first <= 1;
        }).Check(Checks);
        Instalments.First(1_234_567m).ShouldBe(617_283m);
    }

    [Fact]
    public void SecondInstalment_TruesUpAPreliminaryFirst()
    {
        var preliminaryFirst = Instalments.First(1_000_000m);

        Instalments.Second(1_010_000m, preliminaryFirst).ShouldBe(510_000m);
    }

    [Fact]
    public void Settlement_IsTheYearsCostProRataLessWhatWasPaid()
    {
        var settlement = Settlement.Propose(365_000m, new DateOnly(2025, 6, 30), 182_500m);

        settlement.DaysCovered.ShouldBe(181);
        settlement.DueForPeriod.ShouldBe(181_000m);
        settlement.Balance.ShouldBe(-1_500m);
    }

    [Fact]
    public void Instalments_AreDueOnTheFirstOfFebruaryAndTheFirstOfAugust()
    {
        var model = new CostModel(Guid.NewGuid(), Guid.NewGuid(), 2023, 14_840_000m, "Aktuell kostnadsnivå 2023");

        model.DueDate(2027, 1).ShouldBe(new DateOnly(2027, 2, 1));
        model.DueDate(2027, 2).ShouldBe(new DateOnly(2027, 8, 1));
    }

    [Fact]
    public void AnInstalmentRaisedAfterItsDueDate_IsDueThirtyDaysAfterTheInvoiceDate_OtherwiseOnTheAgreedDate()
    {
        var model = new CostModel(Guid.NewGuid(), Guid.NewGuid(), 2023, 14_840_000m, "Aktuell kostnadsnivå 2023");

        model.EffectiveDueDate(2026, 1, new DateOnly(2026, 1, 10)).ShouldBe(new DateOnly(2026, 2, 1));
        model.EffectiveDueDate(2026, 1, new DateOnly(2026, 2, 1)).ShouldBe(new DateOnly(2026, 2, 1));
        model.EffectiveDueDate(2026, 1, new DateOnly(2026, 2, 2)).ShouldBe(new DateOnly(2026, 3, 4));
        model.EffectiveDueDate(2026, 2, new DateOnly(2026, 11, 22)).ShouldBe(new DateOnly(2026, 12, 22));
    }
}
