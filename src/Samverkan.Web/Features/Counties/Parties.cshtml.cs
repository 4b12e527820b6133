using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

public sealed class PartiesModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public Dictionary<Guid, PopulationFigure> Population { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        Parties = await CountyQueries.PartiesAsync(db, County.Id);
        Population = await CountyQueries.LatestPopulationAsync(db, County.Id);
    }
}
