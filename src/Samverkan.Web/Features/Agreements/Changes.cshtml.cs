using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Amendments and withdrawal of an agreement: the secretariat proposes an amendment with its new text, each council's
/// adoption of it is recorded (by the secretariat, or a party official for their own party; the old text applies until
/// all have adopted), and a party's withdrawal ends the agreement, which opens the settlement.
/// </summary>
public sealed class ChangesModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public Agreement Agreement { get; private set; } = null!;

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>Which form the errors belong to.</summary>
    public string? ErrorForm { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostProposeAsync(string? title, string? text, int version) => ChangeAsync("propose", version, () =>
    {
        Access.EnsureManage(County.Id);
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("AmendmentText", "Ange ändringens rubrik och den nya lydelsen.");
        }

        var amendment = Agreement.ProposeAmendment(title, text, Today);
        return $"Ändringen \"{amendment.Title}\" är föreslagen. Registrera varje fullmäktiges beslut om den nedan; den tidigare lydelsen gäller tills alla har antagit den.";
    });

    public Task<IActionResult> OnPostAdoptAsync(Guid amendmentId, Guid partyId, DateOnly? decidedOn, string? reference, int version) => ChangeAsync("adopt", version, () =>
    {
        Access.EnsureActFor(County.Id, partyId);
        var adoption = Agreement.RecordAdoption(partyId, decidedOn ?? throw new DomainRuleException("AdoptionDate", "Ange fullmäktiges beslutsdatum."),
            reference ?? string.Empty, Today, amendmentId);
        return $"{Parties.First(p => p.Id == adoption.PartyId).Name}s beslut om ändringen är registrerat.";
    });

    public Task<IActionResult> OnPostWithdrawAsync(Guid partyId, DateOnly? decidedOn, DateOnly? effectiveOn, string? reference, int version) => ChangeAsync("withdraw", version, () =>
    {
        Access.EnsureManage(County.Id);
        if (decidedOn is null || effectiveOn is null || string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("WithdrawalFields", "Ange beslutsdatum, från vilken dag uppsägningen gäller och beslutets referens.");
        }

        var withdrawal = Agreement.RecordWithdrawal(partyId, decidedOn.Value, effectiveOn.Value, reference, Today);
        return $"Uppsägningen är registrerad: överenskommelsen upphör {SwedishText.Date(withdrawal.EffectiveOn)} för alla parter. Se förslaget till reglering.";
    });

    private async Task<IActionResult> ChangeAsync(string form, int version, Func<string> change)
    {
        await LoadAsync();
        ErrorForm = form;
        try
        {
            db.Entry(Agreement).Property(a => a.Version).OriginalValue = version;
            var message = change();
            await db.SaveChangesAsync();
            TempData["Message"] = message;
            return RedirectToPage(new { countyCode = County.Code, id = Id });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
        }
        catch (InputValidationException e)
        {
            Errors.AddRange(e.Errors.SelectMany(x => x.Value));
        }
        catch (DbUpdateConcurrencyException)
        {
            Errors.Add("Någon annan ändrade överenskommelsen under tiden. Läs in sidan igen och gör om ändringen.");
        }

        return Page();
    }

    public string PartyName(Guid id) => Parties.FirstOrDefault(p => p.Id == id)?.Name ?? "okänd part";

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Agreement = await db.Agreements.WithDetails().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id)
            ?? throw new NotFoundException("Överenskommelsen finns inte i det här länet.");
        Parties = AgreementQueries.AdoptionMatrix(Agreement).Select(r => r.Party).ToList();
    }
}
