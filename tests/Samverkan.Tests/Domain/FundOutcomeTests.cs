using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;

namespace Samverkan.Tests.Domain;

/// <summary>Seed 004's yearly outcome reports, the proposal's recipient, and a closed year that takes no entries.</summary>
public sealed class FundOutcomeTests
{
    private static (FundBuilder F, Initiative I) Decided(DateOnly decidedOn)
    {
        var f = new FundBuilder();
        var i = f.Granted();
        i.Decide(f.Fund, 1_000_000m, "RS 1", decidedOn, "t", f.Validity);
        return (f, i);
    }

    [Fact]
    public void OutcomeReport_IsOwedForEveryYearOfThePeriod_FromTheDecision()
    {
        // The period is 2023–2025; decided in 2023.
        var (_, i) = Decided(new DateOnly(2023, 5, 1));
        i.ReportYears().ShouldBe([2023, 2024, 2025]);
        OutcomeReport.DueFor(2023).ShouldBe(new DateOnly(2024, 3, 31));
    }

    [Fact]
    public void OutcomeReport_NotYetDecided_IsOwedForNoYear()
    {
        new FundBuilder().Granted().ReportYears().ShouldBeEmpty();
    }

    [Fact]
    public void OutcomeReport_AfterItsDueDate_IsOverdue_UntilItIsIn()
    {
        var (_, i) = Decided(new DateOnly(2023, 5, 1));
        i.OverdueReportYears(new DateOnly(2024, 3, 31)).ShouldBeEmpty();
        i.OverdueReportYears(new DateOnly(2024, 4, 1)).ShouldBe([2023]);

        i.ReportOutcome(2023, "Framdrift", "Resultat", new Leverage(1m, 2m, 3m, 0.5m), "Härnäst", new DateOnly(2024, 4, 2), "VRAG");

        i.OverdueReportYears(new DateOnly(2024, 4, 2)).ShouldBeEmpty();
        i.OutcomeReports.Single().Obtained.Total.ShouldBe(6.5m);
    }

    [Fact]
    public void OutcomeReport_TwiceForOneYear_IsRefused()
    {
        var (_, i) = Decided(new DateOnly(2023, 5, 1));
        i.ReportOutcome(2023, "a", "b", Leverage.None, "c", new DateOnly(2024, 3, 1), "VRAG");
        Should.Throw<DomainRuleException>(() => i.ReportOutcome(2023, "a", "b", Leverage.None, "c", new DateOnly(2024, 3, 2), "VRAG"))
            .Rule.ShouldBe("OutcomeReportTwice");
    }

    [Fact]
    public void OutcomeReport_ForAYearNotOwed_OrNotBegun_IsRefused()
    {
        var (_, i) = Decided(new DateOnly(2023, 5, 1));
        Should.Throw<DomainRuleException>(() => i.ReportOutcome(2022, "a", "b", Leverage.None, "c", new DateOnly(2023, 6, 1), "VRAG"))
            .Rule.ShouldBe("OutcomeReportYear");
        Should.Throw<DomainRuleException>(() => i.ReportOutcome(2024, "a", "b", Leverage.None, "c", new DateOnly(2023, 12, 31), "VRAG"))
            .Rule.ShouldBe("OutcomeReportEarly");
    }

    [Fact]
    public void OutcomeReport_WithNegativeLeverage_IsRefused()
    {
        var (_, i) = Decided(new DateOnly(2023, 5, 1));
        Should.Throw<DomainRuleException>(() => i.ReportOutcome(2023, "a", "b", new Leverage(0m, -1m, 0m, 0m), "c", new DateOnly(2024, 1, 5), "VRAG"))
            .Rule.ShouldBe("LeverageAmount");
    }

    [Fact]
    public void Proposal_WithAnInvalidOrganisationNumber_IsRefused_AndAValidOneIsNormalised()
    {
        var f = new FundBuilder();
        var i = new Initiative(f.Fund, "Satsning", "Syfte", 1000m, f.Parties[1].Id, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        Should.Throw<DomainRuleException>(() => i.Describe([], Leverage.None, "Bolaget AB", "556000-0010", null, null))
            .Rule.ShouldBe("RecipientOrganisationNumber");

        i.Describe([], new Leverage(10m, 0m, 0m, 0m), "Bolaget AB", "5560000019", "Anna", "anna@example.se");

        i.RecipientOrganisationNumber.ShouldBe("556000-0019");
        i.PlannedLeverage.Business.ShouldBe(10m);
    }

    [Fact]
    public void ClosedYear_TakesNoEntries_ButTheNextYearDoes()
    {
        var (f, i) = Decided(new DateOnly(2023, 5, 1));
        f.Fund.CloseYear(2022, new DateOnly(2023, 6, 1), "t");

        Should.Throw<DomainRuleException>(() => i.Disburse(f.Fund, 1m, new DateOnly(2022, 12, 31), "U", "t")).Rule.ShouldBe("LedgerYearClosed");
        i.Disburse(f.Fund, 1m, new DateOnly(2023, 1, 1), "U", "t").Amount.ShouldBe(1m);
    }

    [Fact]
    public void Years_CloseInOrder_AndOnlyWhenEnded()
    {
        var f = new FundBuilder();
        Should.Throw<DomainRuleException>(() => f.Fund.CloseYear(2023, new DateOnly(2024, 2, 1), "t")).Rule.ShouldBe("FundYearOrder");
        f.Fund.CloseYear(2022, new DateOnly(2023, 1, 10), "t");
        Should.Throw<DomainRuleException>(() => f.Fund.CloseYear(2023, new DateOnly(2023, 12, 31), "t")).Rule.ShouldBe("FundYearNotEnded");
        f.Fund.ClosedThroughYear.ShouldBe(2022);
    }
}
