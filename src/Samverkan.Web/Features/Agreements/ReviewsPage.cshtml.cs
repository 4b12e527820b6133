using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>The relevance reviews of a fixed-term agreement: what each found, and recording a held review.</summary>
public sealed class ReviewsPageModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public Agreement Agreement { get; private set; } = null!;

    /// <summary>The reviews not yet recorded whose year has come: the ones a held dialogue can be recorded for.</summary>
    public IReadOnlyList<RelevanceReview> Recordable { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
        Input.Year ??= Recordable.Count > 0 ? Recordable[0].Year : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        if (Input.Year is null)
        {
            Errors.Add("Välj vilken aktualitetsprövning som hölls.");
        }

        if (Input.HeldOn is null)
        {
            Errors.Add("Ange när dialogen hölls.");
        }

        if (string.IsNullOrWhiteSpace(Input.Participants))
        {
            Errors.Add("Ange med vilka dialogen fördes.");
        }

        if (string.IsNullOrWhiteSpace(Input.Conclusion))
        {
            Errors.Add("Ange prövningens slutsats.");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            db.Entry(Agreement).Property(a => a.Version).OriginalValue = Input.Version;
            Agreement.RecordReview(Input.Year!.Value, Input.HeldOn!.Value, Input.Participants!, Input.WorkingForms, Input.Results, Input.Financing,
                Input.Structure, Input.Conclusion!, User.Identity?.Name ?? "okänd", Today);
            await db.SaveChangesAsync();
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
            Errors.Add("Någon annan har ändrat överenskommelsen under tiden. Kontrollera prövningarna och försök igen.");
            return Page();
        }

        TempData["Message"] = $"Aktualitetsprövningen {Input.Year} är registrerad.";
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Agreement = await db.Agreements.WithDetails().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id)
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
