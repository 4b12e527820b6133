using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;

/// <summary>The national dataset's structure: boards, bodies, terms and seats, agreements and their cost models.</summary>
public sealed partial class NationalData
{
    /// <summary>Boards, bodies with their twenty years of terms and seats, agreements and their cost models, case series.</summary>
    private void AddStructure()
    {
        foreach (var place in places)
        {
            if (!place.IsDemo)
            {
                AddBoard(place);
                AddBodies(place);
            }

            AddHistory(place);
            AddAgreements(place);
            foreach (var code in new[] { "RS", "RUN" }.Where(c => !place.CaseSeries.Contains(c)))
            {
                var series = new CaseSeries(place.County.Id, code, code == "RS" ? "Regionstyrelsen" : "Regionala utvecklingsnämnden");
                if (code == "RUN")
                {
                    series.UseForReferrals();
                }

                added.CaseSeries.Add(series);
                place.CaseSeries.Add(code);
            }
        }
    }

    /// <summary>Who governs a new county's region: an S-led or an M-led majority, in turn.</summary>
    private static bool SocialDemocratLed(Place place) => int.Parse(place.County.Code, CultureInfo.InvariantCulture) % 2 == 1;

    private void AddBoard(Place place)
    {
        var board = SocialDemocratLed(place)
            ? new[] { ("S", 6, PoliticalSide.Majority), ("C", 2, PoliticalSide.Majority), ("MP", 1, PoliticalSide.Majority), ("M", 3, PoliticalSide.Opposition),
                ("SD", 2, PoliticalSide.Opposition), ("V", 1, PoliticalSide.Opposition) }
            : [("M", 4, PoliticalSide.Majority), ("KD", 2, PoliticalSide.Majority), ("L", 1, PoliticalSide.Majority), ("S", 5, PoliticalSide.Opposition),
                ("SD", 2, PoliticalSide.Opposition), ("V", 1, PoliticalSide.Opposition)];
        foreach (var (party, seats, side) in board)
        {
            added.BoardSeats.Add(new ExecutiveBoardSeat(place.Region, politicalParties[party], seats, side));
        }
    }

