using Samverkan.Tests.Support;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Tests.Domain;

namespace Samverkan.Tests.Meetings;

/// <summary>Seed 001 §2.3: minutes signed by the chair, checked by the appointed member, no edit after checking; consensus.</summary>
public sealed class MinutesRulesTests
{
    private static readonly Guid County = Guid.NewGuid();
    private static readonly Party Region = TestOrg.Region(County, "Region Västmanland");
    private static readonly Party Sala = TestOrg.Municipality(County, "Sala", "1981");

    private static (Minutes Minutes, Membership Chair, Membership Checker, Membership Other) Draft() => Draft(out _);

    private static (Minutes Minutes, Membership Chair, Membership Checker, Membership Other) Draft(out Membership viceChair)
    {
        var body = new Body(County, BodyKind.StrategicRegionalCommittee, "Strategisk regional beredning", "SRB", TemplateRules.Srb, Region.Id);
        Membership Seat(MembershipRole role, string name) => body.AddMembership(new Person(County, name, "Testsson", null), Region, role, null, PoliticalSide.Majority,
            QualifyingOffice.None, null, new DateOnly(2023, 1, 1), null);
        var chair = Seat(MembershipRole.Chair, "Ordförande");
        var checker = Seat(MembershipRole.Member, "Justerare");
        var other = Seat(MembershipRole.Member, "Ledamot");
        viceChair = Seat(MembershipRole.FirstViceChair, "Vice");
        var start = new DateTimeOffset(2026, 9, 17, 7, 0, 0, TimeSpan.Zero);
        var minutes = new Minutes(new Meeting(body, start, start.AddHours(3), "Regionhuset"), 2026);
        minutes.AddItem(41, "Regional kulturplan", "Diskussion om remissen.", "Beredningen rekommenderar parterna att anta kulturplanen.", DecisionKind.Recommendation);
        minutes.AppointChecker(checker);
        return (minutes, chair, checker, other);
    }

    private static Membership[] Seats(params Membership[] seats) => seats;

    [Fact]
    public void ThePersonWhoChaired_Signs_TheViceChairWhenTheChairWasAbsent()
    {
        var (minutes, chair, checker, other) = Draft(out var vice);
        var seats = Seats(chair, checker, other, vice);
        minutes.RecordAttendance(chair, present: false);
        minutes.RecordAttendance(vice, present: true);

        var absent = Should.Throw<DomainRuleException>(() => minutes.Sign(chair, seats, "Ordförande Testsson, ordförande", DateTimeOffset.UnixEpoch));
        absent.Rule.ShouldBe("SignerChaired");
        absent.Message.ShouldBe("Ordföranden var frånvarande vid sammanträdet; protokollet undertecknas av den vice ordförande som ledde det.");
        minutes.Sign(vice, seats, "Vice Testsson, 1:e vice ordförande", DateTimeOffset.UnixEpoch);

        minutes.Status.ShouldBe(MinutesStatus.Signed);
        minutes.SignedBy.ShouldBe("Vice Testsson, 1:e vice ordförande");
    }

    [Fact]
    public void TheViceChair_DoesNotSign_WhenTheChairWasPresent()
    {
        var (minutes, chair, checker, other) = Draft(out var vice);
        minutes.RecordAttendance(chair, present: true);

        var refused = Should.Throw<DomainRuleException>(() => minutes.Sign(vice, Seats(chair, checker, other, vice), "Vice", DateTimeOffset.UnixEpoch));
        refused.Rule.ShouldBe("SignerChaired");
        minutes.Status.ShouldBe(MinutesStatus.Draft);
    }

    [Fact]
    public void SigningOrder_TheCheckerCannotCheckBeforeTheChairSigns()
    {
        var (minutes, _, checker, _) = Draft();

        Should.Throw<DomainRuleException>(() => minutes.Check(checker, "justerare", DateTimeOffset.UnixEpoch)).Rule.ShouldBe("SigningOrder");
    }

    [Fact]
    public void SigningOrder_OnlyTheChairSigns_ThenOnlyTheAppointedMemberChecks()
    {
        var (minutes, chair, checker, other) = Draft();

        Should.Throw<DomainRuleException>(() => minutes.Sign(other, Seats(chair, checker, other), "ledamot", DateTimeOffset.UnixEpoch)).Rule.ShouldBe("SignerIsChair");
        minutes.Sign(chair, Seats(chair, checker, other), "ordforande", DateTimeOffset.UnixEpoch);
        Should.Throw<DomainRuleException>(() => minutes.Check(other, "ledamot", DateTimeOffset.UnixEpoch)).Rule.ShouldBe("CheckerAppointed");
        minutes.Check(checker, "justerare", DateTimeOffset.UnixEpoch.AddHours(1));

        minutes.Status.ShouldBe(MinutesStatus.Checked);
        minutes.CheckedHash.ShouldBe(minutes.SignedHash);
        minutes.CheckedHash!.Length.ShouldBe(64);
    }

    [Fact]
    public void SignAfterMeeting_NobodySignsTheMinutesBeforeTheMeetingHasBegun()
    {
        var (minutes, chair, checker, other) = Draft();
        var starts = new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

        var early = Should.Throw<DomainRuleException>(() => minutes.Sign(chair, Seats(chair, checker, other), "ordforande", starts.AddHours(-3.5), starts));
        (early.Rule, early.Severity).ShouldBe(("SignAfterMeeting", RuleSeverity.Conflict));
        minutes.Status.ShouldBe(MinutesStatus.Draft);
        minutes.Sign(chair, Seats(chair, checker, other), "ordforande", starts.AddHours(2), starts);
        minutes.Status.ShouldBe(MinutesStatus.Signed);
    }

    [Fact]
    public void NoEditAfterChecking_OnlyARecordedCorrection()
    {
        var (minutes, chair, checker, other) = Draft();
        minutes.Sign(chair, Seats(chair, checker, other), "ordforande", DateTimeOffset.UnixEpoch);
        minutes.Check(checker, "justerare", DateTimeOffset.UnixEpoch);

        var e = Should.Throw<DomainRuleException>(() => minutes.AddItem(42, "Sent tillägg", null, "Beslut", DecisionKind.Information));
        e.Rule.ShouldBe("NoEditAfterCheck");
        e.Severity.ShouldBe(RuleSeverity.Conflict);
        minutes.Correct("§ 41: rätt diarienummer är RV 2026-018.", "sekretariat", DateTimeOffset.UnixEpoch).Text.ShouldContain("RV 2026-018");
        minutes.ContentHash().ShouldBe(minutes.CheckedHash);
    }

    [Fact]
    public void Consensus_WhenNoPartyObjects()
    {
        var (minutes, _, _, _) = Draft();
        var item = minutes.Items[0];
        minutes.RecordPosition(item.Id, Region.Id, PartyPosition.Agree, null);
        minutes.RecordPosition(item.Id, Sala.Id, PartyPosition.Abstain, "Avvaktar eget beslut.");

        item.IsConsensus.ShouldBeTrue();

        minutes.RecordPosition(item.Id, Sala.Id, PartyPosition.Object, "Reservation: kostnaden är inte utredd.");
        item.IsConsensus.ShouldBeFalse();
        item.Positions.Single(p => p.PartyId == Sala.Id).Note.ShouldBe("Reservation: kostnaden är inte utredd.");
    }

    [Fact]
    public void TheChair_CannotBeTheChecker()
    {
        var (minutes, chair, _, _) = Draft();

        Should.Throw<DomainRuleException>(() => minutes.AppointChecker(chair)).Rule.ShouldBe("CheckerNotChair");
    }
}
