using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>The agreement page: status, the adoption matrix, recording a council's adoption and starting the next agreement, through <see cref="AgreementDesk"/>.</summary>
public sealed class DetailsModel(AppDbContext db, AgreementDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public AdoptionForm Input { get; set; } = new();

    public Agreement Agreement { get; private set; } = null!;

    public IReadOnlyList<AdoptionRow> Matrix { get; private set; } = [];

    /// <summary>The case in the register that adopts this agreement, if the county keeps one.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The parties the user may record an adoption for and that have not adopted yet.</summary>
    public IReadOnlyList<Party> ActableParties { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Each municipality's own contract under the agreement, by party.</summary>
    public IReadOnlyDictionary<Guid, PartyContract> Contracts { get; private set; } = new Dictionary<Guid, PartyContract>();

    /// <summary>The agreement started as this one's successor, if any.</summary>
    public Agreement? Successor { get; private set; }

    public Agreement? Predecessor { get; private set; }

    public async Task OnGetAsync(string? saved)
    {
        await LoadAsync();
        Message = saved is null ? TempData["Message"] as string : $"Antagandebeslutet för {saved} är registrerat.";
    }

    /// <summary>Starts the next agreement as a draft with new contracts (seed 002: renewed before each term of office).</summary>
    public async Task<IActionResult> OnPostNextAsync()
    {
        await LoadCountyAsync();
        Agreement? next = null;
        return await ChangeAsync("next", async ct => next = await desk.StartNextAsync(Id, ct, County.Id), () =>
        {
            TempData["Message"] = $"{next!.Title} är påbörjad som utkast med samma text och parter. Varje fullmäktige antar den, och nya samverkansavtal tecknas.";
            return RedirectToPage(new { countyCode = County.Code, id = next.Id });
        }, LoadAsync);
    }

    public async Task<IActionResult> OnPostAdoptionAsync()
    {
        await LoadCountyAsync();
        string? party = null;
        return await ChangeAsync("adoption", async ct =>
        {
            var (agreement, adoption) = await desk.RecordAdoptionAsync(Id, new AdoptionRequest(Input.PartyId, Input.DecidedOn, Input.Reference, Version: Input.Version),
                ct, County.Id);
            party = agreement.Parties.First(p => p.PartyId == adoption.PartyId).Party!.Name;
        }, () => RedirectToPage(new { countyCode = County.Code, id = Id, saved = party }), LoadAsync);
    }

    /// <summary>Strikes out an adoption recorded in error, with the reason, kept on the page under "Strukna beslut".</summary>
    public async Task<IActionResult> OnPostStrikeAsync(Guid adoptionId, string? reason, int? version)
    {
        await LoadCountyAsync();
        return await ChangeAsync("strike", ct => desk.StrikeAdoptionAsync(Id, adoptionId, new StrikeAdoptionRequest(reason, version), ct, County.Id), () =>
        {
            TempData["Message"] = "Beslutet är struket. Överenskommelsens status räknas nu utan det.";
            return RedirectToPage(new { countyCode = County.Code, id = Id });
        }, LoadAsync, adoptionId);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Agreement = await db.Agreements.AsNoTracking().WithDetails().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id)
            ?? throw new NotFoundException("Överenskommelsen finns inte i det här länet.");
        Matrix = AgreementQueries.AdoptionMatrix(Agreement);
        CaseId = await db.Cases.AsNoTracking().Where(c => c.AgreementId == Agreement.Id).OrderBy(c => c.RegisteredOn).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        ActableParties = Matrix.Where(r => r.Adoption is null && Access.CanActFor(County.Id, r.Party.Id)).Select(r => r.Party).ToList();
        Contracts = (await Agreements.Contracts.ForAgreementAsync(db, Agreement.Id, HttpContext.RequestAborted)).ToDictionary(c => c.PartyId);
        Successor = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.PredecessorId == Agreement.Id);
        Predecessor = Agreement.PredecessorId is { } before ? await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == before) : null;
    }

    public sealed class AdoptionForm
    {
        public Guid? PartyId { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public string? Reference { get; set; }

        public int Version { get; set; }
    }
}
