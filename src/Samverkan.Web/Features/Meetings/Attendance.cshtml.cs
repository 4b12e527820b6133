using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Meetings;

public sealed class AttendanceModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PartyId { get; set; }

    public IReadOnlyList<AttendanceLine> Lines { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return File(Tabular.Csv(AttendanceReport.Headers, AttendanceReport.Rows(Lines)), "text/csv; charset=utf-8", $"narvaro-{County.Code}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        return File(Tabular.Xlsx("Närvaro", AttendanceReport.Headers, AttendanceReport.Rows(Lines)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"narvaro-{County.Code}.xlsx");
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        var (countyId, party) = await AttendanceReport.ScopeAsync(Access, CountyCode, PartyId, HttpContext.RequestAborted);
        PartyId = party;
        From = From == default ? new DateOnly(Today.Year, 1, 1) : From;
        To = To == default ? new DateOnly(Today.Year, 12, 31) : To;
        Lines = await AttendanceReport.LinesAsync(db, countyId, From, To, party);
        Parties = await CountyQueries.PartiesAsync(db, County.Id);
    }
}
