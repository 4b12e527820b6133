using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>A municipality's contract: what the agreement means for it, its commitments, its signatures and the sign form.</summary>
public sealed class ContractModel(AppDbContext db, AgreementDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
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

    public Task<IActionResult> OnPostSignAsync() => ChangeAsync("sign", async ct =>
    {
        var (contract, signatory) = await desk.SignAsync(Id, new SignatureRequest(Input.SignatoryId, null, null, Input.SignedOn, Input.Name, Input.Role, Input.Version),
            ct, County.Id);
        return contract.IsComplete
            ? $"{signatory.Name}s underskrift är registrerad. Avtalet är undertecknat av alla."
            : $"{signatory.Name}s underskrift är registrerad. {contract.RequiredSignatures - contract.SignedCount} underskrifter saknas.";
    });

    public Task<IActionResult> OnPostTextsAsync(string? meaning, string? commitments, int version) => ChangeAsync("texts", async ct =>
    {
        await desk.EditContractTextsAsync(Id, new ContractTextsRequest(meaning, commitments, version), ct, County.Id);
        return "Avtalets text är sparad.";
    });

    public Task<IActionResult> OnPostUploadAsync(IFormFile? file, int version) => ChangeAsync("upload", async ct =>
    {
        await desk.AttachContractDocumentAsync(Id, file, version, ct, County.Id);
        return $"Filen \"{Path.GetFileName(file!.FileName)}\" är bifogad avtalet.";
    });

    /// <summary>Runs the change; when it succeeds, its message is shown on the page read again.</summary>
    private async Task<IActionResult> ChangeAsync(string form, Func<CancellationToken, Task<string>> change)
    {
        await LoadCountyAsync();
        string? message = null;
        return await ChangeAsync(form, async ct => message = await change(ct), () =>
        {
            TempData["Message"] = message;
            return RedirectToPage(new { countyCode = County.Code, id = Id });
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Contract = await db.PartyContracts.AsNoTracking().WithSignatories().FirstOrDefaultAsync(c => c.Id == Id && c.CountyId == County.Id)
            ?? throw new NotFoundException("Samverkansavtalet finns inte i det här länet.");
        Agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == Contract.AgreementId);
        Party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == Contract.PartyId);
        Signable = await Contracts.SignableAsync(db, Access, Contract, HttpContext.RequestAborted);
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
