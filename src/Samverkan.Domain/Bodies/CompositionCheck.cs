using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;

namespace Samverkan.Domain.Bodies;

/// <summary>A broken composition rule: <see cref="Rule"/> names the rule, <see cref="Message"/> says it in Swedish.</summary>
public sealed record CompositionViolation(string Rule, string Message);

/// <summary>
/// Checks a body's composition on a date against its rules; for the SRB every rule of seed 001 §2.2.
/// An empty result means the composition is valid.
/// </summary>
public static class CompositionCheck
{
    public const int RegionMinMembers = 5;
    public const int RegionMaxMembers = 10;
    public const int RegionalBoardPresidiumSize = 3;
    public const int ForumRegionalBoardMembers = 6;
    public const int ForumWorkingCommitteeMembers = 7;

    /// <param name="body">The body with its memberships and terms.</param>
    /// <param name="countyParties">The region and municipalities of the county.</param>
    /// <param name="regionalBoard">The seats of the regional executive board (regionstyrelsen) per political party.</param>
    /// <param name="asOf">The day the composition is judged on.</param>
    /// <param name="countyBodies">The county's other bodies with their memberships: a consultation forum's members come from them.</param>
    public static IReadOnlyList<CompositionViolation> Check(Body body, IReadOnlyCollection<Party> countyParties,
        IReadOnlyCollection<ExecutiveBoardSeat> regionalBoard, DateOnly asOf, IReadOnlyCollection<Body>? countyBodies = null)
    {
        var violations = new List<CompositionViolation>();
        var active = body.ActiveMemberships(asOf).ToList();
        var members = active.Where(m => m.CountsAsMember).ToList();

        CheckGeneralRules(body, active, members, violations);
        if (body.Rules.CompositionRules == CompositionRuleSet.StrategicRegionalCommittee)
        {
            CheckStrategicRegionalCommittee(body, members, countyParties, regionalBoard, asOf, violations);
        }
        else if (body.Rules.CompositionRules == CompositionRuleSet.ConsultationForum)
        {
            CheckConsultationForum(body, members, countyBodies ?? [], asOf, violations);
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
    }

    private static void CheckStrategicRegionalCommittee(Body body, List<Membership> members, IReadOnlyCollection<Party> parties,
        IReadOnlyCollection<ExecutiveBoardSeat> regionalBoard, DateOnly asOf, List<CompositionViolation> violations)
    {
        var region = parties.FirstOrDefault(p => p.Kind == PartyKind.Region);
        var municipalities = parties.Where(p => p.Kind == PartyKind.Municipality).OrderBy(p => p.Name, StringComparer.Create(SwedishText.Culture, false)).ToList();

        foreach (var stranger in members.Where(m => parties.All(p => p.Id != m.AppointingPartyId)))
        {
            violations.Add(new("AppointingParty", $"{NameOf(stranger)} är utsedd av en part som inte hör till länet."));
        }

        CheckMunicipalMembers(members, municipalities, violations);
        var regionMembers = region is null ? [] : members.Where(m => m.AppointingPartyId == region.Id).ToList();
        CheckRegionMembers(regionMembers, violations);
        CheckBoardPartiesRepresented(members, regionalBoard, violations);
        CheckPresidium(members, region, violations);
        CheckTerm(body, members, asOf, violations);
    }

    private static void CheckMunicipalMembers(List<Membership> members, List<Party> municipalities, List<CompositionViolation> violations)
    {
        foreach (var municipality in municipalities)
        {
            var own = members.Where(m => m.AppointingPartyId == municipality.Id).ToList();
            if (own.Count != 2)
            {
                violations.Add(new("MunicipalityTwoMembers", $"{municipality.Name} har utsett {own.Count} ledamöter men ska utse två."));
            }

            if (!own.Any(m => m.Office == QualifyingOffice.ExecutiveBoardChair))
            {
                violations.Add(new("MunicipalityExecutiveBoardChair", $"Kommunstyrelsens ordförande i {municipality.Name} är inte ledamot."));
            }

            if (!own.Any(m => m.Side == PoliticalSide.Opposition))
            {
                violations.Add(new("MunicipalityOpposition", $"{municipality.Name} har ingen ledamot från oppositionen."));
            }
        }
    }

    private static void CheckRegionMembers(List<Membership> regionMembers, List<CompositionViolation> violations)
    {
        if (regionMembers.Count is < RegionMinMembers or > RegionMaxMembers)
        {
            violations.Add(new("RegionMemberCount", $"Regionen har utsett {regionMembers.Count} ledamöter men ska utse minst {RegionMinMembers} och högst {RegionMaxMembers}."));
        }

        var chairs = regionMembers.Count(m => m.Office == QualifyingOffice.ExecutiveBoardChair);
        var viceChairs = regionMembers.Count(m => m.Office == QualifyingOffice.ExecutiveBoardViceChair);
        if (chairs != 1 || viceChairs != 2)
        {
            violations.Add(new("RegionalBoardPresidium", $"Tre av regionens ledamöter ska vara regionstyrelsens presidium (ordförande och två vice ordförande); nu är {chairs} ordförande och {viceChairs} vice ordförande ledamöter."));
        }

        var majority = regionMembers.Count(m => m.Side == PoliticalSide.Majority);
        if (regionMembers.Count > 0 && majority * 2 <= regionMembers.Count)
        {
            violations.Add(new("RegionMirrorsMajority", $"Regionens ledamöter ska spegla den politiska majoriteten i regionen, men bara {majority} av {regionMembers.Count} kommer från majoriteten."));
        }
    }

    private static void CheckBoardPartiesRepresented(List<Membership> members, IReadOnlyCollection<ExecutiveBoardSeat> regionalBoard, List<CompositionViolation> violations)
    {
        foreach (var seat in regionalBoard.DistinctBy(s => s.PoliticalPartyId))
        {
            if (members.All(m => m.PoliticalPartyId != seat.PoliticalPartyId))
            {
                var name = seat.PoliticalParty?.Name ?? "Ett parti";
                violations.Add(new("BoardPartiesRepresented", $"{name} finns i regionstyrelsen men har ingen ledamot i beredningen."));
            }
        }
    }

    private static void CheckPresidium(List<Membership> members, Party? region, List<CompositionViolation> violations)
    {
        bool FromRegion(Membership m) => region is not null && m.AppointingPartyId == region.Id;

        var chairs = members.Where(m => m.Role == MembershipRole.Chair).ToList();
        if (chairs.Count != 1)
        {
            violations.Add(new("Chair", $"Beredningen ska ha en ordförande, men har {chairs.Count}."));
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
    /// Seed 003: "Består av RUN ledamöter (6) och PKD AU (7)". Each forum member holds a seat in the regional development
    /// board or in the municipal delegation's working committee on the day, and the numbers are six and seven.
    /// </summary>
    private static void CheckConsultationForum(Body forum, List<Membership> members, IReadOnlyCollection<Body> bodies, DateOnly asOf, List<CompositionViolation> violations)
    {
        var board = bodies.Where(b => b.Kind == BodyKind.RegionalDevelopmentBoard).ToList();
        var delegations = bodies.Where(b => b.Kind == BodyKind.MunicipalDelegation).Select(b => b.Id).ToHashSet();
        var committee = bodies.Where(b => b.Kind == BodyKind.WorkingCommittee && b.ParentBodyId is { } parent && delegations.Contains(parent)).ToList();
        HashSet<Guid> Seated(List<Body> source) => source.SelectMany(b => b.ActiveMemberships(asOf)).Where(m => m.CountsAsMember).Select(m => m.PersonId).ToHashSet();
        var boardPeople = Seated(board);
        var committeePeople = Seated(committee);

        var fromBoard = members.Count(m => boardPeople.Contains(m.PersonId));
        var fromCommittee = members.Count(m => committeePeople.Contains(m.PersonId) && !boardPeople.Contains(m.PersonId));
        if (fromBoard != ForumRegionalBoardMembers)
        {
            violations.Add(new("ForumRegionalBoardMembers", $"{forum.Name} ska ha {ForumRegionalBoardMembers} ledamöter ur regionala utvecklingsnämnden, men har {fromBoard}."));
        }

        if (fromCommittee != ForumWorkingCommitteeMembers)
        {
            violations.Add(new("ForumWorkingCommitteeMembers", $"{forum.Name} ska ha {ForumWorkingCommitteeMembers} ledamöter ur primärkommunala delegationens arbetsutskott, men har {fromCommittee}."));
        }

        foreach (var outsider in members.Where(m => !boardPeople.Contains(m.PersonId) && !committeePeople.Contains(m.PersonId)))
        {
            violations.Add(new("ForumMemberSource", $"{NameOf(outsider)} är varken ledamot i regionala utvecklingsnämnden eller i primärkommunala delegationens arbetsutskott."));
        }
    }

    private static string NameOf(Membership m) => m.Person?.FullName ?? "En ledamot";
}
