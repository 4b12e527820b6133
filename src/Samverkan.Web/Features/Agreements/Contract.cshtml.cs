using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Agreements;

/// <summary>A municipality's contract: what the agreement means for it, its commitments, its signatures and the sign form.</summary>
public sealed class ContractModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public SignatureForm Input { get; set; } = new();

    public PartyContract Contract { get; private set; } = null!;

    public Agreement Agreement { get; private set; } = null!;

    public Party Party { get; private set; } = null!;

    /// <summary>The signatories the signed-in user may record a signature for.</summary>
    public IReadOnlyList<ContractSignatory> Signable { get; private set; } = [];

    /// <summary>Which form the errors belong to, so each form shows its own errors beside it.</summary>
    public string? ErrorForm { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetDocumentAsync()
    {
        await LoadAsync();
        var result = await Contracts.DocumentAsync(db, Contract, HttpContext.RequestAborted);
        return File(result.FileContents.ToArray(), result.ContentType ?? "application/octet-stream", result.FileDownloadName);
    }

    public async Task<IActionResult> OnPostSignAsync()
    {
        await LoadAsync();
        ErrorForm = "sign";
        if (Signable.Count == 0)
        {
            throw new ForbiddenException("Underskriften registreras av sekretariatet, eller av den namngivna undertecknaren själv.");
        }

        if (Input.SignatoryId is null || Contract.Signatories.All(s => s.Id != Input.SignatoryId))
        {
            Errors.Add("Välj vem som har skrivit under.");
        }

        if (Input.SignedOn is null)
        {
            Errors.Add("Ange datumet för underskriften.");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        return await SaveAsync(async () =>
        {
            var signatory = await Contracts.SignAsync(db, Access, User, Contract, Input.SignatoryId!.Value, Input.SignedOn, Input.Name, Input.Role, Today, HttpContext.RequestAborted);
            return Contract.IsComplete
                ? $"{signatory.Name}s underskrift är registrerad. Avtalet är undertecknat av alla."
                : $"{signatory.Name}s underskrift är registrerad. {Contract.RequiredSignatures - Contract.SignedCount} underskrifter saknas.";
        }, Input.Version);
    }

    public async Task<IActionResult> OnPostTextsAsync(string? meaning, string? commitments, int version)
    {
        await LoadAsync();
        ErrorForm = "texts";
        Access.EnsureManage(County.Id);
        return await SaveAsync(() =>
        {
            Contract.EditTexts(meaning ?? string.Empty, commitments ?? string.Empty);
            return Task.FromResult("Avtalets text är sparad.");
        }, version);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, int version)
    {
        await LoadAsync();
        ErrorForm = "upload";
        Access.EnsureManage(County.Id);
        if (file is null || file.Length == 0)
        {
            Errors.Add("Välj filen med det undertecknade avtalet.");
            return Page();
        }

        return await SaveAsync(async () =>
        {
            var (fileName, content) = await FileStore.ReadAsync(file, HttpContext.RequestAborted);
            await Contracts.AttachDocumentAsync(db, Contract, fileName, content, HttpContext.RequestAborted);
            return $"Filen \"{Path.GetFileName(file.FileName)}\" är bifogad avtalet.";
        }, version);
    }

    private async Task<IActionResult> SaveAsync(Func<Task<string>> change, int version)
    {
        try
        {
            db.Entry(Contract).Property(c => c.Version).OriginalValue = version;
            var message = await change();
            await db.SaveChangesAsync();
            TempData["Message"] = message;
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            Errors.Add("Någon annan har ändrat avtalet under tiden. Kontrollera underskrifterna och försök igen.");
            return Page();
        }

        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Contract = await db.PartyContracts.WithSignatories().FirstOrDefaultAsync(c => c.Id == Id && c.CountyId == County.Id)
            ?? throw new NotFoundException("Samverkansavtalet finns inte i det här länet.");
        Agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == Contract.AgreementId);
        Party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == Contract.PartyId);
        Signable = await Contracts.SignableAsync(db, Access, User, Contract, HttpContext.RequestAborted);
    }

    public sealed class SignatureForm
    {
        public Guid? SignatoryId { get; set; }

        public DateOnly? SignedOn { get; set; }

        public string? Name { get; set; }

        public string? Role { get; set; }

        public int Version { get; set; }
    }
}
