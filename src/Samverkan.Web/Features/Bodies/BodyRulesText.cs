using Samverkan.Domain.Bodies;

namespace Samverkan.Web.Features.Bodies;

/// <summary>A body's rules in Swedish, one fact per line, as the body's page shows them: only the rules the county has set.</summary>
public static class BodyRulesText
{
    public static IReadOnlyList<(string Label, string Text)> Lines(BodyRules rules, IReadOnlyDictionary<Guid, string> bodyNames)
    {
        var lines = new List<(string, string)>
        {
            ("Antal ledamöter", rules.MinMembers is null && rules.MaxMembers is null ? "Ingen regel"
                : rules.MinMembers == rules.MaxMembers ? $"{rules.MinMembers}" : $"{rules.MinMembers?.ToString() ?? "–"} till {rules.MaxMembers?.ToString() ?? "–"}"),
            ("Ersättare", rules.AllowsSubstitutes ? "Ja" : "Inga ersättare"),
            ("Adjungerade", rules.AllowsCoOptedExperts ? "Får adjungeras (räknas inte som ledamöter)" : "Inga adjungerade"),
            ("Sammanträden", rules.MinMeetingsPerYear > 0 ? $"Minst {rules.MinMeetingsPerYear} per år" : "Ingen regel"),
            ("Kallelse", $"Senast {rules.NoticeDaysBefore} dagar före sammanträdet"),
        };

        if (rules.ExtraMeetingSharePercent is { } share)
        {
            lines.Add(("Extra sammanträde", $"När minst {share} % av ledamöterna begär det"));
        }

        var municipal = new List<string>();
        if (rules.SeatsPerMunicipality is { } seats)
        {
            municipal.Add($"{seats} ledamöter per kommun");
        }

        if (rules.MunicipalExecutiveBoardChair)
        {
            municipal.Add("kommunstyrelsens ordförande ska vara ledamot");
        }

        if (rules.MunicipalOpposition)
        {
            municipal.Add("minst en från oppositionen");
        }

        if (municipal.Count > 0)
        {
            lines.Add(("Kommunernas platser", Sentence(municipal)));
        }

        var region = new List<string>();
        if (rules.RegionMinSeats is not null || rules.RegionMaxSeats is not null)
        {
            region.Add(rules.RegionMinSeats == rules.RegionMaxSeats ? $"{rules.RegionMinSeats} ledamöter"
                : $"{rules.RegionMinSeats?.ToString() ?? "0"}–{rules.RegionMaxSeats?.ToString() ?? "obegränsat"} ledamöter");
        }

        if (rules.RegionalBoardPresidium)
        {
            region.Add("regionstyrelsens presidium ska vara ledamöter");
        }

        if (rules.RegionMirrorsMajority)
        {
            region.Add("speglar den politiska majoriteten");
        }

        if (region.Count > 0)
        {
            lines.Add(("Regionens platser", Sentence(region)));
        }

        if (rules.EveryBoardPartyRepresented)
        {
            lines.Add(("Partierna", "Varje parti i regionstyrelsen ska ha en ledamot"));
        }

        if (rules.SharedPresidium)
        {
            lines.Add(("Presidiet", "Ordförande är regionstyrelsens ordförande; kommunerna utser 1:e vice ordförande bland sina majoritetsledamöter; regionen och kommunerna utser var sin vice ordförande bland sina oppositionsledamöter"));
        }

        if (rules.MembersFrom.Count > 0)
        {
            lines.Add(("Sammansättning", Sentence(rules.MembersFrom.Select(s =>
                $"{s.Count} ledamöter ur {CompositionCheck.MidSentence(bodyNames.TryGetValue(s.BodyId, out var name) ? name : "ett organ som inte längre finns")}").ToList())));
        }

        if (rules.MembershipsWithinTerm)
        {
            lines.Add(("Mandatperiod", "Uppdragen upphör senast när mandatperioden slutar; perioden följer valperioden om inte annat beslutats"));
        }

        lines.Add(("Beslutar", rules.AdvisoryOnly ? "Nej – enbart rådgivande; protokollet antecknar råd och ställningstaganden" : "Ja"));
        if (rules.SetsUpCollaborationGroups)
        {
            lines.Add(("Samverkansgrupper", "Inrättar och avslutar politiska samverkansgrupper, som återrapporterar två gånger om året"));
        }

        if (rules.MandatoryTopics.Count > 0)
        {
            lines.Add(("Obligatoriska uppgifter", string.Join(", ", rules.MandatoryTopics)));
        }

        return lines;
    }

    private static string Sentence(IReadOnlyList<string> parts)
    {
        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " och " + parts[^1];
        return char.ToUpper(text[0], Samverkan.Domain.Common.SwedishText.Culture) + text[1..];
    }
}
