using Samverkan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>A municipality's line in a year's cost sharing.</summary>
public sealed record AllocationRow(Party Party, int Population, decimal Share, decimal Exact, decimal Amount, decimal RoundingAdded);

/// <summary>A year's cost level shared among the municipalities, with everything needed to explain each amount.</summary>
public sealed record YearAllocation(int Year, Agreement Agreement, CostModel Model, CostLevelDerivation Derivation, DateOnly PopulationReferenceDate,
    string KeyLabel, IReadOnlyList<AllocationRow> Rows, string? PopulationSource = null)
{
    public decimal Total => Rows.Sum(r => r.Amount);

    public long TotalPopulation => Rows.Sum(r => (long)r.Population);

    public AllocationRow For(Guid partyId) => Rows.Single(r => r.Party.Id == partyId);

    /// <summary>Each municipality's amount for the year, as the instalments and invoices take it.</summary>
    public IReadOnlyList<AnnualAmount> AnnualAmounts => Rows.Select(r => new AnnualAmount(r.Party.Id, r.Party.Name, Money.Sek(r.Amount))).ToList();

    /// <summary>What the domain's invoice plan decides from: the amounts, the model's due dates and the agreement's adoptions.</summary>
    public InvoicingYear ForInvoicing => new(Year, Model, Derivation.IsPreliminary, AnnualAmounts, Agreement);
}

/// <summary>The cost model of a county's agreement and the allocation of a year's level (seed 001 §5).</summary>
public sealed class CostSharingService(AppDbContext db, TimeProvider time)
{
    /// <summary>The first year Statistics Sweden's municipal population series covers in this form.</summary>
    public const int PopulationFirstYear = 1968;

    public async Task<CostModel> ModelAsync(Guid countyId, CancellationToken cancellationToken = default) =>
        await db.CostModels.Include(m => m.Rules).FirstOrDefaultAsync(m => m.CountyId == countyId, cancellationToken)
        ?? throw new Infrastructure.NotFoundException("Länet har ingen kostnadsmodell för sin överenskommelse.");

    public async Task<IReadOnlyList<IndexPoint>> IndexAsync(CancellationToken cancellationToken = default) =>
        (await db.IndexValues.AsNoTracking().ToListAsync(cancellationToken)).Select(v => v.ToPoint()).ToList();

    public async Task<YearAllocation> AllocateAsync(Guid countyId, int year, AllocationKey? key = null, CostModel? model = null,
        CancellationToken cancellationToken = default)
    {
        model ??= await ModelAsync(countyId, cancellationToken);
        var derivation = model.Derive(year, await IndexAsync(cancellationToken));
        return await AllocateAsync(countyId, year, derivation.Level, derivation, model, key ?? AllocationKey.ByPopulation, cancellationToken);
    }

    /// <summary>Shares a given level (a scenario's, or the model's) by a key among the agreement's municipalities.</summary>
    public async Task<YearAllocation> AllocateAsync(Guid countyId, int year, decimal level, CostLevelDerivation derivation, CostModel model, AllocationKey key,
        CancellationToken cancellationToken = default)
    {
        // With its adoptions and withdrawals: whether it is in force decides what may be invoiced.
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).ThenInclude(p => p.Party)
            .Include(a => a.Adoptions).Include(a => a.Withdrawals).AsSplitQuery()
            .FirstAsync(a => a.Id == model.AgreementId, cancellationToken);
        var municipalities = CountyQueries.Ordered(agreement.Parties.Select(p => p.Party!).Where(p => p.Kind == PartyKind.Municipality)).ToList();
        var referenceDate = model.PopulationReferenceDate(year);
        var ids = municipalities.Select(m => m.Id).ToList();
        var figureRows = await db.PopulationFigures.AsNoTracking()
            .Where(f => f.CountyId == countyId && f.Year == referenceDate.Year && ids.Contains(f.PartyId))
            .Select(f => new { f.PartyId, f.Population, f.Source }).ToListAsync(cancellationToken);
        var source = figureRows.Select(f => f.Source).FirstOrDefault(x => x is not null);
        var figures = figureRows.ToDictionary(f => f.PartyId, f => f.Population);
        var missing = municipalities.Where(m => !figures.ContainsKey(m.Id)).Select(m => m.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("PopulationMissing",
                $"Folkmängd per {SwedishText.Date(referenceDate)} saknas för {string.Join(", ", missing)}. Importera folkmängden för {referenceDate.Year}.");
        }

