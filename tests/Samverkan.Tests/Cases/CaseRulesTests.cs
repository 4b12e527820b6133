using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

using Case = Samverkan.Domain.Cases.Case;

namespace Samverkan.Tests.Cases;

/// <summary>The rules of cases and their flows (issue 9), by name, on the domain alone.</summary>
public sealed class CaseRulesTests
{
    private static readonly Guid County = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Body RunBody = new(County, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN", BodyRules.Default, null);

    // Advisory because its rules say so, whatever its kind: the rule is the county's configuration.
    private static readonly Body ForumBody = new(County, BodyKind.ConsultationForum, "Samrådet", "Samråd", BodyRules.Default with { AdvisoryOnly = true }, null);
    private static readonly Guid Run = RunBody.Id;
    private static readonly Guid Forum = ForumBody.Id;
    private static readonly Guid[] Parties = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private static Case NewCase(CaseKind kind = CaseKind.Strategy) => new(County, "RUN", 7, new DateOnly(2026, 3, 1), "Regional kulturplan", kind, Run, null);

    [Fact]
    public void ACaseNumber_IsSeriesRunningNumberAndYear()
    {
        new Case(County, "RS", 759, new DateOnly(2022, 2, 14), "Överenskommelse", CaseKind.Agreement, null, null).CaseNumber.ShouldBe("RS 759-2022");
    }

    [Fact]
    public void AFanOutStep_CompletesOnlyWhenEveryPartyHasDecided()
    {
        var @case = NewCase();
        var step = @case.AddStep(null, null, true, StepRole.Decide, null);
        @case.RecordCouncilDecision(step.Id, Parties[0], "Umeå", Parties, StepOutcome.Adopted, new DateOnly(2026, 5, 1), "KF 2026-05-01 § 3", "test", Today);
        @case.RecordCouncilDecision(step.Id, Parties[1], "Skellefteå", Parties, StepOutcome.Adopted, new DateOnly(2026, 5, 2), "KF 2026-05-02 § 9", "test", Today);
        step.Outcome.ShouldBeNull();
        @case.StatusOf(step).ShouldBe(StepStatus.Waiting);
        Case.RoundOf(step, Parties).Waiting.ShouldBe([Parties[2]]);

        @case.RecordCouncilDecision(step.Id, Parties[2], "Lycksele", Parties, StepOutcome.Adopted, new DateOnly(2026, 5, 3), "KF 2026-05-03 § 4", "test", Today);
        step.Outcome.ShouldBe(StepOutcome.Adopted);
        step.DecidedOn.ShouldBe(new DateOnly(2026, 5, 3));
        @case.Status.ShouldBe(CaseStatus.Closed, "the last step decided");
    }

    [Fact]
    public void AReturn_KeepsTheCouncilPending_AndItsDecisionIsRecordedLater()
    {
        var @case = NewCase();
        var step = @case.AddStep(null, null, true, StepRole.Decide, null);
        @case.RecordCouncilDecision(step.Id, Parties[0], "Umeå", Parties, StepOutcome.Returned, new DateOnly(2026, 5, 1), "KF 2026-05-01 § 3", "test", Today);
        @case.RecordCouncilDecision(step.Id, Parties[1], "Skellefteå", Parties, StepOutcome.Adopted, new DateOnly(2026, 5, 2), "KF 2026-05-02 § 9", "test", Today);
        @case.RecordCouncilDecision(step.Id, Parties[2], "Lycksele", Parties, StepOutcome.Adopted, new DateOnly(2026, 5, 3), "KF 2026-05-03 § 4", "test", Today);
        var round = Case.RoundOf(step, Parties);
        round.Decided.ShouldBe(2);
        round.Waiting.ShouldBe([Parties[0]]);
        step.Outcome.ShouldBeNull("a return is no decision");

        @case.RecordCouncilDecision(step.Id, Parties[0], "Umeå", Parties, StepOutcome.Adopted, new DateOnly(2026, 6, 10), "KF 2026-06-10 § 41", "test", Today);
        step.CouncilDecisions.Single(d => d.PartyId == Parties[0]).Reference.ShouldBe("KF 2026-06-10 § 41");
        step.Outcome.ShouldBe(StepOutcome.Adopted);
        Should.Throw<DomainRuleException>(() => @case.RecordCouncilDecision(step.Id, Parties[0], "Umeå", Parties, StepOutcome.Adopted, Today, "KF § 2", "test", Today))
            .Rule.ShouldBe("CaseClosed");
    }

    [Fact]
    public void AFanOutStep_WhereOneCouncilRejects_EndsRejected()
    {
        var @case = NewCase();
        var step = @case.AddStep(null, null, true, StepRole.Decide, null);
        foreach (var (party, n) in Parties.Select((p, n) => (p, n)))
        {
            @case.RecordCouncilDecision(step.Id, party, $"Kommun {n}", Parties, n == 1 ? StepOutcome.Rejected : StepOutcome.Adopted, Today, $"KF § {n}", "test", Today);
        }

        step.Outcome.ShouldBe(StepOutcome.Rejected);
    }

    [Fact]
    public void AParty_DecidesOnceInAFanOutStep_AndOnlyAParty()
    {
        var @case = NewCase();
        var step = @case.AddStep(null, null, true, StepRole.Decide, null);
        @case.RecordCouncilDecision(step.Id, Parties[0], "Umeå", Parties, StepOutcome.Adopted, Today, "KF § 1", "test", Today);
        Should.Throw<DomainRuleException>(() => @case.RecordCouncilDecision(step.Id, Parties[0], "Umeå", Parties, StepOutcome.Adopted, Today, "KF § 2", "test", Today))
            .Rule.ShouldBe("CouncilDecisionTwice");
        Should.Throw<DomainRuleException>(() => @case.RecordCouncilDecision(step.Id, Guid.NewGuid(), "Oslo", Parties, StepOutcome.Adopted, Today, "KF § 2", "test", Today))
            .Rule.ShouldBe("CouncilDecisionParty");
        Should.Throw<DomainRuleException>(() => @case.RecordCouncilDecision(step.Id, Parties[1], "Skellefteå", Parties, StepOutcome.Adopted, Today, " ", "test", Today))
            .Rule.ShouldBe("CouncilDecisionReference");
    }

    /// <summary>One mechanism: the agreement's adoption and a fan-out step refuse and count by the same rule.</summary>
    [Fact]
    public void TheAgreementsAdoption_AndAFanOutStep_FollowTheSameRuleOfEveryCouncil()
    {
        var parties = Enumerable.Range(1, 3).Select(n => Samverkan.Tests.Domain.TestOrg.Municipality(County, $"Kommun {n}", $"24{n:00}")).ToList();
        var agreement = new Agreement(County, "Överenskommelse", "Text", new DateOnly(2023, 1, 1), null, null, parties);
        var @case = NewCase(CaseKind.Agreement);
        var step = @case.AddStep(null, null, true, StepRole.Decide, null);
        var ids = parties.Select(p => p.Id).ToList();
        foreach (var party in parties.Take(2))
        {
            agreement.RecordAdoption(party.Id, new DateOnly(2022, 5, 1), "KF § 1", Today);
            @case.RecordCouncilDecision(step.Id, party.Id, party.Name, ids, StepOutcome.Adopted, new DateOnly(2022, 5, 1), "KF § 1", "test", Today);
        }

        var agreementRound = agreement.Round(a => a.AmendmentId is null && a.SupplementId is null);
        var stepRound = Case.RoundOf(step, ids);
        agreementRound.ShouldBe(stepRound with { Waiting = agreementRound.Waiting });
        agreementRound.Waiting.ShouldBe(stepRound.Waiting);
        agreementRound.Complete.ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => agreement.RecordAdoption(parties[2].Id, Today.AddDays(1), "KF § 9", Today)).Rule.ShouldBe("AdoptionDate");
        Should.Throw<DomainRuleException>(() => @case.RecordCouncilDecision(step.Id, parties[2].Id, "Kommun 3", ids, StepOutcome.Adopted, Today.AddDays(1), "KF § 9", "test", Today))
            .Rule.ShouldBe("CouncilDecisionDate");
    }

