using Samverkan.Tests.Support;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Tests.Domain;

/// <summary>Seed 001 §2.2, the composition of the Strategic Regional Committee, rule by rule.</summary>
public sealed class SrbCompositionTests
{
    private static void ShouldBreak(SrbBuilder builder, string rule)
    {
        var violations = builder.Check();
        violations.Select(v => v.Rule).ShouldContain(rule, $"Expected rule {rule}; got: {string.Join("; ", violations.Select(v => v.Rule + ": " + v.Message))}");
        violations.First(v => v.Rule == rule).Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void ValidComposition_HasNoViolations()
    {
        var violations = SrbBuilder.Valid().Check();

        violations.ShouldBeEmpty(string.Join("; ", violations.Select(v => v.Message)));
    }

    [Fact]
    public void MemberCount_FewerThan25_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        b.Remove(s => s.Party == "Region" && s.Office == QualifyingOffice.None && s.PoliticalParty == "KD");
        b.Remove(s => s.Party == "Arboga" && s.Side == PoliticalSide.Opposition);

        b.Seats.Count.ShouldBe(24);
        ShouldBreak(b, "MemberCount");
    }

    [Fact]
    public void MemberCount_MoreThan30_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        for (var i = 0; i < 5; i++)
        {
            b.Seats.Add(new("Region", MembershipRole.Member, "S", PoliticalSide.Majority, QualifyingOffice.None));
        }

