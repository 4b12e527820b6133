using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Reference;

namespace Samverkan.Web.Features.Counties;

/// <summary>
/// The county's parties with their population; for the secretariat also where parties are added: the region and every
/// municipality from SCB's list in one step, or one party at a time. Both through <see cref="CountySetup"/>, as the API.
/// </summary>
public sealed class PartiesModel(AppDbContext db, Access access, TimeProvider time, CountySetup setup) : CountyPageModel(access, time)
{
    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public Dictionary<Guid, PopulationFigure> Population { get; private set; } = [];

    /// <summary>The parties SCB's list has for the county that are not parties yet (the region counted when there is none).</summary>
    public IReadOnlyList<string> MissingFromReference { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Every political party of the installation with its seats in the region's executive board (0 for none).</summary>
    public IReadOnlyList<(PoliticalParty Party, int Seats, Domain.Bodies.PoliticalSide? Side)> BoardSeats { get; private set; } = [];

    [BindProperty]
    public PartyForm Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public Task<IActionResult> OnPostFromReferenceAsync()
    {
        var added = 0;
        return ChangeAsync("reference", async ct => added = (await setup.AddPartiesFromReferenceAsync(CountyCode, ct)).Count, () =>
        {
            TempData["Message"] = added == 0 ? "Alla parter i SCB:s lista finns redan." : $"{SwedishText.Count(added, "part", "parter")} har lagts till från SCB:s lista. Fyll i organisationsnummer och registratorns e-post för var och en.";
            return Redirect($"/counties/{CountyCode}/parties");
        }, LoadAsync);
    }

    public Task<IActionResult> OnPostAddAsync()
    {
        Party? party = null;
        return ChangeAsync("add", async ct => party = await setup.AddPartyAsync(CountyCode, Input.ToRequest(), ct), () =>
        {
            TempData["Message"] = $"{party!.Name} har lagts till som part.";
            return Redirect($"/counties/{CountyCode}/parties/{party.Id}");
        }, LoadAsync);
    }

    /// <summary>The region's executive board by party, as PUT /api/v1/counties/{code}/board-seats.</summary>
    public Task<IActionResult> OnPostBoardAsync(List<string?>? politicalParty, List<int?>? seats, List<Domain.Bodies.PoliticalSide?>? side) =>
        ChangeAsync("board", ct => setup.SetBoardSeatsAsync(CountyCode, (politicalParty ?? []).Select((p, i) => new BoardSeatRequest(p,
            seats is not null && i < seats.Count ? seats[i] : null, side is not null && i < side.Count ? side[i] : null)).ToList(), ct), () =>
        {
            TempData["Message"] = "Regionstyrelsens mandat är sparade.";
            return Redirect($"/counties/{CountyCode}/parties#board");
        }, LoadAsync);

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Parties = await CountyQueries.PartiesAsync(db, County.Id);
        Population = await CountyQueries.LatestPopulationAsync(db, County.Id);
        var missing = new List<string>();
        if (NationalReference.County(County.Code) is { } reference)
        {
            if (Parties.All(p => p.Kind != PartyKind.Region))
            {
                missing.Add(reference.RegionName);
            }

            missing.AddRange(NationalReference.MunicipalitiesOf(County.Code).Where(m => Parties.All(p => p.MunicipalityCode != m.Code)).Select(m => m.Name));
        }

        MissingFromReference = missing;
        var region = Parties.FirstOrDefault(p => p.Kind == PartyKind.Region);
        var board = region is null ? [] : await db.ExecutiveBoardSeats.AsNoTracking().Where(b => b.PartyId == region.Id).ToListAsync();
        BoardSeats = (await db.PoliticalParties.AsNoTracking().OrderBy(p => p.Name).ToListAsync())
            .Select(p => board.FirstOrDefault(b => b.PoliticalPartyId == p.Id) is { } seat ? (p, seat.Seats, (Domain.Bodies.PoliticalSide?)seat.Side) : (p, 0, null))
            .ToList();
    }
}

/// <summary>A party's fields as the forms send them; the same names as the API's <see cref="PartyRequest"/>.</summary>
public sealed class PartyForm
{
    public PartyKind? Kind { get; set; }

    public string? Name { get; set; }

    public string? MunicipalityCode { get; set; }

    public string? OrganisationNumber { get; set; }

    public string? CouncilName { get; set; }

    public string? ExecutiveBoardName { get; set; }

    public string? RegistryEmail { get; set; }

    public string? PeppolId { get; set; }

    public string? BuyerReference { get; set; }

    public int? Version { get; set; }

    public PartyRequest ToRequest() => new(Kind, Name, MunicipalityCode, OrganisationNumber, CouncilName, ExecutiveBoardName, RegistryEmail, PeppolId,
        BuyerReference, Version);

    public static PartyForm From(Party p) => new()
    {
        Kind = p.Kind, Name = p.Name, MunicipalityCode = p.MunicipalityCode, OrganisationNumber = p.OrganisationNumber, CouncilName = p.CouncilName,
        ExecutiveBoardName = p.ExecutiveBoardName, RegistryEmail = p.RegistryEmail, PeppolId = p.PeppolId, BuyerReference = p.BuyerReference, Version = p.Version,
    };
}
