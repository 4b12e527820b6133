using FsCheck;
using FsCheck.Fluent;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;

namespace Samverkan.Tests.Domain;

/// <summary>A small Värmland: a region and three municipalities under an agreement with a fund supplement.</summary>
internal sealed class FundBuilder
{
    public static readonly DateOnly Today = new(2023, 6, 1);

    public FundBuilder(bool adoptSupplement = true)
    {
        CountyId = Guid.NewGuid();
        Parties =
        [
            TestOrg.Region(CountyId, "Region Värmland"),
            TestOrg.Municipality(CountyId, "Karlstad", "1780"),
            TestOrg.Municipality(CountyId, "Arvika", "1784"),
            TestOrg.Municipality(CountyId, "Munkfors", "1762"),
        ];
        Agreement = new Agreement(CountyId, "Samverkansavtal Värmland", "Text", new DateOnly(2021, 1, 1), null, null, Parties);
        foreach (var p in Parties)
        {
            Agreement.RecordAdoption(p.Id, new DateOnly(2020, 11, 1), "KF § 1", Today);
        }

        Supplement = Agreement.AddSupplement("Tillägg om gemensamma resurser", "DGR", new DateOnly(2022, 1, 1), null, new DateOnly(2021, 12, 31));
        if (adoptSupplement)
        {
            AdoptSupplementByAll();
        }

        Fund = new Fund(CountyId, Agreement, Supplement, "De gemensamma resurserna", new DateOnly(2022, 1, 1),
            [("Källa 1", 55_000_000m), ("Källa 2", 101_000_000m), ("Källa 3", 44_000_000m)], "test", criteria: ["Hela länet"]);
    }

    public Guid CountyId { get; }

    public Party[] Parties { get; }

    public Guid[] PartyIds => Parties.Select(p => p.Id).ToArray();

    public Agreement Agreement { get; }

    public Supplement Supplement { get; }

    public Fund Fund { get; }

    public FundValidity Validity => Fund.ValidityOn(Agreement, Supplement, Today);

    public void AdoptSupplementByAll()
    {
        foreach (var p in Parties)
        {
            Agreement.RecordAdoption(p.Id, new DateOnly(2021, 12, 1), "KF § 99", Today, supplementId: Supplement.Id);
        }
    }

    public Initiative Prepared(decimal budget = 10_000_000m)
    {
        var i = new Initiative(Fund, "Satsning", "Syfte", budget, Parties[3].Id, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31));
        i.Submit();
        i.Prepare(Fund, Recommendation.Grant, "Uppfyller kriterierna.", [new CriterionAnswer("Hela länet", true, null)]);
        return i;
    }

    public Initiative Granted(decimal budget = 10_000_000m)
    {
        var i = Prepared(budget);
        foreach (var p in PartyIds)
        {
            i.RecordStand(p, PartyPosition.Agree, null, PartyIds);
        }

        i.TakePosition(PartyIds, Today);
        return i;
    }
}

public sealed class FundTests
{
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

    [Fact]
    public void Opening_IsTheSumOfTheSources()
    {
        var b = new FundBuilder().Fund.Balances;
        b.Opening.ShouldBe(200_000_000m);
        b.Balance.ShouldBe(200_000_000m);
        b.Uncommitted.ShouldBe(200_000_000m);
        b.Committed.ShouldBe(0m);
    }

    [Fact]
    public void Commitment_BeforeTheSupplementIsAdoptedByAll_IsRefused()
    {
        var f = new FundBuilder(adoptSupplement: false);
        f.Agreement.RecordAdoption(f.Parties[0].Id, new DateOnly(2021, 12, 1), "RF § 1", FundBuilder.Today, supplementId: f.Supplement.Id);
        f.Agreement.SupplementStateOn(f.Supplement, FundBuilder.Today).Status.ShouldBe(AgreementStatus.Adopting);
        f.Validity.Kind.ShouldBe(FundValidityKind.NotYetInForce);
        var i = f.Granted();
        Should.Throw<DomainRuleException>(() => i.Decide(f.Fund, 1m, "RS 1", FundBuilder.Today, "t", f.Validity)).Rule.ShouldBe("FundNotOpen");
    }

