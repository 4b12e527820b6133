using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Tests.Domain;

/// <summary>DOMAIN.md, Agreement: in force once every council adopted and the start date is reached; amendments need all; a withdrawal ends it.</summary>
public sealed class AgreementStatusTests
{
    private static readonly Guid CountyId = Guid.NewGuid();
    private static readonly DateOnly Start = new(2023, 1, 1);
    private readonly Party region = TestOrg.Region(CountyId, "Region Västmanland");
    private readonly Party arboga = TestOrg.Municipality(CountyId, "Arboga", "1984");
    private readonly Party sala = TestOrg.Municipality(CountyId, "Sala", "1981");

    private Agreement NewAgreement(DateOnly? validTo = null) =>
        new(CountyId, "Överenskommelse om samverkan", "Ursprunglig lydelse", Start, validTo, null, [region, arboga, sala]);

    private static void AdoptAll(Agreement agreement, DateOnly on, Guid? amendmentId = null)
    {
        foreach (var party in agreement.Parties)
        {
            agreement.RecordAdoption(party.PartyId, on, $"KF {on:yyyy-MM-dd} § 1", on, amendmentId);
        }
    }

    [Fact]
    public void Sections_AreTheLinesThatStartWithAParagraphSign_SoDocumentsCiteTheAgreementsOwnSection()
    {
        var agreement = new Agreement(CountyId, "Överenskommelse", "Inledning\n§ 1  Parter\r\nText om parterna.\n  § 4 Ekonomi\nSe § 5.\n§ Utan nummer\n§ 10 Giltighet", Start, null,
            null, [region, arboga]);
        agreement.Sections.ShouldBe(["§ 1 Parter", "§ 4 Ekonomi", "§ 10 Giltighet"]);
    }

    [Theory]
    [InlineData("Gävle", "Gävles")]
    [InlineData("Bollnäs", "Bollnäs")]
    [InlineData("Hofors", "Hofors")]
    [InlineData("Region Gävleborg", "Region Gävleborgs")]
    public void Genitive_TakesNoExtraSAfterS(string name, string genitive) => SwedishText.Genitive(name).ShouldBe(genitive);

    [Fact]
    public void Status_WithNoAdoption_IsDraft()
    {
        NewAgreement().StateOn(Start).Status.ShouldBe(AgreementStatus.Draft);
    }

    [Fact]
    public void Status_WhenSomePartiesAdopted_IsAdoptingWithKOfN()
    {
        var agreement = NewAgreement();
        agreement.RecordAdoption(arboga.Id, new DateOnly(2022, 12, 1), "KF 2022-12-01 § 45", new DateOnly(2022, 12, 2));

        var state = agreement.StateOn(new DateOnly(2023, 2, 1));

        state.Status.ShouldBe(AgreementStatus.Adopting);
        state.AdoptedCount.ShouldBe(1);
        state.PartyCount.ShouldBe(3);
        state.Explanation.ShouldContain("1 av 3");
    }

    [Fact]
    public void Status_WhenEveryPartyAdoptedAndStartReached_IsInForce()
    {
        var agreement = NewAgreement();
        AdoptAll(agreement, new DateOnly(2022, 12, 1));

        agreement.StateOn(Start).Status.ShouldBe(AgreementStatus.InForce);
    }

    [Fact]
    public void Status_WhenEveryPartyAdoptedButStartNotReached_IsNotInForce()
    {
        var agreement = NewAgreement();
        AdoptAll(agreement, new DateOnly(2022, 12, 1));

        var state = agreement.StateOn(new DateOnly(2022, 12, 31));

        state.Status.ShouldBe(AgreementStatus.Adopting);
        state.Explanation.ShouldContain("2023-01-01");
    }

    [Fact]
    public void Status_WhenOnePartyIsMissing_IsNotInForceEvenAfterStart()
    {
        var agreement = NewAgreement();
        agreement.RecordAdoption(region.Id, new DateOnly(2022, 12, 1), "RF 2022-12-01 § 1", Start);
        agreement.RecordAdoption(arboga.Id, new DateOnly(2022, 12, 1), "KF 2022-12-01 § 1", Start);

        agreement.StateOn(new DateOnly(2024, 1, 1)).Status.ShouldBe(AgreementStatus.Adopting);
    }

    [Fact]
    public void Status_AfterEndDate_IsEnded()
    {
        var agreement = NewAgreement(validTo: new DateOnly(2026, 12, 31));
        AdoptAll(agreement, new DateOnly(2022, 12, 1));

        agreement.StateOn(new DateOnly(2026, 12, 31)).Status.ShouldBe(AgreementStatus.InForce);
        agreement.StateOn(new DateOnly(2027, 1, 1)).Status.ShouldBe(AgreementStatus.Ended);
    }

    [Fact]
    public void Withdrawal_EndsTheAgreementForAllFromItsDate()
    {
        var agreement = NewAgreement();
        AdoptAll(agreement, new DateOnly(2022, 12, 1));
        agreement.RecordWithdrawal(sala.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31), "KF 2025-03-01 § 12", new DateOnly(2025, 3, 2));

