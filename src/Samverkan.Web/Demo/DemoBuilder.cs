using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;

namespace Samverkan.Web.Demo;

/// <summary>
/// What every county model of the demo is built with: the political parties, and fictional people drawn from one
/// seeded sequence. The counties draw from it one after another (see <see cref="DemoData"/>), so a county that draws
/// more, or earlier, changes the names of every county after it.
/// </summary>
internal sealed class DemoBuilder(AppDbContext db, BodySetup setup, Features.Cases.CaseSetup caseSetup)
{
    public static readonly DateOnly TermStart = new(2023, 1, 1);
    public static readonly DateOnly TermEnd = new(2026, 12, 31);

    // Fictional people: common Swedish first names and surnames combined at random with a fixed seed.
    private static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Ingrid", "Marie", "Malin", "Johanna", "Linnea", "Elin",
        "Ida", "Hanna", "Sofia", "Annika", "Camilla", "Helena", "Ulrika", "Therese", "Cecilia", "Frida", "Agneta", "Birgitta", "Åsa", "Maja",
        "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Mikael", "Jan", "Hans", "Thomas", "Daniel", "Fredrik", "Stefan",
        "Mattias", "Magnus", "Jonas", "Andreas", "Niklas", "Oskar", "Gustav", "Henrik", "Martin", "Björn", "Ola", "Göran", "Rasmus", "Viktor",
    ];

    private static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson",
        "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist",
        "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg",
        "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
        "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
    ];

    private readonly Random random = new(2026);
    private readonly Dictionary<string, PoliticalParty> politicalParties = [];
    private readonly HashSet<string> usedNames = [];

    public AppDbContext Db => db;

    /// <summary>The case register's setup, as a county's secretariat uses it.</summary>
    public Features.Cases.CaseSetup Cases => caseSetup;

    /// <summary>A body's rules with nothing beyond the defaults a new body starts from.</summary>
    public static BodyRulesRequest DefaultRules => BodyRulesRequest.Defaults;

    /// <summary>A template's rules, members drawn from other bodies matched by kind among <paramref name="bodies"/>.</summary>
    public static BodyRulesRequest Template(string key, params Body[] bodies) =>
        BodyTemplates.AsRequest(BodyTemplates.Find(key) ?? throw new InvalidOperationException($"No body template {key}."),
            kind => bodies.FirstOrDefault(b => b.Kind == kind)?.Id);

    /// <summary>A body of the county for the demo's term, made as a county makes one (<see cref="BodySetup"/>).</summary>
    public Task<Body> BodyAsync(County county, BodyKind kind, string name, string shortName, BodyRulesRequest rules, Guid? ownerPartyId = null, Guid? parentBodyId = null) =>
        setup.CreateAsync(county.Id, new CreateBodyRequest(name, shortName, kind, null, ownerPartyId, parentBodyId, TermStart, TermEnd, rules), CancellationToken.None);

    /// <summary>The installation's political parties (the shipped reference list), by abbreviation.</summary>
    public async Task LoadPoliticalPartiesAsync()
    {
        foreach (var party in await db.PoliticalParties.ToListAsync())
        {
            politicalParties[party.Abbreviation] = party;
        }
    }

    /// <summary>The seats of the region's executive board, by political party.</summary>
    public void SeedBoard(Party region, params (string Party, int Seats, PoliticalSide Side)[] seats)
    {
        foreach (var (party, count, side) in seats)
        {
            db.ExecutiveBoardSeats.Add(new ExecutiveBoardSeat(region, politicalParties[party], count, side));
        }
    }

    public string Pick(params string[] options) => options[random.Next(options.Length)];

    public static PoliticalSide Side(string party, params string[] majority) =>
        majority.Contains(party) ? PoliticalSide.Majority : PoliticalSide.Opposition;

    /// <summary>A new fictional person in a seat of the body for the whole term.</summary>
    public Membership Seat(Body body, Party party, MembershipRole role, string? politicalParty, PoliticalSide? side, QualifyingOffice office, string? title = null)
    {
        var person = NewPerson(body.CountyId, party);
        return body.AddMembership(person, party, role, politicalParty is null ? null : politicalParties[politicalParty], side, office, title, TermStart, TermEnd);
    }

    public Person NewPerson(Guid countyId, Party party)
    {
        string first, last;
        do
        {
            first = FirstNames[random.Next(FirstNames.Length)];
            last = LastNames[random.Next(LastNames.Length)];
        }
        while (!usedNames.Add(first + " " + last));

        var domain = Slug(party.Name);
        var person = new Person(countyId, first, last, $"{Slug(first)}.{Slug(last)}@{domain}.demo.invalid");
        db.People.Add(person);
        return person;
    }

    public static string Slug(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace("å", "a", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
            .Replace("é", "e", StringComparison.Ordinal);
        return new string(normalized.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
    }
}
