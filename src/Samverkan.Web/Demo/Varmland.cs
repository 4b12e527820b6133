using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using static Samverkan.Web.Demo.DemoBuilder;

namespace Samverkan.Web.Demo;

/// <summary>
/// Värmland (seed 004): Samverkansavtal Värmland adopted by all 17 councils with its supplement on the shared resources,
/// the Värmland Council (VR) with its working committee (VRAU) and officials' group (VRAG). The fund itself is in
/// <see cref="VarmlandFund"/>, set up once these are saved.
/// </summary>
internal static class Varmland
{
    /// <returns>The agreement with the fund's supplement, the Council and the parties, for <see cref="VarmlandFund"/>.</returns>
    public static async Task<(Agreement Agreement, Body Council, List<Party> Parties)> SeedAsync(DemoBuilder demo, County county, Party region, List<Party> municipalities)
    {
        var db = demo.Db;
        demo.SeedBoard(region, ("S", 5, PoliticalSide.Majority), ("C", 2, PoliticalSide.Majority), ("V", 1, PoliticalSide.Majority),
            ("M", 3, PoliticalSide.Opposition), ("SD", 2, PoliticalSide.Opposition), ("KD", 1, PoliticalSide.Opposition), ("L", 1, PoliticalSide.Opposition));
        var parties = new List<Party> { region };
        parties.AddRange(municipalities);
        var agreement = new Agreement(county.Id, "Samverkansavtal Värmland", AgreementTexts.Varmland, new DateOnly(2020, 1, 1), null, null, parties);
        var day = new DateOnly(2019, 9, 23);
        foreach (var party in parties)
        {
            var prefix = party.Kind == PartyKind.Region ? "RF" : "KF";
            agreement.RecordAdoption(party.Id, day, $"{prefix} {day:yyyy-MM-dd} § {60 + day.Day}", new DateOnly(2020, 1, 1));
            day = day.AddDays(4);
        }

        agreement.AddSupplement("Överenskommelse om de gemensamma resurserna (DGR)",
            "Tillägg till Samverkansavtal Värmland om de gemensamma resurserna, cirka 200 miljoner kronor (55 + 101 + 44 mnkr) som " +
            "förvaltas och särredovisas av Region Värmland. Alla 17 parter kan föreslå insatser; ställningstagandet kräver konsensus " +
            "i Värmlandsrådet efter beredning i VRAU med stöd av VRAG.",
            new DateOnly(2022, 1, 1), "Värmlandsrådet 2021-06-11 § 8", new DateOnly(2021, 12, 31));
        db.Agreements.Add(agreement);
        VarmlandFund.AdoptSupplement(agreement, parties);

        var council = await demo.BodyAsync(county, BodyKind.CountyCouncil, "Värmlandsrådet", "VR", DemoBuilder.Template("lansrad"));
        demo.Seat(council, region, MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        demo.Seat(council, region, MembershipRole.Member, "M", PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        var chairsByMunicipality = new Dictionary<Guid, Membership>();
        foreach (var municipality in municipalities)
        {
            var role = municipality.Name == "Karlstad" ? MembershipRole.FirstViceChair : MembershipRole.Member;
            chairsByMunicipality[municipality.Id] = demo.Seat(council, municipality, role, demo.Pick("S", "M", "C"), PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }


        var vrau = await demo.BodyAsync(county, BodyKind.WorkingCommittee, "Värmlandsrådets arbetsutskott", "VRAU", DemoBuilder.DefaultRules, null, council.Id);
        var chairSeat = council.Memberships.First(m => m.Role == MembershipRole.Chair);
        vrau.AddMembership(chairSeat.Person!, region, MembershipRole.Chair, chairSeat.PoliticalParty, chairSeat.Side, chairSeat.Office, null, TermStart, TermEnd);
        foreach (var name in new[] { "Karlstad", "Arvika", "Kristinehamn", "Torsby", "Säffle" })
        {
            var municipality = municipalities.Single(m => m.Name == name);
            var seat = chairsByMunicipality[municipality.Id];
            vrau.AddMembership(seat.Person!, municipality, name == "Karlstad" ? MembershipRole.ViceChair : MembershipRole.Member,
                seat.PoliticalParty, seat.Side, seat.Office, null, TermStart, TermEnd);
        }


        var vrag = await demo.BodyAsync(county, BodyKind.OfficialsGroup, "Värmlandsrådets arbetsgrupp (VRAG/KDRD)", "VRAG", DemoBuilder.DefaultRules, null, council.Id);
        demo.Seat(vrag, region, MembershipRole.Chair, null, null, QualifyingOffice.Official, "Regiondirektör");
        foreach (var municipality in municipalities)
        {
            demo.Seat(vrag, municipality, MembershipRole.Member, null, null, QualifyingOffice.Official, "Kommundirektör");
        }

        return (agreement, council, parties);
    }
}
