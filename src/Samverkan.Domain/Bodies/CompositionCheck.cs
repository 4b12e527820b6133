using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Bodies;

/// <summary>A broken composition rule: <see cref="Rule"/> names the rule, <see cref="Message"/> says it in Swedish.</summary>
public sealed record CompositionViolation(string Rule, string Message);

/// <summary>
/// Checks a body's composition on a date against its own configured rules (<see cref="BodyRules"/>): the member count,
/// substitutes, the municipalities' and the region's seats, the presidium, the term, and members drawn from other bodies.
/// An empty result means the composition is valid.
/// </summary>
public static class CompositionCheck
{
    /// <param name="body">The body with its memberships and terms.</param>
    /// <param name="countyParties">The region and municipalities of the county.</param>
    /// <param name="regionalBoard">The seats of the regional executive board (regionstyrelsen) per political party.</param>
    /// <param name="asOf">The day the composition is judged on.</param>
    /// <param name="countyBodies">The county's other bodies with their memberships: members drawn from them are found there.</param>
    public static IReadOnlyList<CompositionViolation> Check(Body body, IReadOnlyCollection<Party> countyParties,
        IReadOnlyCollection<ExecutiveBoardSeat> regionalBoard, DateOnly asOf, IReadOnlyCollection<Body>? countyBodies = null)
    {
        var violations = new List<CompositionViolation>();
        var active = body.ActiveMemberships(asOf).ToList();
        var members = active.Where(m => m.CountsAsMember).ToList();
        var rules = body.Rules;

        CheckGeneralRules(body, active, members, violations);
        if (rules.HasPartySeatRules)
        {
            CheckPartySeats(body, members, countyParties, regionalBoard, violations);
        }

        if (rules.MembershipsWithinTerm)
        {
            CheckTerm(body, members, asOf, violations);
        }

        if (rules.MembersFrom.Count > 0)
        {
            CheckMembersFrom(body, members, countyBodies ?? [], asOf, violations);
        }

        return violations;
    }

    private static void CheckGeneralRules(Body body, List<Membership> active, List<Membership> members, List<CompositionViolation> violations)
    {
        var rules = body.Rules;
        if (rules.MinMembers is { } min && members.Count < min)
        {
            violations.Add(new("MemberCount", $"{body.Name} har {members.Count} ledamöter men ska ha minst {min}."));
        }

        if (rules.MaxMembers is { } max && members.Count > max)
        {
            violations.Add(new("MemberCount", $"{body.Name} har {members.Count} ledamöter men får ha högst {max}."));
        }

        if (!rules.AllowsSubstitutes)
        {
            foreach (var substitute in active.Where(m => m.Role == MembershipRole.Substitute))
            {
                violations.Add(new("NoSubstitutes", $"{NameOf(substitute)} är registrerad som ersättare, men {body.Name} har inga ersättare."));
            }
        }

        if (!rules.AllowsCoOptedExperts)
        {
            foreach (var expert in active.Where(m => m.Role == MembershipRole.CoOptedExpert))
            {
                violations.Add(new("NoCoOptedExperts", $"{NameOf(expert)} är registrerad som adjungerad, men {body.Name} har inga adjungerade."));
            }
        }
    }

    private static void CheckPartySeats(Body body, List<Membership> members, IReadOnlyCollection<Party> parties,
        IReadOnlyCollection<ExecutiveBoardSeat> regionalBoard, List<CompositionViolation> violations)
    {
        var rules = body.Rules;
        var region = parties.FirstOrDefault(p => p.Kind == PartyKind.Region);
        var municipalities = parties.Where(p => p.Kind == PartyKind.Municipality).OrderBy(p => p.Name, StringComparer.Create(SwedishText.Culture, false)).ToList();

        foreach (var stranger in members.Where(m => parties.All(p => p.Id != m.AppointingPartyId)))
        {
            violations.Add(new("AppointingParty", $"{NameOf(stranger)} är utsedd av en part som inte hör till länet."));
        }

        CheckMunicipalMembers(rules, members, municipalities, violations);
        var regionMembers = region is null ? [] : members.Where(m => m.AppointingPartyId == region.Id).ToList();
        CheckRegionMembers(rules, regionMembers, violations);
        if (rules.EveryBoardPartyRepresented)
        {
            CheckBoardPartiesRepresented(body, members, regionalBoard, violations);
        }

        if (rules.SharedPresidium)
        {
            CheckPresidium(body, members, region, violations);
        }
    }

