using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Samverkan.Domain.Bodies;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// The seeds' bodies as templates a county starts from (SeedData/body-templates.json, shipped with the product): a
/// template is copied into the county's own body and its rules are changed there; nothing reads a template's rules
/// afterwards. Members drawn from other bodies name the kind of body to pick, since a template knows no county's bodies.
/// </summary>
public static class BodyTemplates
{
    public sealed record TemplateSource(int Count, BodyKind Kind);

    public sealed record TemplateRules(int? MinMembers, int? MaxMembers, bool AllowsSubstitutes, int MinMeetingsPerYear, int NoticeDays,
        bool AdvisoryOnly, bool? AllowsCoOptedExperts, int? SeatsPerMunicipality, bool MunicipalExecutiveBoardChair, bool MunicipalOpposition,
        int? RegionMinSeats, int? RegionMaxSeats, bool RegionalBoardPresidium, bool RegionMirrorsMajority, bool EveryBoardPartyRepresented,
        bool SharedPresidium, bool MembershipsWithinTerm, bool SetsUpCollaborationGroups, int? ExtraMeetingSharePercent,
        IReadOnlyList<string>? MandatoryTopics, IReadOnlyList<TemplateSource>? MembersFrom);

    public sealed record Template(string Key, string Label, string Description, BodyKind Kind, string Name, string ShortName, TemplateRules Rules);

    private sealed record TemplateFile(string Source, IReadOnlyList<Template> Templates);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lazy<IReadOnlyList<Template>> All = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SeedData.body-templates.json")
            ?? throw new InvalidOperationException("Embedded reference data body-templates.json is missing.");
        return JsonSerializer.Deserialize<TemplateFile>(stream, Options)!.Templates;
    });

    public static IReadOnlyList<Template> Templates => All.Value;

    public static Template? Find(string? key) => Templates.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));

    /// <summary>
    /// The template's rules as a request the county changes; members drawn from other bodies are matched to the first
    /// of the county's bodies of the kind the template names (<paramref name="bodiesOfKind"/>), left empty when there is none.
    /// </summary>
    public static BodyRulesRequest AsRequest(Template template, Func<BodyKind, Guid?> bodiesOfKind)
    {
        var r = template.Rules;
        return new(r.MinMembers, r.MaxMembers, r.AllowsSubstitutes, r.MinMeetingsPerYear, r.NoticeDays, r.AdvisoryOnly, r.AllowsCoOptedExperts ?? true,
            r.SeatsPerMunicipality, r.MunicipalExecutiveBoardChair, r.MunicipalOpposition, r.RegionMinSeats, r.RegionMaxSeats, r.RegionalBoardPresidium,
            r.RegionMirrorsMajority, r.EveryBoardPartyRepresented, r.SharedPresidium, r.MembershipsWithinTerm, r.SetsUpCollaborationGroups,
            r.ExtraMeetingSharePercent, r.MandatoryTopics ?? [],
            (r.MembersFrom ?? []).Select(s => new SeatSourceRequest(bodiesOfKind(s.Kind), s.Count, s.Kind)).ToList());
    }
}