        b.Seats.Count.ShouldBe(31);
        ShouldBreak(b, "MemberCount");
    }

    [Fact]
    public void CoOptedExperts_AreNeverCountedAsMembers()
    {
        var b = SrbBuilder.Valid();
        for (var i = 0; i < 6; i++)
        {
            b.Seats.Add(new("Region", MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official));
        }

        b.Check().ShouldBeEmpty("32 seats of which 6 co-opted experts is still 26 members");
    }

    [Fact]
    public void CoOptedExperts_DoNotMakeUpForMissingMembers()
    {
        var b = SrbBuilder.Valid();
        b.Remove(s => s.Party == "Region" && s.PoliticalParty == "KD");
        b.Remove(s => s.Party == "Region" && s.PoliticalParty == "SD");
        b.Seats.Add(new("Region", MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official));
        b.Seats.Add(new("Region", MembershipRole.CoOptedExpert, null, null, QualifyingOffice.Official));

        ShouldBreak(b, "MemberCount");
    }

    [Fact]
    public void Municipality_WithOneMember_BreaksTwoPerMunicipality()
    {
        ShouldBreak(SrbBuilder.Valid().Remove(s => s.Party == "Kungsör" && s.Side == PoliticalSide.Opposition), "MunicipalitySeats");
    }

    [Fact]
    public void Municipality_WithThreeMembers_BreaksTwoPerMunicipality()
    {
        var b = SrbBuilder.Valid();
        b.Seats.Add(new("Köping", MembershipRole.Member, "C", PoliticalSide.Majority, QualifyingOffice.None));

        ShouldBreak(b, "MunicipalitySeats");
    }

    [Fact]
    public void Municipality_WithoutItsExecutiveBoardChair_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Arboga" && s.Office == QualifyingOffice.ExecutiveBoardChair,
            s => s with { Office = QualifyingOffice.None }), "MunicipalityExecutiveBoardChair");
    }

    [Fact]
    public void Municipality_WithoutAnOppositionRepresentative_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Arboga" && s.Side == PoliticalSide.Opposition,
            s => s with { Side = PoliticalSide.Majority, PoliticalParty = "S" }), "MunicipalityOpposition");
    }

    [Fact]
    public void Region_WithFewerThanFiveMembers_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        b.Remove(s => s.Party == "Region" && s.PoliticalParty == "KD");
        b.Remove(s => s.Party == "Region" && s.PoliticalParty == "SD");

        ShouldBreak(b, "RegionMemberCount");
    }

    [Fact]
    public void Region_WithMoreThanTenMembers_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        for (var i = 0; i < 5; i++)
        {
            b.Seats.Add(new("Region", MembershipRole.Member, "S", PoliticalSide.Majority, QualifyingOffice.None));
        }

        ShouldBreak(b, "RegionMemberCount");
    }

    [Fact]
    public void Region_WithoutTheWholeRegionalBoardPresidium_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Region" && s.PoliticalParty == "C",
            s => s with { Office = QualifyingOffice.None }), "RegionalBoardPresidium");
    }

    [Fact]
    public void PartyInRegionalBoard_WithoutAnyMember_IsAViolation()
    {
        // MP sits in the regional board and is represented only through Surahammar's opposition member.
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.PoliticalParty == "MP", s => s with { PoliticalParty = "M" }), "BoardPartiesRepresented");
    }

    [Fact]
    public void PartyInRegionalBoard_RepresentedOnlyByAMunicipalMember_Counts()
    {
        var b = SrbBuilder.Valid();

        b.Seats.Where(s => s.PoliticalParty == "V").ShouldAllBe(s => s.Party != "Region");
        b.Check().ShouldNotContain(v => v.Rule == "BoardPartiesRepresented");
    }

    [Fact]
    public void RegionMembers_WithoutAMajorityFromTheRegionsMajority_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        b.Replace(s => s.Party == "Region" && s.PoliticalParty == "KD", s => s with { PoliticalParty = "SD", Side = PoliticalSide.Opposition });

        ShouldBreak(b, "RegionMirrorsMajority");
    }

    [Fact]
    public void Chair_WhoIsNotTheRegionalBoardChair_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        b.Replace(s => s.Role == MembershipRole.Chair, s => s with { Role = MembershipRole.Member });
        b.Replace(s => s.Party == "Region" && s.Office == QualifyingOffice.None && s.PoliticalParty == "S", s => s with { Role = MembershipRole.Chair });

        ShouldBreak(b, "Chair");
    }

    [Fact]
    public void Committee_WithoutAChair_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Role == MembershipRole.Chair, s => s with { Role = MembershipRole.Member }), "Chair");
    }

    [Fact]
    public void Region_WithoutAnOppositionViceChair_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Region" && s.Role == MembershipRole.ViceChair,
            s => s with { Role = MembershipRole.Member }), "RegionOppositionViceChair");
    }

    [Fact]
    public void FirstViceChair_FromTheMunicipalOpposition_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        b.Replace(s => s.Role == MembershipRole.FirstViceChair, s => s with { Role = MembershipRole.Member });
        b.Replace(s => s.Party == "Arboga" && s.Side == PoliticalSide.Opposition, s => s with { Role = MembershipRole.FirstViceChair });

        ShouldBreak(b, "MunicipalFirstViceChair");
    }

    [Fact]
    public void Municipalities_WithoutAnOppositionViceChair_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Sala" && s.Role == MembershipRole.ViceChair,
            s => s with { Role = MembershipRole.Member }), "MunicipalOppositionViceChair");
    }

    [Fact]
    public void Presidium_WithAThirdViceChair_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Arboga" && s.Side == PoliticalSide.Opposition,
            s => s with { Role = MembershipRole.ViceChair }), "PresidiumSize");
    }

    [Fact]
    public void Substitute_CannotBeAppointedToTheSrb()
    {
        var county = Guid.NewGuid();
        var region = TestOrg.Region(county, "Region Västmanland");
        var body = new Body(county, BodyKind.StrategicRegionalCommittee, "Strategisk regional beredning", "SRB", TemplateRules.Srb, region.Id);

        var e = Should.Throw<DomainRuleException>(() => body.AddMembership(new Person(county, "Ada", "Ersättare", null), region,
            MembershipRole.Substitute, null, PoliticalSide.Majority, QualifyingOffice.None, null, new DateOnly(2023, 1, 1), null));

        e.Rule.ShouldBe("NoSubstitutes");
    }

    [Fact]
    public void Substitute_MayBeAppointedWhereTheRulesAllowIt()
    {
        var county = Guid.NewGuid();
        var region = TestOrg.Region(county, "Region Västerbotten");
        var body = new Body(county, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN", BodyRules.Default, region.Id);

        body.AddMembership(new Person(county, "Ada", "Ersättare", null), region, MembershipRole.Substitute, null, null, QualifyingOffice.None, null,
            new DateOnly(2023, 1, 1), null).Role.ShouldBe(MembershipRole.Substitute);
    }

    [Fact]
    public void Term_OfFourYearsFromJanuaryAfterTheElection_IsStandard()
    {
        TermOfOffice.StandardAfterElection(2022).ShouldBe((new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));
        TermOfOffice.StandardAfterElection(2026).ShouldBe((new DateOnly(2027, 1, 1), new DateOnly(2030, 12, 31)));
        SrbBuilder.Valid().Check().ShouldNotContain(v => v.Rule == "TermOfOffice");
    }

    [Fact]
    public void Term_NotStartingAfterAnElection_IsAViolation()
    {
        var b = SrbBuilder.Valid();
        b.TermStart = new DateOnly(2024, 1, 1);
        b.TermEnd = new DateOnly(2027, 12, 31);

        ShouldBreak(b, "TermOfOffice");
    }

    [Fact]
    public void Term_DecidedOtherwise_IsAccepted()
    {
        var b = SrbBuilder.Valid();
        b.TermStart = new DateOnly(2023, 3, 1);
        b.TermDeviation = "RS 2023-02-14 § 12";

        b.Check().ShouldNotContain(v => v.Rule == "TermOfOffice");
    }

    [Fact]
    public void Membership_RunningPastTheTerm_IsAViolation()
    {
        ShouldBreak(SrbBuilder.Valid().Replace(s => s.Party == "Norberg" && s.Side == PoliticalSide.Opposition,
            s => s with { To = new DateOnly(2027, 6, 30) }), "MembershipWithinTerm");
    }

    [Fact]
    public void Messages_AreSwedishAndNameTheParty()
    {
        var violation = SrbBuilder.Valid().Remove(s => s.Party == "Kungsör" && s.Side == PoliticalSide.Opposition).Check()
            .First(v => v.Rule == "MunicipalitySeats");

        violation.Message.ShouldBe("Kungsör har utsett 1 ledamöter men ska utse två.");
    }

    [Fact]
    public void NonSrbBody_IsCheckedOnlyAgainstItsOwnLimits()
    {
        var county = Guid.NewGuid();
        var region = TestOrg.Region(county, "Region Västerbotten");
        var body = new Body(county, BodyKind.WorkingCommittee, "PKD AU", "AU", BodyRules.Default with { MinMembers = 2, MaxMembers = 7 }, null);
        body.AddTerm(new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31));
        body.AddMembership(new Person(county, "Ada", "Ledamot", null), region, MembershipRole.Chair, null, null, QualifyingOffice.None, null, new DateOnly(2023, 1, 1), null);

        CompositionCheck.Check(body, [region], [], SrbBuilder.AsOf).Select(v => v.Rule).ShouldBe(["MemberCount"]);
        body.AddMembership(new Person(county, "Bo", "Ledamot", null), region, MembershipRole.Member, null, null, QualifyingOffice.None, null, new DateOnly(2023, 1, 1), null);
        CompositionCheck.Check(body, [region], [], SrbBuilder.AsOf).ShouldBeEmpty();
    }
}
