using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Amendments and withdrawal of an agreement: the secretariat proposes an amendment with its new text, each council's
/// adoption of it is recorded (by the secretariat, or a party official for their own party; the old text applies until
/// all have adopted), and a party's withdrawal ends the agreement, which opens the settlement.
/// </summary>
public sealed class ChangesModel(AppDbContext db, AgreementDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public Agreement Agreement { get; private set; } = null!;

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostProposeAsync(string? title, string? text, int version) => ChangeAsync("propose", null, async ct =>
    {
        var (_, amendment) = await desk.ProposeAmendmentAsync(Id, new AmendmentRequest(title, text, version), ct, County.Id);
        return $"Ändringen \"{amendment.Title}\" är föreslagen. Registrera varje fullmäktiges beslut om den nedan; den tidigare lydelsen gäller tills alla har antagit den.";
    });

    public Task<IActionResult> OnPostAdoptAsync(Guid amendmentId, Guid? partyId, DateOnly? decidedOn, string? reference, int version) => ChangeAsync("adopt", amendmentId,
        async ct =>
        {
            var (agreement, adoption) = await desk.RecordAdoptionAsync(Id, new AdoptionRequest(partyId, decidedOn, reference, amendmentId, Version: version), ct, County.Id);
            return $"{SwedishText.Genitive(agreement.Parties.First(p => p.PartyId == adoption.PartyId).Party!.Name)} beslut om ändringen är registrerat.";
        });

    public Task<IActionResult> OnPostSupplementAsync(string? title, string? description, DateOnly? validFrom, string? reference, int version) => ChangeAsync("supplement", null,
        async ct =>
        {
            var (_, supplement) = await desk.AddSupplementAsync(Id, new SupplementRequest(title, description, validFrom, reference, null, version), ct, County.Id);
            return $"Tillägget \"{supplement.Title}\" är tillagt. Registrera varje fullmäktiges beslut om det nedan.";
        });

    public Task<IActionResult> OnPostAdoptSupplementAsync(Guid supplementId, Guid? partyId, DateOnly? decidedOn, string? reference, int version) =>
        ChangeAsync("adopt-supplement", supplementId, async ct =>
        {
            var (agreement, adoption) = await desk.RecordAdoptionAsync(Id, new AdoptionRequest(partyId, decidedOn, reference, null, supplementId, version), ct, County.Id);
            return $"{SwedishText.Genitive(agreement.Parties.First(p => p.PartyId == adoption.PartyId).Party!.Name)} beslut om tillägget är registrerat.";
        });

    public Task<IActionResult> OnPostWithdrawAsync(Guid? partyId, DateOnly? decidedOn, DateOnly? effectiveOn, string? reference, int version) => ChangeAsync("withdraw", null,
        async ct =>
        {
            var (_, withdrawal) = await desk.RecordWithdrawalAsync(Id, new WithdrawalRequest(partyId, decidedOn, effectiveOn, reference, version), ct, County.Id);
            return $"Uppsägningen är registrerad: överenskommelsen upphör {SwedishText.Date(withdrawal.EffectiveOn)} för alla parter. Se förslaget till reglering.";
        });

    /// <summary>Runs the change; when it succeeds, its message is shown on the page read again.</summary>
    private async Task<IActionResult> ChangeAsync(string form, Guid? item, Func<CancellationToken, Task<string>> change)
    {
        await LoadCountyAsync();
        string? message = null;
        return await ChangeAsync(form, async ct => message = await change(ct), () =>
        {
            TempData["Message"] = message;
            return RedirectToPage(new { countyCode = County.Code, id = Id });
        }, LoadAsync, item);
    }

    /// <summary>Whether the user may record this party's decision: the secretariat any party's, an official their own.</summary>
    public bool CanActFor(Guid partyId) => Access.CanActFor(County.Id, partyId);

    public string PartyName(Guid id) => Parties.FirstOrDefault(p => p.Id == id)?.Name ?? "okänd part";

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Agreement = await db.Agreements.AsNoTracking().WithDetails().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id)
            ?? throw new NotFoundException("Överenskommelsen finns inte i det här länet.");
        Parties = AgreementQueries.AdoptionMatrix(Agreement).Select(r => r.Party).ToList();
    }
}
