using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Counties;
using Samverkan.Web.Features.Cases;
using static Samverkan.Web.Demo.DemoBuilder;

namespace Samverkan.Web.Demo;

/// <summary>
/// Västerbotten's case register (issue 9): the series RS and RUN, the flow templates of seeds 002 and 003, the
/// agreement's own chain as case RS 759-2022 with the real references of seed 002, the RUS through the consultation forum
/// and RUN, two referrals from seed 003's list, and a strategy waiting for the last municipal councils.
/// Dates and paragraphs not in the seeds are demo values, said so in each case's first document.
/// </summary>
internal static class VasterbottenCases
{
    private const string DemoDates = "datum och paragrafer som inte står i de verkliga handlingarna är påhittade för demon";

    public static async Task SeedAsync(DemoBuilder demo, County county, Party region, List<Party> municipalities, DateOnly today)
    {
        var db = demo.Db;
        var bodies = db.Bodies.Local.Where(b => b.CountyId == county.Id).ToList();
        var kinds = bodies.ToDictionary(b => b.Id);
        Body Find(string shortName) => bodies.Single(b => b.ShortName == shortName);

        // The bodies of seed 002's chain that the demo did not have yet.
        var pkb = await demo.BodyAsync(county, BodyKind.MunicipalDelegation, "Primärkommunala beredningen", "PKB", DemoBuilder.DefaultRules);
        foreach (var name in new[] { "Umeå", "Skellefteå", "Lycksele" })
        {
            demo.Seat(pkb, municipalities.Single(m => m.Name == name), name == "Umeå" ? MembershipRole.Chair : MembershipRole.Member, demo.Pick("S", "M", "C"),
                PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }

        var rsAu = await demo.BodyAsync(county, BodyKind.WorkingCommittee, "Regionstyrelsens arbetsutskott", "RS AU", DemoBuilder.DefaultRules, region.Id);
        demo.Seat(rsAu, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        demo.Seat(rsAu, region, MembershipRole.Member, "V", PoliticalSide.Majority, QualifyingOffice.None);
        demo.Seat(rsAu, region, MembershipRole.Member, "M", PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        var rf = await demo.BodyAsync(county, BodyKind.PartyAssembly, "Regionfullmäktige", "RF", DemoBuilder.DefaultRules, region.Id);
        demo.Seat(rf, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.None);
        foreach (var body in new[] { pkb, rsAu, rf })
        {
            kinds[body.Id] = body;
        }

        var run = Find("RUN");
        var pkd = Find("PKD");
        var forum = Find("Samråd");

        var none = CancellationToken.None;
        await demo.Cases.AddSeriesAsync(county.Id, new SeriesRequest("RS", "Regionstyrelsen", false), none);
        await demo.Cases.AddSeriesAsync(county.Id, new SeriesRequest("RUN", "Regionala utvecklingsnämnden", true), none);
        static TemplateStepRequest Step(Guid? bodyId, StepRole role, int? days = null) => new(bodyId, bodyId is null, role, days, bodyId is null);
        var agreementChain = await demo.Cases.AddTemplateAsync(county.Id, new TemplateRequest("Överenskommelse om samverkan (PKB → RUN → kommunerna → PKD → RS AU → RF)",
            [Step(pkb.Id, StepRole.Prepare), Step(run.Id, StepRole.Prepare, 60), Step(null, StepRole.Decide, 150), Step(pkd.Id, StepRole.Prepare, 200),
             Step(rsAu.Id, StepRole.Prepare, 250), Step(rf.Id, StepRole.Decide, 290)]), none);
        var referralFlow = await demo.Cases.AddTemplateAsync(county.Id, new TemplateRequest("Extern remiss (samrådet → RUN)",
            [Step(forum.Id, StepRole.Consult), Step(run.Id, StepRole.Decide)]), none);
        var strategyFlow = await demo.Cases.AddTemplateAsync(county.Id, new TemplateRequest("Strategi, handlingsplan eller agenda (samrådet → RUN → kommunerna)",
            [Step(forum.Id, StepRole.Consult), Step(run.Id, StepRole.Prepare), Step(null, StepRole.Decide)]), none);

        // RS 759-2022: the agreement 2023–2026, complete (seed 002).
        var agreement = db.Agreements.Local.Single(a => a.CountyId == county.Id);
        var chain = new Case(county.Id, "RS", 759, new DateOnly(2022, 2, 14), "Överenskommelse om samverkan för regional utveckling 2023–2026", CaseKind.Agreement,
            rf.Id, "Stab regional utveckling");
        chain.ConcernsAgreement(agreement.Id);
        chain.ApplyTemplate(agreementChain, kinds);
        chain.AddDocument(DocumentDirection.Internal, null, new DateOnly(2022, 2, 14), "Missiv Överenskommelse om samverkan för regional utveckling 2023–2026 (demo: " + DemoDates + ")",
            true, null, null);
        chain.AddDocument(DocumentDirection.Internal, null, new DateOnly(2022, 4, 13), "Överenskommelse om samverkan för regional utveckling 2023_2026 RUN 13 april med bilaga", true, null, null);
        var steps = chain.Steps.OrderBy(s => s.Order).ToList();
        chain.RecordOutcome(steps[0].Id, StepOutcome.Prepared, new DateOnly(2022, 3, 23), "PKB 2022-03-23 § 22", today, null, 22);
        chain.RecordOutcome(steps[1].Id, StepOutcome.Prepared, new DateOnly(2022, 4, 13), "RUN 2022-04-13 § 73", today, null, 73);
        var municipalIds = municipalities.Select(m => m.Id).ToList();
        foreach (var municipality in municipalities)
        {
            var adoption = agreement.AdoptionBy(municipality.Id)!;
            chain.RecordCouncilDecision(steps[2].Id, municipality.Id, municipality.Name, municipalIds, StepOutcome.Adopted, adoption.DecidedOn, adoption.Reference,
                "demodata", today);
        }

        chain.RecordOutcome(steps[3].Id, StepOutcome.Prepared, new DateOnly(2022, 9, 1), "PKD 2022-09-01 § 52", today, null, 52);
        chain.RecordOutcome(steps[4].Id, StepOutcome.Prepared, new DateOnly(2022, 10, 18), "RS AU 2022-10-18 § 192", today, null, 192);
        var regionAdoption = agreement.AdoptionBy(region.Id)!;
        chain.RecordOutcome(steps[5].Id, StepOutcome.Adopted, regionAdoption.DecidedOn, regionAdoption.Reference, today, null, 110);
        db.Cases.Add(chain);

        // The regional development strategy, 2020, through the forum and RUN (seed 003).
        var rus = new Case(county.Id, "RUN", 45, new DateOnly(2019, 10, 1), "Regional utvecklingsstrategi för Västerbottens län 2020–2030 (RUS)", CaseKind.Strategy,
            run.Id, "Stab regional utveckling");
        rus.AddStep(forum.Id, forum, false, StepRole.Consult, new DateOnly(2020, 2, 28));
        rus.AddStep(run.Id, run, false, StepRole.Decide, new DateOnly(2020, 4, 30));
        rus.AddDocument(DocumentDirection.Internal, null, new DateOnly(2019, 10, 1), "Förslag till regional utvecklingsstrategi (demo: " + DemoDates + ")", true, null, null);
        rus.RecordOutcome(rus.Steps[0].Id, StepOutcome.Advised, new DateOnly(2020, 2, 20), "Samråd 2020-02-20 § 4", today, null, 4);
        rus.RecordOutcome(rus.Steps[1].Id, StepOutcome.Adopted, new DateOnly(2020, 4, 15), "RUN 2020-04-15 § 41", today, null, 41);
        db.Cases.Add(rus);

        // A strategy waiting for the last municipal councils, so that a municipality's official has a decision to record.
        var innovation = new Case(county.Id, "RUN", 1, new DateOnly(today.Year, 1, 20), "Regional innovationsstrategi för Västerbotten", CaseKind.Strategy, run.Id,
            "Stab regional utveckling");
        innovation.RelateTo(rus);
        innovation.ApplyTemplate(strategyFlow, kinds);
        innovation.AddDocument(DocumentDirection.Internal, null, innovation.RegisteredOn, "Förslag till regional innovationsstrategi (demo: " + DemoDates + ")", true, null, null);
        var iSteps = innovation.Steps.OrderBy(s => s.Order).ToList();
        innovation.RecordOutcome(iSteps[0].Id, StepOutcome.Advised, new DateOnly(today.Year, 3, 12), $"Samråd {today.Year}-03-12 § 9", today, null, 9);
        innovation.RecordOutcome(iSteps[1].Id, StepOutcome.Prepared, new DateOnly(today.Year, 4, 15), $"RUN {today.Year}-04-15 § 38", today, null, 38);
        var day = new DateOnly(today.Year, 5, 18);
        foreach (var municipality in municipalities.Where(m => m.Name is not ("Umeå" or "Storuman" or "Sorsele")))
        {
            innovation.RecordCouncilDecision(iSteps[2].Id, municipality.Id, municipality.Name, municipalIds, StepOutcome.Adopted, day,
                $"KF {day:yyyy-MM-dd} § {30 + day.DayOfYear % 50}", "demodata", today);
            day = day.AddDays(5);
        }

        db.Cases.Add(innovation);

        // Seed 003's referral of spring 2021, answered after the forum and RUN.
        var forest = new Case(county.Id, "RUN", 12, new DateOnly(2021, 1, 18), "Stärkt äganderätt, flexibla skyddsformer och naturvård i skogen (SOU 2020:73)",
            CaseKind.Referral, run.Id, "Stab regional utveckling");
        forest.ReceiveAsReferral("Näringsdepartementet", "SOU 2020:73", new DateOnly(2021, 1, 18), new DateOnly(2021, 5, 3), null);
        forest.ApplyTemplate(referralFlow, kinds);
        forest.RecordOutcome(forest.Steps[0].Id, StepOutcome.Advised, new DateOnly(2021, 3, 25), "Samråd 2021-03-25 § 6", today, null, 6);
        forest.RecordOutcome(forest.Steps[1].Id, StepOutcome.Adopted, new DateOnly(2021, 4, 21), "RUN 2021-04-21 § 52", today, null, 52);
        db.Cases.Add(forest);
        forest.SendReply(new DateOnly(2021, 4, 28), "Remissvar: Stärkt äganderätt, flexibla skyddsformer och naturvård i skogen", "Näringsdepartementet", today, null);

        // An open referral with its deadline in the coming weeks; the forum has not yet met on it.
        var drafter = demo.NewPerson(county.Id, region);
        var shores = new Case(county.Id, "RUN", 2, today.AddDays(-30), "Tillgängliga stränder – ett mer differentierat strandskydd", CaseKind.Referral, run.Id,
            drafter.FullName);
        shores.ReceiveAsReferral("Miljödepartementet", $"M{today.Year}/0{today.DayOfYear}", today.AddDays(-30), today.AddDays(20), drafter.Id);
        shores.ApplyTemplate(referralFlow, kinds);
        db.Cases.Add(shores);
    }
}