    [Fact]
    public void OnlyADecidingStep_CanRecordADecision()
    {
        var @case = NewCase();
        var prepare = @case.AddStep(Run, RunBody, false, StepRole.Prepare, null);
        var decide = @case.AddStep(Run, RunBody, false, StepRole.Decide, null);
        Should.Throw<DomainRuleException>(() => @case.RecordOutcome(prepare.Id, StepOutcome.Adopted, Today, "RUN § 1", Today)).Rule.ShouldBe("OnlyDecidingStepDecides");
        @case.RecordOutcome(prepare.Id, StepOutcome.Prepared, Today, "RUN § 1", Today);
        Should.Throw<DomainRuleException>(() => @case.RecordOutcome(decide.Id, StepOutcome.Noted, Today, "RUN § 2", Today)).Rule.ShouldBe("OnlyDecidingStepDecides");
        @case.RecordOutcome(decide.Id, StepOutcome.Adopted, Today, "RUN § 2", Today);
        decide.Outcome.ShouldBe(StepOutcome.Adopted);
    }

    [Fact]
    public void TheConsultationForum_NeverDecides()
    {
        var @case = NewCase();
        Should.Throw<DomainRuleException>(() => @case.AddStep(Forum, ForumBody, false, StepRole.Decide, null)).Rule.ShouldBe("AdvisoryNeverDecides");
        var consult = @case.AddStep(Forum, ForumBody, false, StepRole.Consult, null);
        Should.Throw<DomainRuleException>(() => @case.RecordOutcome(consult.Id, StepOutcome.Adopted, Today, "Samråd § 1", Today)).Rule.ShouldBe("OnlyDecidingStepDecides");
        Should.Throw<DomainRuleException>(() => new FlowTemplate(County, "Fel").AddStep(Forum, false, StepRole.Decide, body: ForumBody))
            .Rule.ShouldBe("AdvisoryNeverDecides");
        var template = new FlowTemplate(County, "Fel").AddStep(Forum, false, StepRole.Decide);
        Should.Throw<DomainRuleException>(() => NewCase().ApplyTemplate(template, new Dictionary<Guid, Body> { [Forum] = ForumBody }))
            .Rule.ShouldBe("AdvisoryNeverDecides");
    }

