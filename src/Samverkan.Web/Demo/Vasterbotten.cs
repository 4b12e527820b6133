using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using static Samverkan.Web.Demo.DemoBuilder;

namespace Samverkan.Web.Demo;

/// <summary>
/// Västerbotten (seeds 002 and 003): the agreement 2023–2026 adopted by every council, the regional development board
/// (RUN), the primary municipal delegation (PKD) with its working committee, and the consultation forum of the two.
/// Its collaboration beyond the bodies is in <see cref="VasterbottenCollaboration"/>, its case register in
/// <see cref="VasterbottenCases"/>.
/// </summary>
internal static class Vasterbotten
{
    public static async Task SeedAsync(DemoBuilder demo, County county, Party region, List<Party> municipalities)
    {
        var db = demo.Db;
        demo.SeedBoard(region, ("S", 6, PoliticalSide.Majority), ("V", 2, PoliticalSide.Majority), ("M", 3, PoliticalSide.Opposition),
            ("C", 2, PoliticalSide.Opposition), ("SD", 1, PoliticalSide.Opposition), ("KD", 1, PoliticalSide.Opposition));
        var parties = new List<Party> { region };
        parties.AddRange(municipalities);
        var agreement = new Agreement(county.Id, "Överenskommelse om samverkan för regional utveckling 2023–2026", AgreementTexts.Vasterbotten,
            new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31), "RS 759-2022", parties);
        var day = new DateOnly(2022, 4, 25);
        foreach (var municipality in municipalities)
        {
            agreement.RecordAdoption(municipality.Id, day, $"KF {day:yyyy-MM-dd} § {40 + day.DayOfYear % 60}", new DateOnly(2023, 1, 1));
            day = day.AddDays(2);
        }

        agreement.RecordAdoption(region.Id, new DateOnly(2022, 11, 22), "RF 2022-11-22 § 110", new DateOnly(2023, 1, 1));
        db.Agreements.Add(agreement);

        var run = await demo.BodyAsync(county, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN",
            DemoBuilder.Template("regional-utvecklingsnamnd"), region.Id);
        var runSeats = new List<Membership>
        {
            demo.Seat(run, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.None),
            demo.Seat(run, region, MembershipRole.FirstViceChair, "V", PoliticalSide.Majority, QualifyingOffice.None),
            demo.Seat(run, region, MembershipRole.ViceChair, "M", PoliticalSide.Opposition, QualifyingOffice.None),
        };
        foreach (var abbreviation in new[] { "S", "S", "S", "V", "M", "M", "C", "C", "SD", "KD" })
        {
            runSeats.Add(demo.Seat(run, region, MembershipRole.Member, abbreviation, Side(abbreviation, "S", "V"), QualifyingOffice.None));
        }


        var pkd = await demo.BodyAsync(county, BodyKind.MunicipalDelegation, "Primärkommunal delegation", "PKD",
            DemoBuilder.DefaultRules with { MinMembers = 15, MaxMembers = 15, MinMeetingsPerYear = 4 });
        var pkdSeats = new Dictionary<string, Membership>();
        foreach (var municipality in municipalities)
        {
            var role = municipality.Name switch { "Umeå" => MembershipRole.Chair, "Skellefteå" => MembershipRole.FirstViceChair, _ => MembershipRole.Member };
            pkdSeats[municipality.Name] = demo.Seat(pkd, municipality, role, demo.Pick("S", "M", "C"), PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }


        var pkdAu = await demo.BodyAsync(county, BodyKind.WorkingCommittee, "Primärkommunala delegationens arbetsutskott", "PKD AU",
            DemoBuilder.DefaultRules with { MinMembers = 7, MaxMembers = 7 }, null, pkd.Id);
        var auNames = new[] { "Umeå", "Skellefteå", "Lycksele", "Vilhelmina", "Storuman", "Vindeln", "Nordmaling" };
        foreach (var name in auNames)
        {
            var seat = pkdSeats[name];
            pkdAu.AddMembership(seat.Person!, seat.AppointingParty!, seat.Role is MembershipRole.Chair or MembershipRole.FirstViceChair ? seat.Role : MembershipRole.Member,
                seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }


        // Seed 003: the consultation forum is six RUN members and the seven members of PKD's working committee; advisory only.
        var forum = await demo.BodyAsync(county, BodyKind.ConsultationForum, "Samråd för samverkan inom regional utveckling", "Samråd",
            DemoBuilder.Template("samradsforum", run, pkdAu));
        foreach (var seat in runSeats.Take(6).Concat(pkdAu.Memberships))
        {
            forum.AddMembership(seat.Person!, seat.AppointingParty!, seat.Role == MembershipRole.Chair && seat.AppointingPartyId == region.Id ? MembershipRole.Chair : MembershipRole.Member,
                seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }

    }
}