        agreement.StateOn(new DateOnly(2025, 12, 30)).Status.ShouldBe(AgreementStatus.InForce);
        var ended = agreement.StateOn(new DateOnly(2025, 12, 31));
        ended.Status.ShouldBe(AgreementStatus.Ended);
        ended.EndedOn.ShouldBe(new DateOnly(2025, 12, 31));
        ended.Explanation.ShouldContain("Sala");
    }

    [Fact]
    public void Amendment_IsPendingUntilEveryCouncilAdopted_AndTheOldTextAppliesMeanwhile()
    {
        var agreement = NewAgreement();
        AdoptAll(agreement, new DateOnly(2022, 12, 1));
        var amendment = agreement.ProposeAmendment("Ny kostnadsnivå", "Ändrad lydelse", new DateOnly(2024, 1, 10));
        agreement.RecordAdoption(region.Id, new DateOnly(2024, 2, 1), "RF 2024-02-01 § 3", new DateOnly(2024, 2, 2), amendment.Id);
        agreement.RecordAdoption(arboga.Id, new DateOnly(2024, 2, 5), "KF 2024-02-05 § 9", new DateOnly(2024, 2, 6), amendment.Id);

        agreement.AmendmentStatusOf(amendment).ShouldBe(AmendmentStatus.Pending);
        agreement.ApplicableText(new DateOnly(2024, 3, 1)).ShouldBe("Ursprunglig lydelse");

        agreement.RecordAdoption(sala.Id, new DateOnly(2024, 3, 4), "KF 2024-03-04 § 20", new DateOnly(2024, 3, 5), amendment.Id);

        agreement.AmendmentStatusOf(amendment).ShouldBe(AmendmentStatus.Adopted);
        agreement.ApplicableText(new DateOnly(2024, 3, 3)).ShouldBe("Ursprunglig lydelse");
        agreement.ApplicableText(new DateOnly(2024, 3, 4)).ShouldBe("Ändrad lydelse");
    }

    [Fact]
    public void AnAmendmentsAdoption_IsNotTheAgreementsOwnAdoption()
    {
        var agreement = NewAgreement();
        agreement.RecordAdoption(region.Id, new DateOnly(2022, 12, 1), "RF 2022-12-01 § 1", new DateOnly(2022, 12, 2));
        agreement.RecordAdoption(arboga.Id, new DateOnly(2022, 12, 5), "KF 2022-12-05 § 1", new DateOnly(2022, 12, 6));
        var amendment = agreement.ProposeAmendment("Ny kostnadsnivå", "Ändrad lydelse", new DateOnly(2022, 12, 10));
        agreement.RecordAdoption(sala.Id, new DateOnly(2022, 12, 12), "KF 2022-12-12 § 7", new DateOnly(2022, 12, 13), amendment.Id);

        agreement.AdoptionBy(sala.Id).ShouldBeNull();
        var state = agreement.StateOn(Start);
        state.Status.ShouldBe(AgreementStatus.Adopting);
    }

    [Fact]
    public void RecordAdoption_Twice_IsRefusedAsConflict()
    {
        var agreement = NewAgreement();
        agreement.RecordAdoption(sala.Id, new DateOnly(2022, 12, 1), "KF 2022-12-01 § 1", Start);

        var e = Should.Throw<DomainRuleException>(() => agreement.RecordAdoption(sala.Id, new DateOnly(2022, 12, 2), "KF 2022-12-02 § 2", Start));

        e.Rule.ShouldBe("AdoptionTwice");
        e.Severity.ShouldBe(RuleSeverity.Conflict);
    }

    [Fact]
    public void RecordAdoption_ByNonParty_IsRefused()
    {
        var outsider = TestOrg.Municipality(CountyId, "Köping", "1983");

        Should.Throw<DomainRuleException>(() => NewAgreement().RecordAdoption(outsider.Id, Start, "KF", Start)).Rule.ShouldBe("AdoptionParty");
    }

    [Fact]
    public void RecordAdoption_DecidedInTheFuture_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => NewAgreement().RecordAdoption(sala.Id, new DateOnly(2023, 5, 2), "KF", new DateOnly(2023, 5, 1)))
            .Rule.ShouldBe("AdoptionDate");
    }

    [Fact]
    public void RecordAdoption_WithoutReference_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => NewAgreement().RecordAdoption(sala.Id, Start, " ", Start)).Rule.ShouldBe("AdoptionReference");
    }

    [Fact]
    public void RecordAdoption_RaisesTheVersion_SoConcurrentEditsAreDetected()
    {
        var agreement = NewAgreement();
        var before = agreement.Version;

        agreement.RecordAdoption(sala.Id, Start, "KF 2023-01-01 § 1", Start);

        agreement.Version.ShouldBe(before + 1);
    }
}