    [Fact]
    public void Steps_AreHandledInOrder()
    {
        var @case = NewCase();
        @case.AddStep(Forum, ForumBody, false, StepRole.Consult, null);
        var second = @case.AddStep(Run, RunBody, false, StepRole.Decide, null);
        @case.StatusOf(second).ShouldBe(StepStatus.Pending);
        Should.Throw<DomainRuleException>(() => @case.RecordOutcome(second.Id, StepOutcome.Adopted, Today, "RUN § 2", Today)).Rule.ShouldBe("StepOrder");
    }

    [Fact]
    public void AReferralPastItsDeadline_IsOverdue_UntilItsReplyIsSent()
    {
        var referral = NewCase(CaseKind.Referral);
        referral.ReceiveAsReferral("Näringsdepartementet", "SOU 2020:73", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 21), null);
        referral.IsOverdue(new DateOnly(2026, 11, 21)).ShouldBeFalse("the deadline day itself is not late");
        referral.IsReplyDueSoon(new DateOnly(2026, 11, 21)).ShouldBeTrue();
        referral.IsOverdue(new DateOnly(2026, 11, 22)).ShouldBeTrue();
        referral.SendReply(new DateOnly(2026, 11, 22), "Remissvar", null, Today, null);
        referral.IsOverdue(new DateOnly(2026, 11, 23)).ShouldBeFalse();
        referral.Status.ShouldBe(CaseStatus.Closed);
        referral.Documents.Select(d => d.Direction).ShouldBe([DocumentDirection.Incoming, DocumentDirection.Outgoing]);
        referral.Documents[^1].Counterpart.ShouldBe("Näringsdepartementet");
    }

    [Fact]
    public void ADocument_IsNumberedWithinTheCase_AndOneNotPublic_NamesItsSecrecyGround()
    {
        var @case = NewCase();
        @case.AddDocument(DocumentDirection.Incoming, "Kulturrådet", Today, "Skrivelse", true, null, null).Number.ShouldBe(1);
        Should.Throw<DomainRuleException>(() => @case.AddDocument(DocumentDirection.Internal, null, Today, "PM", false, null, null)).Rule.ShouldBe("SecrecyReference");
        var secret = @case.AddDocument(DocumentDirection.Internal, null, Today, "PM", false, "OSL 18 kap. 8 §", null);
        secret.Number.ShouldBe(2);
        secret.SecrecyReference.ShouldBe("OSL 18 kap. 8 §");
        Should.Throw<DomainRuleException>(() => @case.AddDocument(DocumentDirection.Incoming, null, Today, "Brev", true, null, null)).Rule.ShouldBe("DocumentCounterpart");
    }

    [Fact]
    public void AClosedCase_TakesNoMoreSteps()
    {
        var @case = NewCase();
        @case.Withdraw("Dras tillbaka", Today);
        Should.Throw<DomainRuleException>(() => @case.AddStep(Run, RunBody, false, StepRole.Decide, null)).Rule.ShouldBe("CaseClosed");
    }
}
