using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;

namespace Samverkan.Tests.Domain;

/// <summary>DOMAIN.md, Economy: which invoice each municipality gets when the secretariat raises an instalment or the corrections.</summary>
public sealed class InvoicePlanTests
{
    private static readonly Guid County = Guid.NewGuid();
    private static readonly Guid Agreement = Guid.NewGuid();
    private static readonly DateOnly January = new(2026, 1, 10);
    private static readonly Party Region = TestOrg.Region(County, "Region Västmanland");
    private static readonly Party VasterasParty = TestOrg.Municipality(County, "Västerås", "1980");
    private static readonly Party SalaParty = TestOrg.Municipality(County, "Sala", "1981");
    private static readonly Party NorbergParty = TestOrg.Municipality(County, "Norberg", "1962");
    private static readonly AnnualAmount Vasteras = new(VasterasParty.Id, "Västerås", Money.Sek(1_234_567m));
    private static readonly AnnualAmount Sala = new(SalaParty.Id, "Sala", Money.Sek(200_000m));

    /// <summary>The agreement from 2023, adopted in the autumn of 2022 by every council but those <paramref name="pending"/>.</summary>
    private static Agreement Adopted(IEnumerable<Party>? pending = null, IEnumerable<Party>? parties = null, DateOnly? validFrom = null)
    {
        var all = (parties ?? [Region, VasterasParty, SalaParty, NorbergParty]).ToList();
        var agreement = new Agreement(County, "Överenskommelse om regional samverkan", "Text", validFrom ?? new DateOnly(2023, 1, 1), null, "RV 2022-1187", all);
        foreach (var party in all.Except(pending ?? []))
        {
            agreement.RecordAdoption(party.Id, new DateOnly(2022, 11, 14), "KF 2022-11-14 § 120", new DateOnly(2022, 12, 1));
        }

        return agreement;
    }

    private static InvoicingYear Year(bool preliminary = false, params AnnualAmount[] amounts) =>
        new(2026, new CostModel(County, Agreement, 2023, 14_840_000m, "Aktuell kostnadsnivå 2023"), preliminary, amounts.Length == 0 ? [Vasteras, Sala] : amounts,
            Adopted());

    /// <summary>Raises the plan as the invoice run does: each planned invoice with the next number.</summary>
    private static List<Invoice> Raise(InvoicePlan plan, IReadOnlyCollection<Invoice> before) =>
        plan.EnsureRaisable().Invoices.Select((p, n) => plan.Issue(p, County, Agreement, before.Count + n + 1, "{}")).ToList();

    private static List<Invoice> Raised(InvoiceRun run, InvoicingYear year, List<Invoice> before, DateOnly? on = null) =>
        [.. before, .. Raise(InvoicePlan.Make(run, year, before, on ?? January), before)];

    [Fact]
    public void FirstInstalment_IsHalfTheYearRoundedDown_ForEveryMunicipality()
    {
        var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(1), Year(), [], January);

