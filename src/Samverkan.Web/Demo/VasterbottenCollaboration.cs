using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using static Samverkan.Web.Demo.DemoBuilder;

namespace Samverkan.Web.Demo;

/// <summary>
/// Västerbotten's collaboration beyond its bodies (seeds 002, 003): RUN's working committee (RUN AU) and its meetings,
/// the consultation forum meeting after them with RUN AU's agenda and its advice, each municipality's contract (most
/// signed by all, two missing a signature), and the agreement's 2024 review (done; the 2026 one is due). People are
/// fictional; dates the seeds do not give are demo dates.
/// </summary>
internal static class VasterbottenCollaboration
{
    /// <returns>Umeå's municipal director, the named signatory the demo account <c>tjansteperson.umea</c> is.</returns>
    public static async Task<Person> SeedAsync(DemoBuilder demo, County county, Party region, List<Party> municipalities)
    {
        var db = demo.Db;
        Person NewPerson(Guid countyId, Party party) => demo.NewPerson(countyId, party);
        var run = db.Bodies.Local.Single(b => b.CountyId == county.Id && b.ShortName == "RUN");
        var pkd = db.Bodies.Local.Single(b => b.CountyId == county.Id && b.ShortName == "PKD");
        var forum = db.Bodies.Local.Single(b => b.CountyId == county.Id && b.ShortName == "Samråd");
        var runAu = await SeedRunWorkingCommitteeAsync(demo, county, run);
        SeedMeetings(db, runAu, forum);
        var umeaOfficial = SeedContracts(db, county, region, municipalities, run, pkd, NewPerson);
        SeedReview(db, county);
        return umeaOfficial;
    }

