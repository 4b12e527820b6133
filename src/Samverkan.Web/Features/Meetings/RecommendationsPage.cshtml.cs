using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

public sealed class RecommendationsPageModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    private readonly TimeProvider clock = time;

    public IReadOnlyList<RecommendationFollowUp> FollowUp { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public bool CanActFor(Guid partyId) => Access.CanActFor(County.Id, partyId);

    public async Task OnGetAsync()
    {
        await LoadCountyAsync();
        FollowUp = await Recommendations.FollowUpAsync(db, County.Id);
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostAsync(Guid itemId, Guid partyId, PartyDecisionOutcome outcome, DateOnly? decidedOn, string? reference)
    {
        await LoadCountyAsync();
        try
        {
            await Recommendations.RecordAsync(db, Access, clock, itemId, partyId, outcome, decidedOn ?? default, reference ?? string.Empty, User.Identity?.Name ?? "okänd");
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            FollowUp = await Recommendations.FollowUpAsync(db, County.Id);
            return Page();
        }

        TempData["Message"] = "Partens beslut är registrerat.";
        return RedirectToPage(new { countyCode = County.Code });
    }
}
