using Samverkan.Tests.Support;
using System.Reflection;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;

namespace Samverkan.Tests.Domain;

/// <summary>
/// Västerbotten's rules (seeds 002, 003) by name: a municipality's contract is complete only with every signature; the
/// agreement is reviewed in 2024 and in its last year and renewed before it ends; the consultation forum is six of
/// RUN and seven of PKD AU, and never decides.
/// </summary>
public sealed class VasterbottenRulesTests
{
    private static readonly Guid County = Guid.NewGuid();
    private static readonly Party Region = TestOrg.Region(County, "Region Västerbotten");
    private static readonly Party Umea = TestOrg.Municipality(County, "Umeå", "2480");
    private static readonly Party Skelleftea = TestOrg.Municipality(County, "Skellefteå", "2482");

    private static Agreement Agreement(DateOnly? validTo) =>
        new(County, "Överenskommelse om samverkan för regional utveckling 2023–2026", "Texten.", new DateOnly(2023, 1, 1), validTo, "RS 759-2022", [Region, Umea, Skelleftea]);

    private static PartyContract Contract(Agreement agreement) => new(agreement, Umea, "Innebörden för Umeå.", "Umeås åtaganden.",
    [
        (ContractSide.Region, SignatoryCapacity.Elected, "Anna Berg", "Ordförande, regionala utvecklingsnämnden", null),
        (ContractSide.Region, SignatoryCapacity.Official, "Lars Holm", "Regiondirektör", null),
        (ContractSide.Municipality, SignatoryCapacity.Elected, "Eva Lund", "Kommunstyrelsens ordförande", null),
        (ContractSide.Municipality, SignatoryCapacity.Official, "Per Ek", "Kommundirektör", null),
    ]);

    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Contract_IsCompleteOnlyWhenEveryRequiredSignatoryHasSigned()
    {
        var contract = Contract(Agreement(new DateOnly(2026, 12, 31)));
        contract.RequiredSignatures.ShouldBe(4);
        contract.Status.ShouldBe(ContractStatus.Unsigned);

        var order = contract.Signatories.ToList();
        for (var i = 0; i < order.Count; i++)
        {
            contract.IsComplete.ShouldBeFalse($"{i} of {order.Count} signed");
            contract.Sign(order[i].Id, new DateOnly(2023, 1, 10 + i), "sekretariat", Today);
            contract.Status.ShouldBe(i == order.Count - 1 ? ContractStatus.Complete : ContractStatus.Signing);
        }

        contract.IsComplete.ShouldBeTrue();
        contract.SignedCount.ShouldBe(4);
    }

    [Fact]
    public void Contract_MustNameAnElectedAndAnOfficialOfBothSides()
    {
        var e = Should.Throw<DomainRuleException>(() => new PartyContract(Agreement(null), Umea, "", "",
        [
            (ContractSide.Region, SignatoryCapacity.Elected, "Anna Berg", "Ordförande", null),
            (ContractSide.Region, SignatoryCapacity.Official, "Lars Holm", "Regiondirektör", null),
            (ContractSide.Municipality, SignatoryCapacity.Elected, "Eva Lund", "Kommunstyrelsens ordförande", null),
        ]));
        e.Rule.ShouldBe("ContractSignatories");
        e.Message.ShouldContain("tjänsteperson för kommunen");
    }

    [Fact]
    public void Contract_IsWithAMunicipalityThatIsAParty()
    {
        Should.Throw<DomainRuleException>(() => new PartyContract(Agreement(null), Region, "", "", [])).Rule.ShouldBe("ContractParty");
        var stranger = TestOrg.Municipality(County, "Vindeln", "2404");
        Should.Throw<DomainRuleException>(() => new PartyContract(Agreement(null), stranger, "", "", [])).Rule.ShouldBe("ContractParty");
    }