    private static void CheckMunicipalMembers(BodyRules rules, List<Membership> members, List<Party> municipalities, List<CompositionViolation> violations)
    {
        foreach (var municipality in municipalities)
        {
            var own = members.Where(m => m.AppointingPartyId == municipality.Id).ToList();
            if (rules.SeatsPerMunicipality is { } seats && own.Count != seats)
            {
                violations.Add(new("MunicipalitySeats", $"{municipality.Name} har utsett {own.Count} ledamöter men ska utse {SeatWord(seats)}."));
            }

            if (rules.MunicipalExecutiveBoardChair && !own.Any(m => m.Office == QualifyingOffice.ExecutiveBoardChair))
            {
                violations.Add(new("MunicipalityExecutiveBoardChair", $"Kommunstyrelsens ordförande i {municipality.Name} är inte ledamot."));
            }

            if (rules.MunicipalOpposition && !own.Any(m => m.Side == PoliticalSide.Opposition))
            {
                violations.Add(new("MunicipalityOpposition", $"{municipality.Name} har ingen ledamot från oppositionen."));
            }
        }
    }

    private static string SeatWord(int seats) => seats switch
    {
        1 => "en",
        2 => "två",
        3 => "tre",
        4 => "fyra",
        _ => seats.ToString(SwedishText.Culture),
    };

    private static void CheckRegionMembers(BodyRules rules, List<Membership> regionMembers, List<CompositionViolation> violations)
    {
        var (min, max) = (rules.RegionMinSeats, rules.RegionMaxSeats);
        if ((min is { } low && regionMembers.Count < low) || (max is { } high && regionMembers.Count > high))
        {
            var range = (min, max) switch
            {
                ({ } a, { } b) when a == b => $"ska utse {a}",
                ({ } a, { } b) => $"ska utse minst {a} och högst {b}",
                ({ } a, null) => $"ska utse minst {a}",
                _ => $"får utse högst {max}",
            };
            violations.Add(new("RegionMemberCount", $"Regionen har utsett {regionMembers.Count} ledamöter men {range}."));
        }

        if (rules.RegionalBoardPresidium)
        {
            var chairs = regionMembers.Count(m => m.Office == QualifyingOffice.ExecutiveBoardChair);
            var viceChairs = regionMembers.Count(m => m.Office == QualifyingOffice.ExecutiveBoardViceChair);
            if (chairs != 1 || viceChairs != 2)
            {
                violations.Add(new("RegionalBoardPresidium", $"Tre av regionens ledamöter ska vara regionstyrelsens presidium (ordförande och två vice ordförande); nu är {chairs} ordförande och {viceChairs} vice ordförande ledamöter."));
            }
        }

        var majority = regionMembers.Count(m => m.Side == PoliticalSide.Majority);
        if (rules.RegionMirrorsMajority && regionMembers.Count > 0 && majority * 2 <= regionMembers.Count)
        {
            violations.Add(new("RegionMirrorsMajority", $"Regionens ledamöter ska spegla den politiska majoriteten i regionen, men bara {majority} av {regionMembers.Count} kommer från majoriteten."));
        }
    }

    private static void CheckBoardPartiesRepresented(Body body, List<Membership> members, IReadOnlyCollection<ExecutiveBoardSeat> regionalBoard, List<CompositionViolation> violations)
    {
        foreach (var seat in regionalBoard.DistinctBy(s => s.PoliticalPartyId))
        {
            if (members.All(m => m.PoliticalPartyId != seat.PoliticalPartyId))
            {
                var name = seat.PoliticalParty?.Name ?? "Ett parti";
                violations.Add(new("BoardPartiesRepresented", $"{name} finns i regionstyrelsen men har ingen ledamot i {body.Name}."));
            }
        }
    }