    /// <summary>
    /// A new county's four standing bodies in the current term, modelled on the seeds: a county council of the region
    /// and every municipality (as Värmlandsrådet) with its working committee, the region's regional development board
    /// (as Västerbotten's RUN) and the officials' management group (as Västmanland's RLG).
    /// </summary>
    private void AddBodies(Place place)
    {
        var (from, to) = Terms[^1];
        var lead = SocialDemocratLed(place) ? "S" : "M";
        var opposition = SocialDemocratLed(place) ? "M" : "S";
        var largest = place.Municipalities.OrderByDescending(m => population[(m.Id, LastYear)]).ToList();

        var council = new Body(place.County.Id, BodyKind.CountyCouncil, $"Regionalt samverkansråd i {place.County.Name}", "RSR",
            BodyRules.Default with { AllowsSubstitutes = false, MinMeetingsPerYear = 6, NoticeDaysBefore = 14 }, null);
        council.AddTerm(from, to);
        var chair = Seat(place, council, place.Region, MembershipRole.Chair, lead, PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        Seat(place, council, place.Region, MembershipRole.ViceChair, opposition, PoliticalSide.Opposition, QualifyingOffice.ExecutiveBoardViceChair);
        var municipal = new Dictionary<Guid, Membership>();
        foreach (var municipality in place.Municipalities)
        {
            municipal[municipality.Id] = Seat(place, council, municipality, municipality == largest[0] ? MembershipRole.FirstViceChair : MembershipRole.Member,
                Pick("S", "M", "C", "S", "M", "KD", "L"), PoliticalSide.Majority, QualifyingOffice.ExecutiveBoardChair);
        }

        var committee = new Body(place.County.Id, BodyKind.WorkingCommittee, "Samverkansrådets arbetsutskott", "RSR AU", BodyRules.Default, null, council.Id);
        committee.AddTerm(from, to);
        committee.AddMembership(chair.Person!, place.Region, MembershipRole.Chair, chair.PoliticalParty, chair.Side, chair.Office, null, from, to);
        foreach (var (municipality, index) in largest.Take(5).Select((m, i) => (m, i)))
        {
            var seat = municipal[municipality.Id];
            committee.AddMembership(seat.Person!, municipality, index == 0 ? MembershipRole.ViceChair : MembershipRole.Member, seat.PoliticalParty, seat.Side,
                seat.Office, null, from, to);
        }

        var board = new Body(place.County.Id, BodyKind.RegionalDevelopmentBoard, "Regionala utvecklingsnämnden", "RUN",
            BodyRules.Default with { MinMembers = 13, MaxMembers = 13, MinMeetingsPerYear = 8 }, place.Region.Id);
        board.AddTerm(from, to);
        Seat(place, board, place.Region, MembershipRole.Chair, lead, PoliticalSide.Majority, QualifyingOffice.None);
        Seat(place, board, place.Region, MembershipRole.FirstViceChair, SocialDemocratLed(place) ? "C" : "KD", PoliticalSide.Majority, QualifyingOffice.None);
        Seat(place, board, place.Region, MembershipRole.ViceChair, opposition, PoliticalSide.Opposition, QualifyingOffice.None);
        var others = SocialDemocratLed(place)
            ? new[] { "S", "S", "S", "C", "MP", "M", "M", "SD", "SD", "V" }
            : ["M", "M", "KD", "L", "S", "S", "S", "SD", "SD", "V"];
        foreach (var party in others)
        {
            var majority = SocialDemocratLed(place) ? party is "S" or "C" or "MP" : party is "M" or "KD" or "L";
            Seat(place, board, place.Region, MembershipRole.Member, party, majority ? PoliticalSide.Majority : PoliticalSide.Opposition, QualifyingOffice.None);
        }

        var management = new Body(place.County.Id, BodyKind.OfficialsGroup, "Regionala ledningsgruppen", "RLG", BodyRules.Default, place.Region.Id);
        management.AddTerm(from, to);
        Seat(place, management, place.Region, MembershipRole.Chair, null, null, QualifyingOffice.Official, "Regiondirektör");
        foreach (var municipality in place.Municipalities)
        {
            Seat(place, management, municipality, MembershipRole.Member, null, null, QualifyingOffice.Official, "Kommundirektör");
        }

        foreach (var body in new[] { council, committee, board, management })
        {
            added.Bodies.Add(body);
            added.Terms.AddRange(body.Terms);
            added.Memberships.AddRange(body.Memberships);
            place.Bodies.Add(body);
            place.AllBodies.Add(body);
        }
    }

    /// <summary>
    /// The five terms before the current one for every body with a history, seated as the term after it: the same
    /// roles for the same parties, each person staying on with a chance of two in five (and then in every body they
    /// sat in together), otherwise someone new of the same party.
    /// </summary>
    private void AddHistory(Place place)
    {
        var current = Terms[^1].StartsOn;
        var later = place.Bodies.ToDictionary(b => b.Id, b => InOrder(b.Memberships.Where(m => m.IsActiveOn(current))).ToList());
        for (var t = Terms.Length - 2; t >= 0; t--)
        {
            var (from, to) = Terms[t];
            var successors = new Dictionary<Guid, Person>();
            foreach (var body in place.Bodies)
            {
                if (body.Terms.Any(x => x.StartsOn <= to && from <= x.EndsOn))
                {
                    continue;
                }

                added.Terms.Add(body.AddTerm(from, to));
                var seats = new List<Membership>();
                foreach (var seat in later[body.Id])
                {
                    if (!successors.TryGetValue(seat.PersonId, out var person))
                    {
                        person = random.Next(5) < 2
                            ? seat.Person!
                            : NewPerson(place, seat.AppointingParty!, seat.PoliticalParty?.Abbreviation, seat.Office != QualifyingOffice.Official);
                        successors[seat.PersonId] = person;
                    }

                    var membership = body.AddMembership(person, seat.AppointingParty!, seat.Role, seat.PoliticalParty, seat.Side, seat.Office, seat.OfficeTitle, from, to);
                    added.Memberships.Add(membership);
                    seats.Add(membership);
                }

                later[body.Id] = seats;
            }
        }
    }

    /// <summary>
    /// One agreement a term, each started from the one before (as the product's "start the next agreement" does) and
    /// adopted by every council in the autumn before it; the relevance reviews held. A demo county gets those before its
    /// own agreement (Värmland's runs from 2020, so its history has the terms 2004–2019). A county that shares a cost
    /// level gets a cost model for each (Västmanland, whose agreement has one, and every new county); a new county's
    /// current agreement gets the supplement its shared fund is made under.
    /// </summary>
    private void AddAgreements(Place place)
    {
        var (title, firstYear, count) = place.County.Code switch
        {
            "19" => ("Överenskommelse om samverkan mellan kommunerna i Västmanlands län och Region Västmanland i frågor som stödjer regional utveckling i länet", 2003, 5),
            "24" => ("Överenskommelse om samverkan för regional utveckling", 2003, 5),
            "17" => ("Samverkansavtal Värmland", 2004, 4),
            _ => ($"Överenskommelse om regional samverkan i {place.County.Name}", 2003, 6),
        };
        var parties = place.Parties;
        var history = new List<Agreement>();
        var agreement = new Agreement(place.County.Id, $"{title} {firstYear}–{firstYear + 3}", AgreementText(place), new DateOnly(firstYear, 1, 1),
            new DateOnly(firstYear + 3, 12, 31), $"RS {100 + random.Next(900)}-{firstYear - 1}", parties);
        history.Add(agreement);
        while (history.Count < count)
        {
            agreement = agreement.StartNext(parties, agreement.ValidTo!.Value.AddMonths(-6));
            history.Add(agreement);
        }

        foreach (var each in history)
        {
            Adopt(place, each);
            foreach (var review in each.Reviews.Where(r => r.Year <= LastYear).ToList())
            {
                var heldOn = new DateOnly(review.Year, 10, 1 + random.Next(20));
                each.RecordReview(review.Year, heldOn, $"{place.Region.Name} och länets {place.Municipalities.Count} kommuner i dialog",
                    "Samverkan sker i de gemensamma organen enligt överenskommelsen.", "Arbetet följer den regionala utvecklingsstrategin.",
                    "Finansieringen enligt överenskommelsen står fast.", "Strukturen behålls.", "Överenskommelsen är fortsatt aktuell.", Secretariat, heldOn);
            }
        }

        if (!place.IsDemo)
        {
            var supplement = agreement.AddSupplement("Överenskommelse om gemensamma resurser",
                $"Tillägg till {agreement.Title} om gemensamma resurser som förvaltas och särredovisas av {place.Region.Name}. Alla parter kan föreslå " +
                "insatser; ställningstagandet kräver konsensus i samverkansrådet.",
                new DateOnly(2023, 1, 1), "Samverkansrådet 2022-06-10 § 8", new DateOnly(2022, 12, 31));
            foreach (var party in place.Parties)
            {
                // At the same council meeting as the agreement itself.
                var adoption = agreement.AdoptionBy(party.Id)!;
                agreement.RecordAdoption(party.Id, adoption.DecidedOn, adoption.Reference, adoption.DecidedOn, supplementId: supplement.Id);
            }
        }

        place.Agreements.InsertRange(0, history);
        added.Agreements.AddRange(history);
        if (!place.IsDemo || place.CostModels.Count > 0)
        {
            // Newest first: the product reads "the county's cost model" as the first one stored.
            foreach (var each in Enumerable.Reverse(history))
            {
                var model = CostModelFor(place, each);
                place.CostModels[each.Id] = model;
                added.CostModels.Add(model);
            }
        }
    }

    private void Adopt(Place place, Agreement agreement)
    {
        var day = agreement.ValidFrom.AddDays(-110);
        var paragraph = 30 + random.Next(60);
        foreach (var party in place.Parties)
        {
            var reference = $"{(party.Kind == PartyKind.Region ? "RF" : "KF")} {day:yyyy-MM-dd} § {paragraph}";
            agreement.RecordAdoption(party.Id, day, reference, day);
            day = day.AddDays(1 + random.Next(2));
            paragraph += 1 + random.Next(5);
        }
    }

    /// <summary>
    /// A cost level for the agreement's first year of about 18 kronor an inhabitant in 2003, rising 2.5 % a year, and
    /// an agreed uplift of 1.5–3.5 % for each later year decided the autumn before (so no index is needed).
    /// </summary>
    private CostModel CostModelFor(Place place, Agreement agreement)
    {
        var start = agreement.ValidFrom.Year;
        var inhabitants = place.Municipalities.Sum(m => (long)population[(m.Id, Math.Max(start - 1, FirstYear - 1))]);
        var perInhabitant = 18m * (decimal)Math.Pow(1.025, start - 2003);
        var model = new CostModel(place.County.Id, agreement.Id, start, decimal.Round(inhabitants * perInhabitant / 1000m) * 1000m,
            $"Kostnadsnivå {start} enligt {agreement.Title}");
        var body = place.Bodies[0].ShortName;
        for (var year = start + 1; year <= agreement.ValidTo!.Value.Year; year++)
        {
            var decidedOn = new DateOnly(year - 1, 11, 10 + random.Next(15));
            model.SetRule(new YearRule(year, YearRuleKind.AgreedPercentage, 1.5m + random.Next(21) / 10m, null, $"{body} {decidedOn:yyyy-MM-dd} § {random.Next(10, 90)}",
                decidedOn));
        }

        model.SetBooking("1510", "3990", $"5{place.County.Code}0-{1000 + random.Next(9000)}");
        return model;
    }

    private Membership Seat(Place place, Body body, Party party, MembershipRole role, string? politicalParty, PoliticalSide? side, QualifyingOffice office,
        string? title = null)
    {
        var person = NewPerson(place, party, politicalParty, office != QualifyingOffice.Official);
        var (from, to) = Terms[^1];
        return body.AddMembership(person, party, role, politicalParty is null ? null : politicalParties[politicalParty], side, office, title, from, to);
    }

    private Person NewPerson(Place place, Party party, string? politicalParty, bool elected)
    {
        string first, last;
        do
        {
            first = FirstNames[random.Next(FirstNames.Length)];
            last = LastNames[random.Next(LastNames.Length)];
        }
        while (!place.PersonNames.Add($"{first} {last}"));

        var person = new Person(place.County.Id, first, last, $"{Slug(first)}.{Slug(last)}@{Slug(party.Name)}.demo.invalid");
        person.Update(first, last, person.Email, party.Id, politicalParty, elected);
        added.People.Add(person);
        return person;
    }

    /// <summary>Seats in an order that does not depend on their ids, so that the same seed draws the same data on every database.</summary>
    private static IEnumerable<Membership> InOrder(IEnumerable<Membership> seats) => seats
        .OrderBy(m => m.Role).ThenBy(m => m.AppointingParty!.Name, StringComparer.Ordinal)
        .ThenBy(m => m.Person!.LastName, StringComparer.Ordinal).ThenBy(m => m.Person!.FirstName, StringComparer.Ordinal);

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static string AgreementText(Place place) =>
        $"""
        Överenskommelse om regional samverkan mellan {place.Region.Name} och kommunerna i {place.County.Name}.

        1. Parterna samverkar i frågor som stödjer regional utveckling i länet.
        2. Samverkan sker i det regionala samverkansrådet och dess arbetsutskott, med stöd av den regionala ledningsgruppen.
        3. Kostnaden för gemensamma åtaganden fördelas mellan kommunerna efter folkmängd och betalas i två delbetalningar.
        4. Överenskommelsen gäller under mandatperioden och prövas under dess andra och sista år.

        (Nationell testdata: texten är genererad.)
        """;

    private static string OrganisationNumber(string nine) => $"{nine[..6]}-{nine[6..]}{Samverkan.Domain.Counties.OrganisationNumber.CheckDigit(nine)}";

    private static string Slug(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace("å", "a", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
            .Replace("é", "e", StringComparison.Ordinal).Replace(' ', '-');
        return new string(normalized.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
    }

    // Fictional people: common Swedish first names and surnames combined at random with a fixed seed.
    private static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Ingrid", "Marie", "Malin", "Johanna", "Linnea", "Elin", "Ida",
        "Hanna", "Sofia", "Annika", "Camilla", "Helena", "Ulrika", "Therese", "Cecilia", "Frida", "Agneta", "Birgitta", "Åsa", "Maja", "Jenny",
        "Louise", "Mona", "Susanne", "Katarina", "Jessica", "Petra", "Monica", "Ylva", "Gunilla", "Amanda", "Matilda", "Elsa", "Alice", "Ebba",
        "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Mikael", "Jan", "Hans", "Thomas", "Daniel", "Fredrik", "Stefan", "Mattias",
        "Magnus", "Jonas", "Andreas", "Niklas", "Oskar", "Gustav", "Henrik", "Martin", "Björn", "Ola", "Göran", "Rasmus", "Viktor", "Patrik",
        "Mats", "Ulf", "Bengt", "Leif", "Roger", "Tobias", "Joakim", "Emil", "Anton", "Axel", "Sven", "Håkan", "Kjell", "Pontus", "Linus",
    ];

    private static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson",
        "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist",
        "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg",
        "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
        "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
        "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson", "Berggren",
        "Sandström", "Lund", "Nordin", "Ström", "Åberg", "Falk", "Ekström", "Hermansson", "Holmgren", "Hellström", "Dahlberg", "Hedlund",
        "Sundberg", "Sjögren", "Ek", "Blom", "Abrahamsson", "Martinsson", "Öberg", "Andreasson", "Strömberg", "Månsson", "Hansen", "Åkesson",
    ];
}