    [Fact]
    public void Signature_IsRecordedOnce_NotInTheFuture_AndFreezesTheText()
    {
        var contract = Contract(Agreement(null));
        var first = contract.Signatories[0];
        Should.Throw<DomainRuleException>(() => contract.Sign(first.Id, Today.AddDays(1), "sekretariat", Today)).Rule.ShouldBe("SignatureDate");
        contract.EditTexts("Ny innebörd.", "Nya åtaganden.");
        contract.Sign(first.Id, Today, "sekretariat", Today);
        var twice = Should.Throw<DomainRuleException>(() => contract.Sign(first.Id, Today, "sekretariat", Today));
        twice.Rule.ShouldBe("SignatureTwice");
        twice.Severity.ShouldBe(RuleSeverity.Conflict);
        Should.Throw<DomainRuleException>(() => contract.EditTexts("Ändrad.", "Ändrade.")).Rule.ShouldBe("ContractSigned");
        contract.Meaning.ShouldBe("Ny innebörd.");
    }

    [Fact]
    public void Signature_InAnotherPlace_KeepsWhoWasNamed()
    {
        var contract = Contract(Agreement(null));
        var official = contract.Signatories.Single(s => s.Side == ContractSide.Municipality && s.Capacity == SignatoryCapacity.Official);
        contract.Sign(official.Id, Today, "sekretariat", Today, "Mia Stål", "Tf. kommundirektör");
        official.Name.ShouldBe("Mia Stål");
        official.Role.ShouldBe("Tf. kommundirektör");
        official.NamedName.ShouldBe("Per Ek");
    }

    [Fact]
    public void Review_IsDueIn2024_AndInTheLastYear()
    {
        RelevanceReview.Years(new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)).ShouldBe([2024, 2026]);
        RelevanceReview.Years(new DateOnly(2027, 1, 1), new DateOnly(2030, 12, 31)).ShouldBe([2028, 2030]);
        RelevanceReview.Years(new DateOnly(2023, 1, 1), null).ShouldBeEmpty("an agreement until further notice has no term to review");

