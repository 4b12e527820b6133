using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// The fund's definition as the "Ny fond" and "Ändra fonden" forms hold it: lists as one line each in a textarea, so the
/// forms work without JavaScript. A line the form cannot read is passed on incomplete, so that the desk answers it with
/// the same message the API gets for the same gap.
/// </summary>
public sealed class FundForm
{
    public Guid? SupplementId { get; set; }

    public string? Name { get; set; }

    public DateOnly? OpenedOn { get; set; }

    /// <summary>One source a line: "Namn: belopp" (the amount the Swedish way, "55 000 000" or "1 250,50").</summary>
    public string? Sources { get; set; }

    public Guid? DecidingPartyId { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>One criterion a line, in the order a preparation answers them.</summary>
    public string? Criteria { get; set; }

    /// <summary>One goal a line: "Dokument: mål".</summary>
    public string? Goals { get; set; }

    public int? Version { get; set; }

    public FundRequest ToRequest() => new(SupplementId, Name, OpenedOn,
        Lines(Sources).Select(line =>
        {
            var colon = line.LastIndexOf(':');
            return colon < 0
                ? new FundSourceInput(line, null)
                : new FundSourceInput(line[..colon].Trim(), SwedishNumber.TryParse(line[(colon + 1)..], out var amount) ? amount : null);
        }).ToList(),
        DecidingPartyId, ValidUntil, Lines(Criteria).ToList(),
        Lines(Goals).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? new FundGoalInput(null, line) : new FundGoalInput(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }).ToList(),
        Version);

    public static FundForm From(Fund fund, IEnumerable<CountyGoal> goals) => new()
    {
        SupplementId = fund.SupplementId,
        Name = fund.Name,
        OpenedOn = fund.OpenedOn,
        Sources = string.Join('\n', fund.Sources.Select(s => $"{s.Name}: {s.Amount.ToString("#,0.##", SwedishText.Culture).Replace('\u00A0', ' ')}")),
        DecidingPartyId = fund.DecidingPartyId,
        ValidUntil = fund.ValidUntil,
        Criteria = string.Join('\n', fund.Criteria),
        Goals = string.Join('\n', goals.Select(g => $"{g.Document}: {g.Text}")),
        Version = fund.Version,
    };

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}

/// <summary>
/// What the fund form's partial shows: the page (for the refusal beside each field), the form's name, the bound
/// property's name (<paramref name="Prefix"/>) and values, the choices (no supplements: it cannot change), the button.
/// </summary>
public sealed record FundFormView(FormPageModel Page, string Form, string Prefix, FundForm Input, IReadOnlyList<(Guid Id, string Label)>? Supplements,
    IReadOnlyList<Party> Parties, string Button);