    [Fact]
    public void SupplementAdoption_DoesNotCountAsTheAgreementsOwn()
    {
        var f = new FundBuilder();
        f.Agreement.Adoptions.Count(a => a.SupplementId == f.Supplement.Id).ShouldBe(4);
        f.Agreement.StateOn(FundBuilder.Today).AdoptedCount.ShouldBe(4);
        f.Agreement.SupplementStateOn(f.Supplement, FundBuilder.Today).Status.ShouldBe(AgreementStatus.InForce);
        Should.Throw<DomainRuleException>(() => f.Agreement.RecordAdoption(f.Parties[0].Id, new DateOnly(2021, 12, 2), "x", FundBuilder.Today,
            supplementId: f.Supplement.Id)).Rule.ShouldBe("AdoptionTwice");
    }

    [Fact]
    public void Consensus_FailsOnOneObjection()
    {
        var f = new FundBuilder();
        var i = f.Prepared();
        foreach (var p in f.PartyIds)
        {
            i.RecordStand(p, p == f.PartyIds[2] ? PartyPosition.Object : PartyPosition.Agree, null, f.PartyIds);
        }

        var outcome = i.TakePosition(f.PartyIds, FundBuilder.Today);
        outcome.Granted.ShouldBeFalse();
        outcome.Objecting.ShouldBe([f.PartyIds[2]]);
        i.Status.ShouldBe(InitiativeStatus.NotGranted);
    }

    [Fact]
    public void Consensus_NamesAbsentParties_AndIsNotReachedWithoutThem()
    {
        var f = new FundBuilder();
        var i = f.Prepared();
        foreach (var p in f.PartyIds.Skip(1))
        {
            i.RecordStand(p, PartyPosition.Agree, null, f.PartyIds);
        }

        var outcome = i.TakePosition(f.PartyIds, FundBuilder.Today);
        outcome.Granted.ShouldBeFalse();
        outcome.Absent.ShouldBe([f.PartyIds[0]]);
    }

    [Fact]
    public void Consensus_WithEverySupport_Grants()
    {
        new FundBuilder().Granted().Status.ShouldBe(InitiativeStatus.Granted);
    }

    [Fact]
    public void Commitment_AboveUncommitted_IsRefused()
    {
        var f = new FundBuilder();
        var a = f.Granted(150_000_000m);
        a.Decide(f.Fund, 150_000_000m, "RS 1", FundBuilder.Today, "t", f.Validity);
        var b = f.Granted(60_000_000m);
        Should.Throw<DomainRuleException>(() => b.Decide(f.Fund, 50_000_000.01m, "RS 2", FundBuilder.Today, "t", f.Validity))
            .Rule.ShouldBe("CommitmentAboveUncommitted");
        b.Decide(f.Fund, 50_000_000m, "RS 2", FundBuilder.Today, "t", f.Validity);
        f.Fund.Balances.Uncommitted.ShouldBe(0m);
    }

    [Fact]
    public void Commitment_BumpsTheFundsVersion()
    {
        var f = new FundBuilder();
        var before = f.Fund.Version;
        f.Granted().Decide(f.Fund, 1m, "RS 1", FundBuilder.Today, "t", f.Validity);
        f.Fund.Version.ShouldBe(before + 1);
    }

    [Fact]
    public void Disbursement_AboveRemainingCommitment_IsRefused()
    {
        var f = new FundBuilder();
        var i = f.Granted();
        i.Decide(f.Fund, 1_000_000m, "RS 1", FundBuilder.Today, "t", f.Validity);
        i.Disburse(f.Fund, 600_000m, FundBuilder.Today, "Utb 1", "t");
        Should.Throw<DomainRuleException>(() => i.Disburse(f.Fund, 400_000.01m, FundBuilder.Today, "Utb 2", "t"))
            .Rule.ShouldBe("DisbursementAboveCommitment");
        i.Status.ShouldBe(InitiativeStatus.Running);
    }