        plan.Invoices.Select(i => (i.Party.Party, i.Amount.Value)).ShouldBe([("Västerås", 617_283m), ("Sala", 100_000m)]);
        plan.Invoices.ShouldAllBe(i => i.Kind == InvoiceKind.Invoice && i.Purpose == InvoicePurpose.Instalment && i.Instalment == 1);
        plan.Total.ShouldBe(Money.Sek(717_283m));
        plan.Invoices[0].Calculation.ShouldBe("Delbetalning 1 = hälften av årsbeloppet 1 234 567 kr avrundat nedåt till hela kronor = 617 283 kr, att betala senast 2026-02-01.");
        plan.Invoices[0].Description.ShouldBe("Regional samverkan 2026, delbetalning 1 av 2");
    }

    [Fact]
    public void Instalment_RaisedBeforeItsDueDate_IsDueOnTheAgreedDate_AfterIt_ThirtyDaysLater()
    {
        var early = InvoicePlan.Make(InvoiceRun.OfInstalment(1), Year(), [], January);
        var late = InvoicePlan.Make(InvoiceRun.OfInstalment(1), Year(), [], new DateOnly(2026, 11, 22));

        early.IsLate.ShouldBeFalse();
        early.DueOn.ShouldBe(new DateOnly(2026, 2, 1));
        late.IsLate.ShouldBeTrue();
        late.AgreedDueOn.ShouldBe(new DateOnly(2026, 2, 1));
        late.DueOn.ShouldBe(new DateOnly(2026, 12, 22));
        late.Invoices.ShouldAllBe(i => i.DueOn == new DateOnly(2026, 12, 22));
    }

    [Fact]
    public void Instalment_AlreadyRaised_IsNotPlannedAgain()
    {
        var raised = Raised(InvoiceRun.OfInstalment(1), Year(), []);

        var again = InvoicePlan.Make(InvoiceRun.OfInstalment(1), Year(), raised, January);

        again.Invoices.ShouldBeEmpty();
        again.UpToDate.ShouldBe(2);
    }

    [Fact]
    public void FirstInstalment_OfNothing_IsNoInvoice()
    {
        var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(1), Year(false, new AnnualAmount(NorbergParty.Id, "Norberg", Money.Sek(1m))), [], January);

        plan.Invoices.ShouldBeEmpty();
        plan.UpToDate.ShouldBe(0);
    }

    [Fact]
    public void SecondInstalment_IsTheYearLessTheFirst_AndTruesUpAPreliminaryFirst()
    {
        var first = Raised(InvoiceRun.OfInstalment(1), Year(preliminary: true), []);
        var final = Year(false, Vasteras with { Amount = Money.Sek(1_240_000m) }, Sala);

        var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(2), final, first, January);

        plan.Invoices.Select(i => (i.Party.Party, i.Amount.Value, i.InvoicedBefore.Value)).ShouldBe([("Västerås", 622_717m, 617_283m), ("Sala", 100_000m, 100_000m)]);
        plan.Invoices[0].Calculation.ShouldBe("Delbetalning 2 = årsbeloppet 1 240 000 kr − delbetalning 1 (2026-0001) 617 283 kr = 622 717 kr; "
            + "delbetalning 1 byggde på preliminärt index, så denna faktura stämmer av året mot den slutliga nivån.");
        first.ShouldAllBe(i => i.IsPreliminary && i.Description == "Regional samverkan 2026, delbetalning 1 av 2 (preliminär)");
    }

    [Fact]
    public void SecondInstalment_BeforeTheFirst_IsRefused_AndThePreviewNamesWhoLacksIt()
    {
        var onlyVasteras = Raised(InvoiceRun.OfInstalment(1), Year(false, Vasteras), []);

        var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(2), Year(), onlyVasteras, January);

        plan.MissingEarlierInstalment.ShouldBe(["Sala"]);
        plan.Invoices.Select(i => i.Party.Party).ShouldBe(["Västerås"]);
        var refusal = Should.Throw<DomainRuleException>(() => plan.EnsureRaisable());
        refusal.Rule.ShouldBe("FirstInstalmentFirst");
        refusal.Message.ShouldBe("Delbetalning 1 för 2026 måste faktureras före delbetalning 2 (Sala saknar den).");
    }

    [Fact]
    public void Corrections_BeforeTheSecondInstalment_AreRefused()
    {
        var first = Raised(InvoiceRun.OfInstalment(1), Year(), []);

        var refusal = Should.Throw<DomainRuleException>(() => InvoicePlan.Make(InvoiceRun.Corrections, Year(), first, January).EnsureRaisable());

        refusal.Rule.ShouldBe("CorrectionBeforeSecond");
        refusal.Message.ShouldBe("Rättelser görs efter delbetalning 2; Västerås har ingen delbetalning 2 för 2026. Fakturera delbetalning 2 i stället.");
    }

    [Fact]
    public void Corrections_AreASupplementaryInvoiceForMore_ACreditNoteForLess_AndNothingWhenUnchanged()
    {
        var both = Raised(InvoiceRun.OfInstalment(2), Year(), Raised(InvoiceRun.OfInstalment(1), Year(), []));
        var norberg = new AnnualAmount(NorbergParty.Id, "Norberg", Money.Sek(50_000m));
        var withNorberg = Raised(InvoiceRun.OfInstalment(2), Year(false, norberg), Raised(InvoiceRun.OfInstalment(1), Year(false, norberg), both));
        var changed = Year(false, Vasteras with { Amount = Money.Sek(1_234_600m) }, Sala with { Amount = Money.Sek(199_000m) }, norberg);

        var plan = InvoicePlan.Make(InvoiceRun.Corrections, changed, withNorberg, January);

        plan.Invoices.Select(i => (i.Party.Party, i.Kind, i.Amount.Value)).ShouldBe([("Västerås", InvoiceKind.Invoice, 33m), ("Sala", InvoiceKind.CreditNote, 1_000m)]);
        plan.Invoices.ShouldAllBe(i => i.Purpose == InvoicePurpose.Correction && i.Instalment == null && i.DueOn == January.AddDays(30));
        plan.UpToDate.ShouldBe(1);
        plan.Invoices[1].Calculation.ShouldBe("Årsbeloppet är nu 199 000 kr; fakturerat hittills 200 000 kr; kreditnota på 1 000 kr.");
        plan.Invoices[1].Description.ShouldBe("Regional samverkan 2026, kreditnota efter ändrad kostnadsnivå");
        var corrected = Raised(InvoiceRun.Corrections, changed, withNorberg);
        InvoicePlan.Make(InvoiceRun.Corrections, changed, corrected, January).Invoices.ShouldBeEmpty();
        corrected.Where(i => i.PartyId == Sala.PartyId).Sum(i => i.SignedAmount).ShouldBe(199_000m);
    }

    [Fact]
    public void IssuedInvoices_AreWhatThePlanShowed()
    {
        var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(1), Year(), [], January);

        var issued = Raise(plan, []);

        issued.Select(i => (i.PartyId, i.Amount, i.DueOn, i.Number)).ShouldBe(
            plan.Invoices.Select((p, n) => (p.Party.PartyId, p.Amount.Value, p.DueOn, $"2026-{n + 1:0000}")));
        issued.ShouldAllBe(i => i.IssuedOn == January && i.Year == 2026 && !i.IsPreliminary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void AnInstalmentOtherThanTheFirstOrTheSecond_IsRefused(int instalment)
    {
        Should.Throw<DomainRuleException>(() => InvoiceRun.OfInstalment(instalment)).Message.ShouldBe("Delbetalningen är 1 (februari) eller 2 (augusti).");
    }

    [Fact]
    public void Instalment_UnderAnAgreementNotAdoptedByEveryCouncil_IsRefused_NamingWhoHasNot()
    {
        var year = Year() with { Agreement = Adopted(pending: [VasterasParty, SalaParty]) };

        var plan = InvoicePlan.Make(InvoiceRun.OfInstalment(1), year, [], January);

        plan.Refusals.Select(r => r.Rule).ShouldBe(["AgreementNotInForce"]);
        var refusal = Should.Throw<DomainRuleException>(() => plan.EnsureRaisable());
        refusal.Rule.ShouldBe("AgreementNotInForce");
        refusal.Message.ShouldBe("Överenskommelsen gäller inte den 2026-02-01, förfallodagen för delbetalning 1 för 2026: Västerås och Sala har inte antagit den. "
            + "Den gäller först när alla parters fullmäktige har antagit den, och ingen faktura skapas innan dess.");
    }

    [Fact]
    public void Instalment_WhoseDueDateCameBeforeTheLastAdoption_IsRefused_TheNextYearsIsNot()
    {
        var agreement = Adopted(pending: [VasterasParty]);
        agreement.RecordAdoption(VasterasParty.Id, new DateOnly(2026, 5, 4), "KF 2026-05-04 § 12", new DateOnly(2026, 5, 4));
        var year = Year() with { Agreement = agreement };

        InvoicePlan.Make(InvoiceRun.OfInstalment(1), year, [], new DateOnly(2026, 6, 1)).Refusals.Single().Message
            .ShouldStartWith("Överenskommelsen gäller inte den 2026-02-01, förfallodagen för delbetalning 1 för 2026: Västerås (2026-05-04) antog den först efter förfallodagen.");
        InvoicePlan.Make(InvoiceRun.OfInstalment(2), year, [], new DateOnly(2026, 6, 1)).Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void Instalment_BeforeTheAgreementStarts_IsRefused()
    {
        var year = Year() with { Agreement = Adopted(validFrom: new DateOnly(2026, 7, 1)) };

        InvoicePlan.Make(InvoiceRun.OfInstalment(1), year, [], January).Refusals.Single().Message
            .ShouldBe("Överenskommelsen gäller inte den 2026-02-01, förfallodagen för delbetalning 1 för 2026: den gäller från 2026-07-01.");
        InvoicePlan.Make(InvoiceRun.OfInstalment(2), year, [], January).Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void Invoice_ToAPartyWithoutOrganisationNumber_IsRefused_NamingIt()
    {
        var unnumbered = new Party(County, PartyKind.Municipality, "Kungsör", "1960", null);
        var year = Year(false, Vasteras, new AnnualAmount(unnumbered.Id, "Kungsör", Money.Sek(80_000m))) with
        {
            Agreement = Adopted(parties: [Region, VasterasParty, unnumbered]),
        };

        var refusal = Should.Throw<DomainRuleException>(() => InvoicePlan.Make(InvoiceRun.OfInstalment(1), year, [], January).EnsureRaisable());

        refusal.Rule.ShouldBe("OrganisationNumberMissing");
        refusal.Message.ShouldBe("Organisationsnummer saknas för Kungsör. Ange det under Parter innan fakturorna skapas.");
    }
}