    /// <summary>RUN AU: RUN's presidium and two of its members.</summary>
    private static async Task<Body> SeedRunWorkingCommitteeAsync(DemoBuilder demo, County county, Body run)
    {
        var runAu = await demo.BodyAsync(county, BodyKind.WorkingCommittee, "Regionala utvecklingsnämndens arbetsutskott", "RUN AU", DemoBuilder.DefaultRules,
            run.OwnerPartyId, run.Id);
        var seats = run.Memberships.Where(m => m.Role is MembershipRole.Chair or MembershipRole.FirstViceChair or MembershipRole.ViceChair)
            .Concat(run.Memberships.Where(m => m.Role == MembershipRole.Member).Take(2));
        foreach (var seat in seats)
        {
            runAu.AddMembership(seat.Person!, seat.AppointingParty!, seat.Role, seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }

        return runAu;
    }

    /// <summary>
    /// RUN AU in September, October and December 2026; the forum meets the same afternoons. The held forum meetings took
    /// up RUN AU's agenda; October's minutes record the forum's advice. December's agenda is not shared yet.
    /// </summary>
    private static void SeedMeetings(AppDbContext db, Body runAu, Body forum)
    {
        var agendas = new (int Month, int Day, (string Title, string? Case, string Proposal)[] Items)[]
        {
            (9, 2, [("Regional utvecklingsstrategi – uppföljning 2026", "RUN 412-2026", "Att notera uppföljningen."),
                ("Remiss: Nationell plan för transportinfrastrukturen", "RUN 455-2026", "Att föreslå nämnden ett remissvar.")]),
            (10, 14, [("Regional innovationsstrategi – revidering", "RUN 498-2026", "Att föreslå nämnden att anta den reviderade strategin."),
                ("Kulturplan 2027–2030, förslag", "RUN 503-2026", "Att föreslå nämnden att skicka kulturplanen på remiss.")]),
            (12, 2, [("Länstransportplan 2026–2037, prioriteringar", "RUN 560-2026", "Att föreslå nämnden prioriteringarna."),
                ("Agenda för kompetensförsörjning – lägesrapport", "RUN 571-2026", "Att notera lägesrapporten.")]),
        };
        foreach (var (month, day, items) in agendas)
        {
            var date = new DateOnly(2026, month, day);
            var morning = Clock.FromSwedish(date, new TimeOnly(9, 0));
            var au = new Meeting(runAu, morning, morning.AddHours(2), "Regionens hus, Umeå");
            foreach (var (title, caseReference, proposal) in items)
            {
                au.AddAgendaItem(title, caseReference, "Regional utvecklingsdirektör", proposal);
            }

            var afternoon = Clock.FromSwedish(date, new TimeOnly(13, 0));
            var samrad = new Meeting(forum, afternoon, afternoon.AddHours(2), "Regionens hus, Umeå");
            var held = month < 11;
            if (held)
            {
                var sentOn = date.AddDays(-20);
                au.SendNotice(runAu.Rules, date, sentOn, new DateTimeOffset(sentOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), "sekretariat.vasterbotten");
                samrad.TakeAgendaFrom(au);
                samrad.SendNotice(forum.Rules, date, sentOn, new DateTimeOffset(sentOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), "sekretariat.vasterbotten");
            }

            db.Meetings.Add(au);
            db.Meetings.Add(samrad);
            if (month == 10)
            {
                var minutes = new Minutes(samrad, 2026);
                var first = minutes.AddItem(1, items[0].Title, "Kommunerna betonade behovet av insatser i inlandet.", "Antecknas.", DecisionKind.Information);
                minutes.RecordAdvice(first.Id, "Samrådet tillstyrker revideringen och råder nämnden att låta kommunernas näringslivsfunktioner delta i genomförandet.", DecisionKind.Advice);
                var second = minutes.AddItem(2, items[1].Title, null, "Antecknas.", DecisionKind.Information);
                minutes.RecordAdvice(second.Id, "Samrådet ställer sig bakom att kulturplanen skickas på remiss till länets kommuner.", DecisionKind.Position);
                db.Minutes.Add(minutes);
            }
        }
    }

    /// <summary>
    /// One contract per municipality, signed by the region's and the municipality's elected representative and official.
    /// Umeå's municipal director and Sorsele's executive board chair have not signed yet.
    /// </summary>
    private static Person SeedContracts(AppDbContext db, County county, Party region, List<Party> municipalities, Body run, Body pkd,
        Func<Guid, Party, Person> newPerson)
    {
        var agreement = db.Agreements.Local.Single(a => a.CountyId == county.Id);
        var runChair = run.Memberships.Single(m => m.Role == MembershipRole.Chair).Person!;
        var regionDirector = newPerson(county.Id, region);
        Person? umeaOfficial = null;
        var day = new DateOnly(2022, 10, 3);
        foreach (var municipality in municipalities)
        {
            var chair = pkd.Memberships.Single(m => m.AppointingPartyId == municipality.Id).Person!;
            var director = newPerson(county.Id, municipality);
            if (municipality.Name == "Umeå")
            {
                umeaOfficial = director;
            }

            var contract = new PartyContract(agreement, municipality,
                $"Överenskommelsen om samverkan för regional utveckling 2023–2026 är likalydande för alla kommuner. För {municipality.Name} innebär den att kommunen " +
                "deltar i den primärkommunala delegationen och dess utskott, i samrådet inför regionala utvecklingsnämndens beslut och i samverkansområdena " +
                "enligt den regionala utvecklingsstrategin.",
                $"{municipality.Name} utser ledamot i primärkommunala delegationen, bereder gemensamma ärenden och remisser i kommunstyrelsen i tid före " +
                "delegationens sammanträden, och följer upp samverkansresultaten i sin verksamhetsuppföljning.",
                [
                    (ContractSide.Region, SignatoryCapacity.Elected, runChair.FullName, "Ordförande, regionala utvecklingsnämnden", runChair.Id),
                    (ContractSide.Region, SignatoryCapacity.Official, regionDirector.FullName, "Regiondirektör", regionDirector.Id),
                    (ContractSide.Municipality, SignatoryCapacity.Elected, chair.FullName, "Kommunstyrelsens ordförande", chair.Id),
                    (ContractSide.Municipality, SignatoryCapacity.Official, director.FullName, "Kommundirektör", director.Id),
                ]);
            var recordedOn = new DateOnly(2023, 1, 31);
            foreach (var signatory in contract.Signatories)
            {
                var missing = (municipality.Name == "Umeå" && signatory.Side == ContractSide.Municipality && signatory.Capacity == SignatoryCapacity.Official)
                    || (municipality.Name == "Sorsele" && signatory.Side == ContractSide.Municipality && signatory.Capacity == SignatoryCapacity.Elected);
                if (!missing)
                {
                    contract.Sign(signatory.Id, day, "sekretariat.vasterbotten", recordedOn);
                }
            }

            db.PartyContracts.Add(contract);
            day = day.AddDays(3);
        }

        return umeaOfficial!;
    }

    /// <summary>Seed 002: reviewed during 2024 (held; demo content) and during the last year, 2026 (due, not held yet).</summary>
    private static void SeedReview(AppDbContext db, County county)
    {
        var agreement = db.Agreements.Local.Single(a => a.CountyId == county.Id);
        agreement.RecordReview(2024, new DateOnly(2024, 10, 15),
            "Primärkommunala delegationen, regionala utvecklingsnämndens presidium och länets kommundirektörer (demo)",
            "Samrådet och delegationens utskott fungerar; kommunerna vill få RUN AU:s ärendelista tidigare. (Demo.)",
            "Gemensamma remissvar och den regionala utvecklingsstrategins uppföljning har fått stöd av alla kommuner. (Demo.)",
            "Finansieringen ligger fast under resten av avtalstiden. (Demo.)",
            "Samverkansstrukturen behålls; fullmäktigeberedningen träffar nämnden från 2025. (Demo.)",
            "Överenskommelsen är aktuell och gäller avtalstiden ut; nästa prövning under 2026 inför en ny överenskommelse. (Demo.)",
            "sekretariat.vasterbotten", new DateOnly(2024, 12, 31));
    }
}
