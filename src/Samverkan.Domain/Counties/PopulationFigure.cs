using Samverkan.Domain.Common;

namespace Samverkan.Domain.Counties;

/// <summary>A municipality's population on 31 December of <see cref="Year"/>.</summary>
public sealed class PopulationFigure : ICountyOwned
{
    private PopulationFigure()
    {
    }

    public PopulationFigure(Party municipality, int year, int population, string? source = null)
    {
        if (municipality.Kind != PartyKind.Municipality)
        {
            throw new DomainRuleException("PopulationMunicipality", $"Folkmängd anges per kommun, inte för {municipality.Name}.");
        }

        if (population <= 0)
        {
            throw new DomainRuleException("PopulationPositive", $"Folkmängden för {municipality.Name} måste vara ett positivt heltal.");
        }

        Id = Guid.NewGuid();
        CountyId = municipality.CountyId;
        PartyId = municipality.Id;
        Year = year;
        Population = population;
        Source = source;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public int Year { get; private set; }

    public int Population { get; private set; }

    /// <summary>Where the figure comes from when it is not Statistics Sweden's, e.g. "Demovärde"; null for an imported SCB figure.</summary>
    public string? Source { get; private set; }
}
