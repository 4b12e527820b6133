using Samverkan.Tests.Support;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;

namespace Samverkan.Tests.Domain;

internal static class TestOrg
{
    /// <summary>A valid organisation number from nine digits.</summary>
    public static string Number(string nineDigits) => $"{nineDigits[..6]}-{nineDigits[6..]}{OrganisationNumber.CheckDigit(nineDigits)}";

    public static Party Municipality(Guid countyId, string name, string code) =>
        new(countyId, PartyKind.Municipality, name, code, Number("212000" + code[1..]));

    public static Party Region(Guid countyId, string name) => new(countyId, PartyKind.Region, name, null, Number("232100019"));
}

/// <summary>One seat of the SRB as a test describes it; <see cref="Party"/> is "Region" or a municipality's name.</summary>
internal sealed record SeatSpec(string Party, MembershipRole Role, string? PoliticalParty, PoliticalSide? Side, QualifyingOffice Office, DateOnly? To = null);

/// <summary>
/// Builds the Västmanland SRB. <see cref="Valid"/> is a composition that meets every rule of seed 001 §2.2 (26 members);
/// tests change one thing and expect the rule it breaks.
/// </summary>
internal sealed class SrbBuilder
{
    public static readonly DateOnly AsOf = new(2025, 6, 1);

    private static readonly string[] MunicipalityNames =
        ["Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala", "Skinnskatteberg", "Surahammar", "Västerås"];

    private static readonly string[] MunicipalityCodes = ["1984", "1982", "1961", "1960", "1983", "1962", "1981", "1904", "1907", "1980"];

    public Guid CountyId { get; } = Guid.NewGuid();

    public List<SeatSpec> Seats { get; } = [];

    public List<(string Party, int Seats, PoliticalSide Side)> Board { get; } =
    [
        ("S", 5, PoliticalSide.Majority), ("C", 1, PoliticalSide.Majority), ("KD", 1, PoliticalSide.Majority), ("L", 1, PoliticalSide.Majority),
        ("M", 3, PoliticalSide.Opposition), ("SD", 2, PoliticalSide.Opposition), ("V", 1, PoliticalSide.Opposition), ("MP", 1, PoliticalSide.Opposition),
    ];

    public DateOnly TermStart { get; set; } = new(2023, 1, 1);

    public DateOnly TermEnd { get; set; } = new(2026, 12, 31);

    public string? TermDeviation { get; set; }

    public static SrbBuilder Valid()
    {
        var b = new SrbBuilder();
        b.Seats.AddRange(
        [
            new("Region", MembershipRole.Chair, "S", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair),
            new("Region", MembershipRole.Member, "C", PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardViceChair),
            new("Region", MembershipRole.ViceChair, "M", PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair),
            new("Region", MembershipRole.Member, "S", PoliticalSide.Majority, QualifyingOffice.None),
            new("Region", MembershipRole.Member, "KD", PoliticalSide.Majority, QualifyingOffice.None),
            new("Region", MembershipRole.Member, "SD", PoliticalSide.Opposition, QualifyingOffice.None),
        ]);
        var parties = new Dictionary<string, (string Chair, string Opposition)>
        {
            ["Arboga"] = ("S", "M"), ["Fagersta"] = ("S", "M"), ["Hallstahammar"] = ("S", "M"), ["Kungsör"] = ("S", "SD"), ["Köping"] = ("S", "M"),
            ["Norberg"] = ("S", "V"), ["Sala"] = ("M", "S"), ["Skinnskatteberg"] = ("S", "C"), ["Surahammar"] = ("S", "MP"), ["Västerås"] = ("L", "S"),
        };
        foreach (var name in MunicipalityNames)
        {
            b.Seats.Add(new(name, name == "Västerås" ? MembershipRole.FirstViceChair : MembershipRole.Member, parties[name].Chair,
                PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair));
            b.Seats.Add(new(name, name == "Sala" ? MembershipRole.ViceChair : MembershipRole.Member, parties[name].Opposition,
                PoliticalSide.Opposition, QualifyingOffice.OppositionLeader));
        }

        return b;
    }

    public SrbBuilder Replace(Func<SeatSpec, bool> which, Func<SeatSpec, SeatSpec> change)
    {
        var index = Seats.FindIndex(s => which(s));
        if (index < 0)
        {
            throw new InvalidOperationException("No such seat in the builder.");
        }

        Seats[index] = change(Seats[index]);
        return this;
    }

    public SrbBuilder Remove(Func<SeatSpec, bool> which)
    {
        Seats.RemoveAt(Seats.FindIndex(s => which(s)));
        return this;
    }

    public IReadOnlyList<CompositionViolation> Check()
    {
        var political = new Dictionary<string, PoliticalParty>();
        PoliticalParty Pol(string abbreviation) => political.TryGetValue(abbreviation, out var p) ? p : political[abbreviation] = new PoliticalParty(abbreviation, "Parti " + abbreviation);

        var region = TestOrg.Region(CountyId, "Region Västmanland");
        var parties = new List<Party> { region };
        parties.AddRange(MunicipalityNames.Select((n, i) => TestOrg.Municipality(CountyId, n, MunicipalityCodes[i])));
        var board = Board.Select(s => new ExecutiveBoardSeat(region, Pol(s.Party), s.Seats, s.Side)).ToList();

        var body = new Body(CountyId, BodyKind.StrategicRegionalCommittee, "Strategisk regional beredning", "SRB", TemplateRules.Srb, region.Id);
        body.AddTerm(TermStart, TermEnd, TermDeviation);
        var n = 0;
        foreach (var seat in Seats)
        {
            var party = parties.Single(p => seat.Party == "Region" ? p.Kind == PartyKind.Region : p.Name == seat.Party);
            var person = new Person(CountyId, "Förnamn" + n, "Efternamn" + n++, null);
            body.AddMembership(person, party, seat.Role, seat.PoliticalParty is null ? null : Pol(seat.PoliticalParty), seat.Side, seat.Office, null,
                TermStart, seat.To ?? TermEnd);
        }

        return CompositionCheck.Check(body, parties, board, AsOf);
    }
}