        var keyed = municipalities.Select(m => new KeyMunicipality(m.MunicipalityCode!, m.Name, figures[m.Id])).ToList();
        var lines = Allocation.Allocate(level, key.Weights(keyed)).ToDictionary(l => l.Key, StringComparer.Ordinal);
        var rows = municipalities.Select(m =>
        {
            var line = lines[m.MunicipalityCode!];
            return new AllocationRow(m, figures[m.Id], line.Share, line.Exact, line.Amount, line.RoundingAdded);
        }).ToList();
        return new YearAllocation(year, agreement, model, derivation, referenceDate, key.Label, rows, source);
    }

    /// <summary>The invoices raised for the allocation's year under its agreement, in number order.</summary>
    public async Task<List<Invoice>> InvoicedAsync(YearAllocation allocation, CancellationToken cancellationToken = default) =>
        await db.Invoices.AsNoTracking().Where(i => i.AgreementId == allocation.Agreement.Id && i.Year == allocation.Year)
            .OrderBy(i => i.Number).ToListAsync(cancellationToken);

    /// <summary>The current model's allocation and the scenario's side by side, per municipality.</summary>
    public async Task<ScenarioComparison> CompareAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(scenario.CountyId, cancellationToken);
        var index = await IndexAsync(cancellationToken);
        var current = await AllocateAsync(scenario.CountyId, scenario.Year, model: model, cancellationToken: cancellationToken);
        decimal? previous = null;
        if (scenario.UpliftPercent is not null)
        {
            previous = model.Derive(scenario.Year - 1, index).Level;
        }

        var level = scenario.LevelFor(current.Derivation.Level, previous);
        var steps = current.Derivation.Steps.Take(current.Derivation.Steps.Count - 1)
            .Append(new CostLevelStep(scenario.Year, level, null, null, false, $"Scenario \"{scenario.Name}\": {scenario.Describe()}: {SwedishText.Kronor(level)}."))
            .ToList();
        var alternative = await AllocateAsync(scenario.CountyId, scenario.Year, level, new CostLevelDerivation(steps), model, scenario.AllocationKey, cancellationToken);
        return new ScenarioComparison(scenario, current, alternative);
    }

    /// <summary>
    /// Stores a year's population from a file. Nothing is stored when any line is wrong; an existing year is replaced
    /// only when <paramref name="replace"/> confirms it (the audit keeps the old figures).
    /// </summary>
    public async Task<PopulationImportResult> ImportPopulationAsync(Guid countyId, int year, byte[] content, bool replace, CancellationToken cancellationToken = default)
    {
        var lastYear = time.TodayInSweden().Year + 1;
        if (year < PopulationFirstYear || year > lastYear)
        {
            return new PopulationImportResult(0, false, [new PopulationFileError(0,
                $"Året {year} går inte att läsa in: folkmängden gäller den 31 december ett år mellan {PopulationFirstYear} och {lastYear}.")]);
        }

        var municipalities = await db.Parties.Where(p => p.CountyId == countyId && p.Kind == PartyKind.Municipality).ToListAsync(cancellationToken);
        var (figures, errors) = PopulationFile.Parse(content, year, municipalities.ToDictionary(m => m.MunicipalityCode!, m => m.Name));
        if (errors.Count > 0)
        {
            return new PopulationImportResult(0, false, errors);
        }

        var existing = await db.PopulationFigures.Where(f => f.CountyId == countyId && f.Year == year).ToListAsync(cancellationToken);
        if (existing.Count > 0 && !replace)
        {
            return new PopulationImportResult(0, true, [new PopulationFileError(0,
                $"Folkmängd per {year}-12-31 finns redan för {existing.Count} kommuner. Bekräfta att den ska ersättas.")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PopulationFigures.RemoveRange(existing);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var municipality in municipalities)
        {
            db.PopulationFigures.Add(new PopulationFigure(municipality, year, figures[municipality.MunicipalityCode!]));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PopulationImportResult(municipalities.Count, false, []);
    }
}

public sealed record PopulationImportResult(int Count, bool NeedsConfirmation, IReadOnlyList<PopulationFileError> Errors);

public sealed record ScenarioComparison(Scenario Scenario, YearAllocation Current, YearAllocation Alternative)
{
    public IEnumerable<(AllocationRow Current, AllocationRow Alternative, decimal Difference)> Rows =>
        Current.Rows.Select(c => (c, Alternative.For(c.Party.Id), Alternative.For(c.Party.Id).Amount - c.Amount));
}
