using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>
/// Transparency for one municipality (seed 000): every year's amount with its derivation, the change from the year
/// before split into what the level and what the population share caused, and what it paid before the agreement.
/// </summary>
public sealed class MunicipalityModel(AppDbContext db, CostSharingService costSharing, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public sealed record YearLine(int Year, decimal Level, bool Preliminary, int Population, decimal Share, decimal Amount, string Why);

    [FromRoute]
    public Guid PartyId { get; set; }

    public Party Party { get; private set; } = null!;

    public FormerFee? FormerFee { get; private set; }

    public List<YearLine> Years { get; } = [];

    public List<string> Gaps { get; } = [];

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PartyId && p.CountyId == County.Id && p.Kind == PartyKind.Municipality)
            ?? throw new NotFoundException("Kommunen finns inte i det här länet.");
        FormerFee = await db.FormerFees.AsNoTracking().Where(f => f.PartyId == PartyId).OrderByDescending(f => f.Year).FirstOrDefaultAsync();
        var model = await costSharing.ModelAsync(County.Id);
        YearLine? previous = null;
        for (var year = model.BaseYear; year <= Today.Year + 1; year++)
        {
            try
            {
                var allocation = await costSharing.AllocateAsync(County.Id, year, model: model);
                var row = allocation.For(PartyId);
                var line = new YearLine(year, allocation.Derivation.Level, allocation.Derivation.IsPreliminary, row.Population, row.Share, row.Amount,
                    Explain(previous, allocation.Derivation.Level, row.Share, row.Amount));
                Years.Add(line);
                previous = line;
            }
            catch (DomainRuleException e)
            {
                Gaps.Add($"{year}: {e.Message}");

                previous = null;
            }
        }
    }

    /// <summary>An accessible bar chart (title and description name every value); the table below carries the same data.</summary>
    public string ChartSvg()
    {
        const int width = 640, height = 240, left = 90, bottom = 30;
        var max = Math.Max(Years.Select(y => y.Amount).DefaultIfEmpty(0).Max(), FormerFee?.Amount ?? 0);
        var bar = Years.Count == 0 ? 0 : (width - left - 20) / Years.Count;
        // Pixel coordinates of the chart, not money: the amounts themselves stay decimal.
        double Top(decimal amount) => height - bottom - (max == 0 ? 0 : (double)(amount / max) * (height - bottom - 20));
        static string N(double v) => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        var svg = new System.Text.StringBuilder();
        var description = string.Join(", ", Years.Select(y => $"{y.Year}: {SwedishText.Kronor(y.Amount)}"))
            + (FormerFee is { } f ? $"; linjen visar tidigare avgift {SwedishText.Kronor(f.Amount)}" : string.Empty);
        svg.Append($"<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" class=\"chart\">");
        svg.Append($"<title id=\"chart-title\">{E(Party.Name)}: belopp per år</title><desc id=\"chart-desc\">Stapeldiagram med årsbeloppen {E(description)}.</desc>");
        svg.Append($"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 10}\" y2=\"{height - bottom}\" stroke=\"#1b1b1b\"/>");
        svg.Append($"<text x=\"{left - 6}\" y=\"24\" text-anchor=\"end\" font-size=\"11\" fill=\"#1b1b1b\">{E(SwedishText.Tkr(max))}</text>");
        svg.Append($"<text x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1b1b1b\">0</text>");
        for (var i = 0; i < Years.Count; i++)
        {
            var x = left + i * bar + 8;
            var top = Top(Years[i].Amount);
            svg.Append($"<rect x=\"{x}\" y=\"{N(top)}\" width=\"{bar - 16}\" height=\"{N(height - bottom - top)}\" fill=\"#0b4f8a\"/>");
            svg.Append($"<text x=\"{x + (bar - 16) / 2}\" y=\"{height - 10}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">{Years[i].Year}</text>");
        }

        if (FormerFee is { } fee)
        {
            var y = N(Top(fee.Amount));
            svg.Append($"<line x1=\"{left}\" y1=\"{y}\" x2=\"{width - 10}\" y2=\"{y}\" stroke=\"#a4161a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(Top(fee.Amount) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#a4161a\">Tidigare</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Δ = (level now − level before) × share before + level now × (share now − share before), plus rounding.</summary>
    private static string Explain(YearLine? before, decimal level, decimal share, decimal amount)
    {
        if (before is null)
        {
            return "Första året i jämförelsen.";
        }

        var levelEffect = decimal.Round((level - before.Level) * before.Share, 0);
        var shareEffect = decimal.Round(level * (share - before.Share), 0);
        var rounding = amount - before.Amount - levelEffect - shareEffect;
        var parts = new List<string>
        {
            level == before.Level ? "kostnadsnivån oförändrad" : $"kostnadsnivån {(level > before.Level ? "höjdes" : "sänktes")} {SwedishText.Percent(decimal.Round((level / before.Level - 1) * 100, 2))} ({Signed(levelEffect)})",
            share == before.Share ? "andelen oförändrad" : $"andelen av folkmängden ändrades från {(before.Share * 100).ToString("0.0000", SwedishText.Culture)} % till {(share * 100).ToString("0.0000", SwedishText.Culture)} % ({Signed(shareEffect)})",
        };
        if (rounding != 0)
        {
            parts.Add($"avrundning {Signed(rounding)}");
        }

        return $"{Signed(amount - before.Amount)}: " + string.Join(", ", parts) + ".";
    }

    private static string Signed(decimal amount) => (amount >= 0 ? "+" : "−") + SwedishText.Kronor(Math.Abs(amount));
}
