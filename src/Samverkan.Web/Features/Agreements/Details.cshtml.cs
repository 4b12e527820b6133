using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>The agreement page: status, the adoption matrix, and recording a council's adoption.</summary>
public sealed class DetailsModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
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

    public List<string> NextErrors { get; } = [];

    public async Task OnGetAsync(string? saved)
    {
        await LoadAsync();
        Message = saved is null ? TempData["Message"] as string : $"Antagandebeslutet för {saved} är registrerat.";
    }

    /// <summary>Starts the next agreement as a draft with new contracts (seed 002: renewed before each term of office).</summary>
    public async Task<IActionResult> OnPostNextAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            var next = await Reviews.StartNextAsync(db, Agreement, Today, HttpContext.RequestAborted);
            TempData["Message"] = $"{next.Title} är påbörjad som utkast med samma text och parter. Varje fullmäktige antar den, och nya samverkansavtal tecknas.";
            return RedirectToPage(new { countyCode = County.Code, id = next.Id });
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            NextErrors.Add(e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAdoptionAsync()
    {
        await LoadAsync();
        if (Input.PartyId is not { } partyId || ActableParties.All(p => p.Id != partyId))
        {
            Access.EnsureActFor(County.Id, Input.PartyId ?? Guid.Empty);
            ModelState.AddModelError("Input.PartyId", "Parten har redan antagit överenskommelsen.");
        }

        if (Input.DecidedOn is null)
        {
            ModelState.AddModelError("Input.DecidedOn", "Ange fullmäktiges beslutsdatum.");
        }

        if (string.IsNullOrWhiteSpace(Input.Reference))
        {
            ModelState.AddModelError("Input.Reference", "Ange beslutets referens, till exempel KF 2023-03-27 § 45.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            db.Entry(Agreement).Property(a => a.Version).OriginalValue = Input.Version;
            var adoption = Agreement.RecordAdoption(Input.PartyId!.Value, Input.DecidedOn!.Value, Input.Reference!, Today);
            await Cases.CaseCouncils.RecordAdoptionInCaseAsync(db, Agreement, adoption, User.Identity?.Name ?? "okänd", Today, HttpContext.RequestAborted);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("Input." + (e.Rule == "AdoptionDate" ? "DecidedOn" : e.Rule == "AdoptionReference" ? "Reference" : "PartyId"), e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            ModelState.AddModelError("Input.PartyId", "Någon annan registrerade ett beslut under tiden. Kontrollera tabellen och försök igen.");
            return Page();
        }

        var name = ActableParties.First(p => p.Id == Input.PartyId).Name;
        return RedirectToPage(new { countyCode = County.Code, id = Id, saved = name });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Agreement = await db.Agreements.WithDetails().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id)
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
