using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// A new agreement drafted, or a draft rewritten, by the secretariat through <see cref="AgreementDesk"/> (as POST
/// /counties/{code}/agreements and PUT /agreements/{id}); once a council has adopted it, only an amendment changes it.
/// </summary>
public sealed class DraftModel(AppDbContext db, AgreementDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public Agreement? Existing { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = Existing is { } a
            ? new DraftForm
            {
                Title = a.Title, Text = a.Text, ValidFrom = a.ValidFrom, ValidTo = a.ValidTo, CaseNumber = a.CaseNumber,
                PartyIds = a.Parties.Select(p => p.PartyId).ToList(), Version = a.Version,
            }
            : new DraftForm { PartyIds = Parties.Select(p => p.Id).ToList() };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadCountyAsync();
        var request = new AgreementDraftRequest(Input.Title, Input.Text, Input.ValidFrom, Input.ValidTo, Input.CaseNumber, Input.PartyIds, Input.Version);
        Agreement? saved = null;
        return await ChangeAsync("draft", async ct => saved = Id is { } id ? await desk.RedraftAsync(id, request, ct, County.Id) : await desk.CreateDraftAsync(County.Id, request, ct),
            () =>
            {
                TempData["Message"] = Id is null ? $"{saved!.Title} är sparad som utkast. Registrera varje fullmäktiges antagandebeslut här när de kommer." : "Utkastet är sparat.";
                return Redirect($"/counties/{County.Code}/agreements/{saved!.Id}");
            }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        Parties = await CountyQueries.PartiesAsync(db, County.Id);
        if (Id is { } id)
        {
            Existing = await db.Agreements.AsNoTracking().WithDetails().FirstOrDefaultAsync(a => a.Id == id && a.CountyId == County.Id, HttpContext.RequestAborted)
                ?? throw new NotFoundException("Överenskommelsen finns inte i det här länet.");
        }
    }

    public sealed class DraftForm
    {
        public string? Title { get; set; }

        public string? Text { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }

        public string? CaseNumber { get; set; }

        public List<Guid> PartyIds { get; set; } = [];

        public int? Version { get; set; }
    }
}