    private static void CheckPresidium(Body body, List<Membership> members, Party? region, List<CompositionViolation> violations)
    {
        bool FromRegion(Membership m) => region is not null && m.AppointingPartyId == region.Id;

        var chairs = members.Where(m => m.Role == MembershipRole.Chair).ToList();
        if (chairs.Count != 1)
        {
            violations.Add(new("Chair", $"{body.Name} ska ha en ordförande, men har {chairs.Count}."));
        }
        else if (!FromRegion(chairs[0]) || chairs[0].Office != QualifyingOffice.ExecutiveBoardChair)
        {
            violations.Add(new("Chair", $"Ordföranden ska vara regionstyrelsens ordförande, men {NameOf(chairs[0])} är det inte."));
        }

        var viceChairs = members.Where(m => m.Role == MembershipRole.ViceChair).ToList();
        if (!viceChairs.Any(m => FromRegion(m) && m.Side == PoliticalSide.Opposition))
        {
            violations.Add(new("RegionOppositionViceChair", "Regionen ska utse en vice ordförande bland sina oppositionsledamöter."));
        }

        if (!viceChairs.Any(m => !FromRegion(m) && m.Side == PoliticalSide.Opposition))
        {
            violations.Add(new("MunicipalOppositionViceChair", "Kommunerna ska utse en vice ordförande bland sina oppositionsledamöter."));
        }

        var firstViceChairs = members.Where(m => m.Role == MembershipRole.FirstViceChair).ToList();
        if (firstViceChairs.Count != 1 || FromRegion(firstViceChairs[0]) || firstViceChairs[0].Side != PoliticalSide.Majority)
        {
            violations.Add(new("MunicipalFirstViceChair", "Kommunerna ska utse en 1:e vice ordförande bland sina majoritetsledamöter."));
        }

        if (viceChairs.Count > 2)
        {
            violations.Add(new("PresidiumSize", $"Presidiet har {viceChairs.Count} vice ordförande men ska ha två, utöver 1:e vice ordförande."));
        }
    }

    private static void CheckTerm(Body body, List<Membership> members, DateOnly asOf, List<CompositionViolation> violations)
    {
        var term = body.TermOn(asOf);
        if (term is null)
        {
            violations.Add(new("TermOfOffice", $"Det finns ingen mandatperiod för {SwedishText.Date(asOf)}."));
            return;
        }

        if (term.DeviationReference is null && !term.IsStandard)
        {
            violations.Add(new("TermOfOffice", $"Mandatperioden {SwedishText.Date(term.StartsOn)}–{SwedishText.Date(term.EndsOn)} ska vara fyra år från den 1 januari året efter ett allmänt val, om inte annat har beslutats."));
        }

        foreach (var m in members.Where(m => m.To is null || m.To > term.EndsOn))
        {
            violations.Add(new("MembershipWithinTerm", $"Uppdraget för {NameOf(m)} ska upphöra senast när mandatperioden slutar {SwedishText.Date(term.EndsOn)}."));
        }
    }

    /// <summary>
    /// Members drawn from other bodies (a consultation forum's: so many of the regional development board and so many of
    /// the municipal delegation's working committee): each member holds a seat in one of the sources on the day, and
    /// each source gives exactly its number. A person seated in two sources counts for the first.
    /// </summary>
    private static void CheckMembersFrom(Body body, List<Membership> members, IReadOnlyCollection<Body> bodies, DateOnly asOf, List<CompositionViolation> violations)
    {
        var counted = new HashSet<Guid>();
        var names = new List<string>();
        foreach (var source in body.Rules.MembersFrom)
        {
            var from = bodies.FirstOrDefault(b => b.Id == source.BodyId);
            var name = from is null ? "ett organ som inte längre finns" : MidSentence(from.Name);
            names.Add(name);
            var seated = from?.ActiveMemberships(asOf).Where(m => m.CountsAsMember).Select(m => m.PersonId).ToHashSet() ?? [];
            var count = members.Count(m => seated.Contains(m.PersonId) && !counted.Contains(m.PersonId));
            counted.UnionWith(members.Where(m => seated.Contains(m.PersonId)).Select(m => m.PersonId));
            if (count != source.Count)
            {
                violations.Add(new("MembersFrom", $"{body.Name} ska ha {source.Count} ledamöter ur {name}, men har {count}."));
            }
        }

        foreach (var outsider in members.Where(m => !counted.Contains(m.PersonId)))
        {
            violations.Add(new("MemberSource", $"{NameOf(outsider)} är inte ledamot i {string.Join(" eller ", names)}."));
        }
    }

    /// <summary>A body's name inside a sentence: "Regionala utvecklingsnämnden" → "regionala utvecklingsnämnden"; an acronym stays.</summary>
    public static string MidSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLower(name[0], SwedishText.Culture) + name[1..] : name;

    private static string NameOf(Membership m) => m.Person?.FullName ?? "En ledamot";
}
