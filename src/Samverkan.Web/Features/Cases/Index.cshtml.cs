using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>The case register: search by number or title, kind, status, body and year, 50 a page; the secretariat registers a case.</summary>
public sealed class IndexModel(AppDbContext db, Access access, TimeProvider time, CaseDesk desk) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? BodyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Sida { get; set; } = 1;

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<CaseSeries> Series { get; private set; } = [];

    /// <summary>The county's agreements, for a case that adopts one.</summary>
    public IReadOnlyList<(Guid Id, string Title)> Agreements { get; private set; } = [];

    public int Pages => Math.Max(1, (Total + CaseFilter.PageSize - 1) / CaseFilter.PageSize);

    /// <summary>The search's query string with another page number.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                query.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }

        Add("q", Q);
        Add("kind", Kind);
        Add("status", Status);
        Add("bodyId", BodyId);
        Add("year", Year);
        Add("sida", page);
        return $"/counties/{County.Code}/cases?{string.Join("&", query)}";
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRegisterAsync(string? series, string? title, CaseKind? kind, Guid? responsibleBodyId, string? officer, string? relatedCaseNumber,
        Guid? agreementId)
    {
        await LoadCountyAsync();
        Guid? caseId = null;
        return await ChangeAsync("register", async ct =>
        {
            Guid? relatedId = null;
            if (!string.IsNullOrWhiteSpace(relatedCaseNumber))
            {
                var number = relatedCaseNumber.Trim();
                relatedId = await db.Cases.Where(c => c.CountyId == County.Id && c.CaseNumber == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
                    ?? throw InputValidationException.For("relatedCaseId", $"Det finns inget ärende med diarienumret {number} i länet.");
            }

            caseId = (await desk.RegisterAsync(County.Id, new CaseRequest(series, title, kind, responsibleBodyId, officer, relatedId, null, agreementId), ct)).Id;
        }, () => Redirect($"/counties/{County.Code}/cases/{caseId}?saved=registered"), LoadAsync);
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        var (items, total) = await CaseSearch.SearchAsync(db, County.Id, new CaseFilter(Q, Kind, Status, BodyId, Year, Sida), HttpContext.RequestAborted);
        Cases = items;
        Total = total;
        Bodies = (await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToListAsync()).OrderBy(b => b.Name, StringComparer.Create(SwedishText.Culture, false)).ToList();
        Series = await db.CaseSeries.AsNoTracking().Where(s => s.CountyId == County.Id).OrderBy(s => s.Code).ToListAsync();
        Agreements = (await db.Agreements.AsNoTracking().Where(a => a.CountyId == County.Id).OrderByDescending(a => a.ValidFrom).Select(a => new { a.Id, a.Title }).ToListAsync())
            .Select(a => (a.Id, a.Title)).ToList();
    }
}
