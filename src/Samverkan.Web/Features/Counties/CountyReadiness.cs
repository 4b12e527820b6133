using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure.Reference;

namespace Samverkan.Web.Features.Counties;

/// <summary>One step of a county's setup: what it is, whether it is done, what is left and where it is done.</summary>
public sealed record SetupStep(string Title, bool Done, string Status, string Link);

/// <summary>
/// How far a county has come in setting itself up, read from its own data: parties, their details, the agreement and
/// its adoption, bodies, the cost model, case series and the secretariat's accounts. The administrator's county list
/// and the county's setup page show the same steps.
/// </summary>
public static class CountyReadiness
{
    public static async Task<IReadOnlyList<SetupStep>> StepsAsync(AppDbContext db, County county, CancellationToken cancellationToken = default)
    {
        var c = county.Code;
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).ToListAsync(cancellationToken);
        var referenceCount = NationalReference.MunicipalitiesOf(c).Count;
        var municipalities = parties.Count(p => p.Kind == PartyKind.Municipality);
        var hasRegion = parties.Any(p => p.Kind == PartyKind.Region);
        var partiesDone = hasRegion && municipalities > 0 && (referenceCount == 0 || municipalities >= referenceCount);
        var incomplete = parties.Count(p => !p.HasOrganisationNumber || p.RegistryEmail is null);

        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Adoptions).Include(a => a.Supplements)
            .Where(a => a.CountyId == county.Id).ToListAsync(cancellationToken);
        var main = agreements.OrderByDescending(a => a.Parties.Count).FirstOrDefault();
        var adopted = main is null ? 0 : main.Parties.Count(p => main.AdoptionBy(p.PartyId) is not null);
        var bodies = await db.Bodies.AsNoTracking().CountAsync(b => b.CountyId == county.Id, cancellationToken);
        var costModels = await db.CostModels.AsNoTracking().CountAsync(m => m.CountyId == county.Id, cancellationToken);
        var series = await db.Set<Domain.Cases.CaseSeries>().AsNoTracking().CountAsync(s => s.CountyId == county.Id, cancellationToken);
        var templates = await db.FlowTemplates.AsNoTracking().CountAsync(t => t.CountyId == county.Id, cancellationToken);
        var funds = await db.Funds.AsNoTracking().CountAsync(f => f.CountyId == county.Id, cancellationToken);
        var hasSupplement = agreements.Any(a => a.Supplements.Count > 0);
        var secretaries = await db.Users.AsNoTracking().CountAsync(u => u.CountyId == county.Id, cancellationToken);

        return
        [
            new("Parter", partiesDone, (hasRegion ? "Regionen och " : "Ingen region, ") + SwedishText.Count(municipalities, "kommun", "kommuner")
                + (referenceCount > 0 ? $" av {referenceCount} i SCB:s lista" : string.Empty), $"/counties/{c}/parties"),
            new("Organisationsnummer och registratorer", parties.Count > 0 && incomplete == 0,
                parties.Count == 0 ? "Inga parter ännu" : incomplete == 0 ? "Alla parter har organisationsnummer och registratorns e-postadress"
                    : $"{SwedishText.Count(incomplete, "part saknar", "parter saknar")} organisationsnummer eller registratorns e-postadress", $"/counties/{c}/parties"),
            new("Samverkansavtal", main is not null, main is null ? "Inget avtal ännu" : main.Title, main is null ? $"/counties/{c}/agreements/draft" : $"/counties/{c}/agreements/{main.Id}"),
            new("Antaget av alla fullmäktige", main is not null && adopted == main.Parties.Count && adopted > 0,
                main is null ? "Inget avtal ännu" : $"Antaget av {adopted} av {main.Parties.Count}", main is null ? $"/counties/{c}/agreements/draft" : $"/counties/{c}/agreements/{main.Id}"),
            new("Politiska organ", bodies > 0, SwedishText.Count(bodies, "organ", "organ"), bodies == 0 ? $"/counties/{c}/bodies/new" : $"/counties/{c}"),
            new("Kostnadsfördelning", costModels > 0, costModels > 0 ? "Kostnadsmodell finns" : "Ingen kostnadsmodell (behövs bara om parterna delar kostnader)",
                $"/counties/{c}/cost-sharing"),
            new("Ärendeserier", series > 0, SwedishText.Count(series, "serie", "serier") + $", {SwedishText.Count(templates, "mall", "mallar")} för beredningsgång", $"/counties/{c}/flow-templates"),
            new("Gemensam fond", funds > 0 || !hasSupplement, funds > 0 ? SwedishText.Count(funds, "fond", "fonder") : "Ingen fond (behövs bara om parterna har en gemensam fond; den sätts upp under ett antaget tillägg)",
                $"/counties/{c}/funds/new"),
            new("Konton", secretaries > 0, SwedishText.Count(secretaries, "konto", "konton"), $"/admin/accounts?county={c}"),
        ];
    }
}
