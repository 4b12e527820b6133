using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>The county's recommendations and each party's own decision; a party's official (or the secretariat) records it through <see cref="MinutesDesk"/>.</summary>
public sealed class RecommendationsPageModel(AppDbContext db, MinutesDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<RecommendationFollowUp> FollowUp { get; private set; } = [];

    public string? Message { get; private set; }

    public bool CanActFor(Guid partyId) => Access.CanActFor(County.Id, partyId);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostAsync(Guid itemId, Guid? partyId, PartyDecisionOutcome? outcome, DateOnly? decidedOn, string? reference)
    {
        await LoadCountyAsync();
        return await ChangeAsync("decision", ct => desk.RecordPartyDecisionAsync(itemId, new PartyDecisionRequest(partyId, outcome, decidedOn, reference), ct, County.Id), () =>
        {
            TempData["Message"] = "Partens beslut är registrerat.";
            return Redirect($"/counties/{County.Code}/recommendations");
        }, LoadAsync, itemId);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        FollowUp = await Recommendations.FollowUpAsync(db, County.Id, HttpContext.RequestAborted);
    }
}
