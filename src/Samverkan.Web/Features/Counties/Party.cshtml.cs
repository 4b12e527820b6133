using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Counties;

/// <summary>One party's details, changed by the secretariat through <see cref="CountySetup"/> like PUT /api/v1/parties/{id}; every change is audited.</summary>
public sealed class PartyModel(AppDbContext db, Access access, TimeProvider time, CountySetup setup) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    public Party Party { get; private set; } = null!;

    public string? Message { get; private set; }

    [BindProperty]
    public PartyForm Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = PartyForm.From(Party);
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadCountyAsync();
        return await ChangeAsync("party", ct => setup.UpdatePartyAsync(Id, Input.ToRequest(), ct, County.Id), () =>
        {
            TempData["Message"] = "Uppgifterna är sparade.";
            return Redirect($"/counties/{CountyCode}/parties/{Id}");
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        Party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id && p.CountyId == County.Id, HttpContext.RequestAborted)
            ?? throw new NotFoundException("Parten finns inte i länet.");
    }
}
