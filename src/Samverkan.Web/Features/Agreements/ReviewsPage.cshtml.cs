using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>The relevance reviews of a fixed-term agreement: what each found, and recording a held review.</summary>
public sealed class ReviewsPageModel(AppDbContext db, AgreementDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public Agreement Agreement { get; private set; } = null!;

    /// <summary>The reviews not yet recorded whose year has come: the ones a held dialogue can be recorded for.</summary>
    public IReadOnlyList<RelevanceReview> Recordable { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
        Input.Year ??= Recordable.Count > 0 ? Recordable[0].Year : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadCountyAsync();
        var request = new ReviewRequest(Input.Year, Input.HeldOn, Input.Participants, Input.WorkingForms, Input.Results, Input.Financing, Input.Structure,
            Input.Conclusion, Input.Version);
        int? year = null;
        return await ChangeAsync("record", async ct => year = (await desk.RecordReviewAsync(Id, request, ct, County.Id)).Review.Year, () =>
        {
            TempData["Message"] = $"Aktualitetsprövningen {year} är registrerad.";
            return RedirectToPage(new { countyCode = County.Code, id = Id });
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Agreement = await db.Agreements.AsNoTracking().WithDetails().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id)
            ?? throw new NotFoundException("Överenskommelsen finns inte i det här länet.");
        Recordable = Agreement.Reviews.Where(r => r.HeldOn is null && r.Year <= Today.Year).OrderBy(r => r.Year).ToList();
    }

    public sealed class ReviewForm
    {
        public int? Year { get; set; }

        public DateOnly? HeldOn { get; set; }

        public string? Participants { get; set; }

        public string? WorkingForms { get; set; }

        public string? Results { get; set; }

        public string? Financing { get; set; }

        public string? Structure { get; set; }

        public string? Conclusion { get; set; }

        public int Version { get; set; }
    }
}