    [Fact]
    public void Closing_ReturnsTheUnusedCommitment()
    {
        var f = new FundBuilder();
        var i = f.Granted();
        i.Decide(f.Fund, 1_000_000m, "RS 1", FundBuilder.Today, "t", f.Validity);
        i.Disburse(f.Fund, 600_000m, FundBuilder.Today, "Utb 1", "t");
        i.Close(f.Fund, FundBuilder.Today, "Slutrapport", 50_000.50m, "RS 9", "t");
        var money = f.Fund.MoneyOf(i.Id);
        money.Remaining.ShouldBe(0m);
        money.NetDisbursed.ShouldBe(549_999.50m);
        var b = f.Fund.Balances;
        b.Committed.ShouldBe(0m);
        b.Disbursed.ShouldBe(549_999.50m);
        b.Uncommitted.ShouldBe(200_000_000m - 549_999.50m);
        i.Status.ShouldBe(InitiativeStatus.Closed);
    }

    [Fact]
    public void Correction_ReversesAnEntry_AndNeverEditsIt()
    {
        var f = new FundBuilder();
        var i = f.Granted();
        i.Decide(f.Fund, 1_000_000m, "RS 1", FundBuilder.Today, "t", f.Validity);
        var paid = i.Disburse(f.Fund, 300_000m, FundBuilder.Today, "Utb 1", "t");
        var count = f.Fund.Entries.Count;
        var correction = f.Fund.Correct(paid.Id, FundBuilder.Today, "Fel belopp", "t");
        correction.Amount.ShouldBe(-300_000m);
        paid.Amount.ShouldBe(300_000m);
        f.Fund.Entries.Count.ShouldBe(count + 1);
        f.Fund.MoneyOf(i.Id).Remaining.ShouldBe(1_000_000m);
        Should.Throw<DomainRuleException>(() => f.Fund.Correct(paid.Id, FundBuilder.Today, "igen", "t")).Rule.ShouldBe("CorrectionTwice");
    }

    [Fact]
    public void Amount_WithMoreThanOre_IsRefused()
    {
        var f = new FundBuilder();
        Should.Throw<DomainRuleException>(() => f.Granted().Decide(f.Fund, 1.001m, "RS", FundBuilder.Today, "t", f.Validity)).Rule.ShouldBe("LedgerAmountOre");
    }

    /// <summary>Random movements, each applied only if the rules accept it; the ledger balances after every one.</summary>
    [Fact]
    public void Ledger_AlwaysBalances()
    {
        var steps = Gen.ListOf(from kind in Gen.Choose(0, 5)
                               from target in Gen.Choose(0, 4)
                               from cents in Gen.Choose(1, int.MaxValue)
                               select (Kind: kind, Target: target, Amount: cents / 100m * 10m));
        Prop.ForAll(steps.ToArbitrary(), list =>
        {
            var f = new FundBuilder();
            var initiatives = Enumerable.Range(0, 5).Select(_ => f.Granted(200_000_000m)).ToList();
            foreach (var (kind, target, amount) in list)
            {
                var i = initiatives[target];
                try
                {
                    switch (kind)
                    {
                        case 0: i.Decide(f.Fund, amount, "RS", FundBuilder.Today, "t", f.Validity); break;
                        case 1: i.Disburse(f.Fund, amount, FundBuilder.Today, "U", "t"); break;
                        case 2: f.Fund.Return(i.Id, amount, FundBuilder.Today, "R", "t"); break;
                        case 3: f.Fund.ReleaseRemaining(i.Id, FundBuilder.Today, "F", "t"); break;
                        case 4 when f.Fund.Entries.Count > 0:
                            f.Fund.Correct(f.Fund.Entries[(int)(amount % f.Fund.Entries.Count)].Id, FundBuilder.Today, "K", "t");
                            break;
                        default: i.Close(f.Fund, FundBuilder.Today, "Slut", 0m, "A", "t"); break;
                    }
                }
                catch (DomainRuleException)
                {
                    // A refused movement leaves the ledger as it was; the invariant is checked all the same.
                }

                var b = f.Fund.Balances;
                var committedNotDisbursed = initiatives.Sum(x => f.Fund.MoneyOf(x.Id).Remaining);
                var disbursed = initiatives.Sum(x => f.Fund.MoneyOf(x.Id).NetDisbursed);
                if (b.Opening != b.Uncommitted + committedNotDisbursed + disbursed || b.Committed != committedNotDisbursed
                    || b.Disbursed != disbursed || b.Uncommitted < 0 || committedNotDisbursed < 0 || disbursed < 0
                    || f.Fund.Entries.Any(e => e.Amount != decimal.Round(e.Amount, 2)))
                {
                    return false;
                }
            }

            return true;
        }).Check(Checks);
    }
}