        var agreement = Agreement(new DateOnly(2026, 12, 31));
        agreement.Reviews.Select(r => (r.Year, r.DueOn)).ShouldBe([(2024, new DateOnly(2024, 12, 31)), (2026, new DateOnly(2026, 12, 31))]);
        var mid = agreement.Reviews[0];
        mid.StatusOn(new DateOnly(2023, 12, 31)).ShouldBe(ReviewStatus.Upcoming);
        mid.StatusOn(new DateOnly(2024, 1, 1)).ShouldBe(ReviewStatus.Due);
        mid.StatusOn(new DateOnly(2024, 12, 31)).ShouldBe(ReviewStatus.Due);
        mid.StatusOn(new DateOnly(2025, 1, 1)).ShouldBe(ReviewStatus.Overdue);
        agreement.Reviews[1].StatusOn(Today).ShouldBe(ReviewStatus.Due);
    }

    [Fact]
    public void Review_IsRecordedOnce_InItsYear_WithWhomAndAConclusion()
    {
        var agreement = Agreement(new DateOnly(2026, 12, 31));
        Should.Throw<DomainRuleException>(() => agreement.RecordReview(2025, new DateOnly(2025, 5, 1), "PKD", null, null, null, null, "Aktuell.", "s", Today))
            .Rule.ShouldBe("ReviewNotScheduled");
        Should.Throw<DomainRuleException>(() => agreement.RecordReview(2024, new DateOnly(2023, 11, 1), "PKD", null, null, null, null, "Aktuell.", "s", Today))
            .Rule.ShouldBe("ReviewYear");
        Should.Throw<DomainRuleException>(() => agreement.RecordReview(2026, Today.AddDays(1), "PKD", null, null, null, null, "Aktuell.", "s", Today))
            .Rule.ShouldBe("ReviewDate");
        Should.Throw<DomainRuleException>(() => agreement.RecordReview(2024, new DateOnly(2024, 10, 15), " ", null, null, null, null, "Aktuell.", "s", Today))
            .Rule.ShouldBe("ReviewParticipants");
        Should.Throw<DomainRuleException>(() => agreement.RecordReview(2024, new DateOnly(2024, 10, 15), "PKD", null, null, null, null, "", "s", Today))
            .Rule.ShouldBe("ReviewConclusion");

        var review = agreement.RecordReview(2024, new DateOnly(2024, 10, 15), "PKD och RUN", "Fungerar.", "Bra.", "Oförändrad.", "Behålls.", "Aktuell.", "s", Today);
        review.StatusOn(Today).ShouldBe(ReviewStatus.Done);
        review.NeedsReminder(new DateOnly(2024, 11, 30)).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => agreement.RecordReview(2024, new DateOnly(2024, 10, 16), "PKD", null, null, null, null, "Igen.", "s", Today))
            .Rule.ShouldBe("ReviewTwice");
    }

    [Fact]
    public void Review_IsRemindedFromSixtyDaysBeforeItsLastDay()
    {
        var review = Agreement(new DateOnly(2026, 12, 31)).Reviews[1];
        review.NeedsReminder(new DateOnly(2026, 10, 31)).ShouldBeFalse();
        review.NeedsReminder(new DateOnly(2026, 11, 1)).ShouldBeTrue();
        review.NeedsReminder(new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void NextAgreement_StartsWithLessThanAYearLeft_WithTheTextPartiesAndTheNextTerm()
    {
        var agreement = Agreement(new DateOnly(2026, 12, 31));
        Should.Throw<DomainRuleException>(() => agreement.StartNext([Region, Umea, Skelleftea], new DateOnly(2025, 12, 31))).Rule.ShouldBe("NextAgreementTooEarly");
        Should.Throw<DomainRuleException>(() => Agreement(null).StartNext([Region, Umea, Skelleftea], Today)).Rule.ShouldBe("NextAgreementFixedTerm");

        var next = agreement.StartNext([Region, Umea, Skelleftea], new DateOnly(2026, 1, 1));
        next.Title.ShouldBe("Överenskommelse om samverkan för regional utveckling 2027–2030");
        next.Text.ShouldBe("Texten.");
        (next.ValidFrom, next.ValidTo).ShouldBe((new DateOnly(2027, 1, 1), (DateOnly?)new DateOnly(2030, 12, 31)));
        next.Parties.Select(p => p.PartyId).ShouldBe([Region.Id, Umea.Id, Skelleftea.Id], ignoreOrder: true);
        next.PredecessorId.ShouldBe(agreement.Id);
        next.Adoptions.ShouldBeEmpty("the next agreement is adopted by every council anew");
        next.StateOn(Today).Status.ShouldBe(AgreementStatus.Draft);
        next.Reviews.Select(r => r.Year).ShouldBe([2028, 2030]);

        var contract = Contract(agreement);
        contract.Sign(contract.Signatories[0].Id, Today, "s", Today);
        var renewed = contract.ForNext(next, Umea);
        renewed.AgreementId.ShouldBe(next.Id);
        renewed.Signatories.Select(s => s.Name).ShouldBe(contract.Signatories.Select(s => s.NamedName));
        renewed.SignedCount.ShouldBe(0);
    }

    // The consultation forum: seed 003.

    private static (Body Forum, List<Body> Sources) Forum(int fromRun, int fromAu, bool outsider = false)
    {
        var run = new Body(County, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN", BodyRules.Default, Region.Id);
        var pkd = new Body(County, BodyKind.MunicipalDelegation, "Primärkommunal delegation", "PKD", BodyRules.Default, null);
        var au = new Body(County, BodyKind.WorkingCommittee, "Primärkommunala delegationens arbetsutskott", "PKD AU", BodyRules.Default, null, pkd.Id);
        var forum = new Body(County, BodyKind.ConsultationForum, "Samråd för samverkan inom regional utveckling", "Samråd", TemplateRules.Forum(run.Id, au.Id), null);
        var from = new DateOnly(2023, 1, 1);
        var to = new DateOnly(2026, 12, 31);
        foreach (var body in new[] { run, pkd, au, forum })
        {
            body.AddTerm(from, to);
        }

        for (var i = 0; i < 13; i++)
        {
            var person = new Person(County, "RUN", $"Ledamot{i}", null);
            run.AddMembership(person, Region, MembershipRole.Member, null, null, QualifyingOffice.None, null, from, to);
            if (i < fromRun)
            {
                forum.AddMembership(person, Region, i == 0 ? MembershipRole.Chair : MembershipRole.Member, null, null, QualifyingOffice.None, null, from, to);
            }
        }

        for (var i = 0; i < 7; i++)
        {
            var person = new Person(County, "AU", $"Ledamot{i}", null);
            au.AddMembership(person, Umea, MembershipRole.Member, null, null, QualifyingOffice.ExecutiveBoardChair, null, from, to);
            if (i < fromAu)
            {
                forum.AddMembership(person, Umea, MembershipRole.Member, null, null, QualifyingOffice.ExecutiveBoardChair, null, from, to);
            }
        }

        if (outsider)
        {
            forum.AddMembership(new Person(County, "Ingen", "Plats", null), Umea, MembershipRole.Member, null, null, QualifyingOffice.None, null, from, to);
        }

        return (forum, [run, pkd, au]);
    }

    private static IEnumerable<string> Check(Body forum, List<Body> sources) =>
        CompositionCheck.Check(forum, [Region, Umea, Skelleftea], [], new DateOnly(2025, 6, 1), sources).Select(v => v.Rule);

    [Fact]
    public void ConsultationForum_SixOfRunAndSevenOfPkdAu_MeetsItsRule()
    {
        var (forum, sources) = Forum(6, 7);
        Check(forum, sources).ShouldBeEmpty();
    }

    [Fact]
    public void ConsultationForum_WithFiveOfRun_BreaksItsRule()
    {
        var (forum, sources) = Forum(5, 7);
        Check(forum, sources).ShouldBe(["MemberCount", "MembersFrom"]);
    }

    [Fact]
    public void ConsultationForum_WithSixOfPkdAu_BreaksItsRule()
    {
        var (forum, sources) = Forum(6, 6);
        Check(forum, sources).ShouldBe(["MemberCount", "MembersFrom"]);
    }

    [Fact]
    public void ConsultationForum_MemberFromNeitherBody_BreaksItsRule()
    {
        var (forum, sources) = Forum(6, 6, outsider: true);
        Check(forum, sources).ShouldBe(["MembersFrom", "MemberSource"]);
    }

    private static Meeting ForumMeeting(out Body forum)
    {
        forum = Forum(6, 7).Forum;
        var start = new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero);
        return new Meeting(forum, start, start.AddHours(2), "Regionens hus, Umeå");
    }

    [Theory]
    [InlineData(DecisionKind.Decision)]
    [InlineData(DecisionKind.Recommendation)]
    public void Forum_NeverDecides(DecisionKind kind)
    {
        var minutes = new Minutes(ForumMeeting(out _), 2026);
        minutes.Advisory.ShouldBeTrue();
        var e = Should.Throw<DomainRuleException>(() => minutes.AddItem(1, "Innovationsstrategi", null, "Nämnden beslutar.", kind));
        e.Rule.ShouldBe("ForumNeverDecides");
        var item = minutes.AddItem(1, "Innovationsstrategi", null, "Antecknas.", DecisionKind.Information);
        Should.Throw<DomainRuleException>(() => minutes.RecordAdvice(item.Id, "Beslut.", kind)).Rule.ShouldBe("ForumNeverDecides");
        minutes.Items.ShouldAllBe(i => !DecisionKinds.IsDecision(i.Kind));
    }

    [Fact]
    public void Forum_RecordsAdviceAndPositions()
    {
        var minutes = new Minutes(ForumMeeting(out _), 2026);
        var item = minutes.AddItem(1, "Innovationsstrategi", null, "Antecknas.", DecisionKind.Information);
        minutes.RecordAdvice(item.Id, "Samrådet tillstyrker.", DecisionKind.Advice);
        (item.Decision, item.Kind).ShouldBe(("Samrådet tillstyrker.", DecisionKind.Advice));
        minutes.RecordAdvice(item.Id, "Samrådet ställer sig bakom.", DecisionKind.Position);
        item.Kind.ShouldBe(DecisionKind.Position);
    }

    [Fact]
    public void Advice_IsForAnAdvisoryBody_ADecidingBodyDecides()
    {
        var run = new Body(County, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN", BodyRules.Default, Region.Id);
        var start = new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero);
        var minutes = new Minutes(new Meeting(run, start, start.AddHours(2), "Umeå"), 2026);
        minutes.Advisory.ShouldBeFalse();
        var item = minutes.AddItem(1, "Innovationsstrategi", null, "Nämnden antar strategin.", DecisionKind.Decision);
        Should.Throw<DomainRuleException>(() => minutes.RecordAdvice(item.Id, "Råd.", DecisionKind.Advice)).Rule.ShouldBe("AdviceByAdvisoryBody");
    }

    [Fact]
    public void SharingAnAgenda_CopiesEveryFieldOfEveryItem_ToTheForumsLaterMeeting_Once()
    {
        var forumMeeting = ForumMeeting(out _);
        var runAu = new Body(County, BodyKind.WorkingCommittee, "Regionala utvecklingsnämndens arbetsutskott", "RUN AU", BodyRules.Default, Region.Id);
        var morning = new DateTimeOffset(2026, 10, 14, 7, 0, 0, TimeSpan.Zero);
        var au = new Meeting(runAu, morning, morning.AddHours(2), "Umeå");
        au.AddAgendaItem("Regional innovationsstrategi", "RUN 498-2026", "Regional utvecklingsdirektör", "Att föreslå nämnden att anta strategin.", "Regional utvecklingsstrategi");
        au.AddAgendaItem("Kulturplan", null, null, null);

        var copies = forumMeeting.TakeAgendaFrom(au);

        copies.Count.ShouldBe(2);
        // Every property of an agenda item but its identity, its meeting and where it came from is copied: a field added
        // later (such as a case link) fails here until the copy carries it.
        var own = new[] { nameof(AgendaItem.Id), nameof(AgendaItem.MeetingId), nameof(AgendaItem.Number), nameof(AgendaItem.SharedFromItemId) };
        foreach (var property in typeof(AgendaItem).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !own.Contains(p.Name)))
        {
            copies.Select(c => property.GetValue(c)).ShouldBe(au.Agenda.OrderBy(a => a.Number).Select(a => property.GetValue(a)), property.Name);
        }

        copies.Select(c => c.SharedFromItemId).ShouldBe(au.Agenda.OrderBy(a => a.Number).Select(a => (Guid?)a.Id));
        Should.Throw<DomainRuleException>(() => forumMeeting.TakeAgendaFrom(au)).Rule.ShouldBe("AgendaAlreadyShared");

        var later = new Meeting(runAu, morning.AddDays(1), morning.AddDays(1).AddHours(2), "Umeå");
        later.AddAgendaItem("Senare", null, null, null);
        Should.Throw<DomainRuleException>(() => forumMeeting.TakeAgendaFrom(later)).Rule.ShouldBe("ForumMeetsAfter");
        Should.Throw<DomainRuleException>(() => au.TakeAgendaFrom(later)).Rule.ShouldBe("ShareToForum");
    }
}
