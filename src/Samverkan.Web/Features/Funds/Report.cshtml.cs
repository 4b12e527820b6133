using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>The fund's yearly report for the Council: page, PDF and XLSX; the secretariat closes the year here.</summary>
public sealed class ReportModel(AppDbContext db, Infrastructure.Caching.SharedReads shared, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public int Year { get; set; }

    public FundReportResponse Report { get; private set; } = null!;

    /// <summary>The next year that may be closed, when it is this one.</summary>
    public bool CanCloseThisYear { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await LoadAsync();
        return File(FundReportDocuments.Pdf(Report), "application/pdf", FundReportDocuments.FileName(Report, "pdf"));
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        return File(FundReportDocuments.Xlsx(Report), FundReportDocuments.XlsxType, FundReportDocuments.FileName(Report, "xlsx"));
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            await ConflictRetry.RunAsync(db, async () =>
            {
                var fund = await db.Funds.FirstAsync(f => f.Id == Id, HttpContext.RequestAborted);
                fund.CloseYear(Year, Today, FundQueries.Who(HttpContext));
                await db.SaveChangesAsync(HttpContext.RequestAborted);
                return true;
            }, HttpContext.RequestAborted);
            return Redirect($"/counties/{County.Code}/funds/{Id}/reports/{Year}");
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            Errors.Add(e.Message);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == Id && f.CountyId == County.Id, HttpContext.RequestAborted)
            ?? throw new NotFoundException("Fonden finns inte i länet.");
        Report = await FundReport.SharedAsync(shared, db, Id, Year, HttpContext.RequestAborted);
        CanCloseThisYear = Year == (fund.ClosedThroughYear ?? fund.OpenedOn.Year - 1) + 1 && Year < Today.Year;
    }
}
