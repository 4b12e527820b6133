using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>The fund's yearly report for the Council: page, PDF and XLSX; the secretariat closes the year here.</summary>
public sealed class ReportModel(AppDbContext db, FundDesk desk, Infrastructure.Caching.SharedReads shared, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public int Year { get; set; }

    public FundReportResponse Report { get; private set; } = null!;

    /// <summary>The next year that may be closed, when it is this one.</summary>
    public bool CanCloseThisYear { get; private set; }

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
        await LoadCountyAsync();
        return await ChangeAsync("close", ct => desk.CloseYearAsync(Id, Year, ct, County.Id),
            () => Redirect($"/counties/{County.Code}/funds/{Id}/reports/{Year}"), LoadAsync);
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
