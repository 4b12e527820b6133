using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>A collaboration group's charter and its reports to the SRB, twice a year; the secretariat records a report received through <see cref="BodyDesk"/>.</summary>
public sealed class ReportsModel(AppDbContext db, BodyDesk desk, Access access, TimeProvider time) : BodyPageModel(db, access, time)
{
    public IReadOnlyList<GroupReport> Reports { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public Task<IActionResult> OnPostReportAsync(Guid reportId, DateOnly? receivedOn, string? summary) =>
        ChangeAsync("report", ct => desk.ReceiveReportAsync(reportId, new ReceiveRequest(receivedOn, summary), ct, County.Id),
            () => "Återrapporten är registrerad.", () => BodyPath("reports"), LoadAsync, reportId);

    private async Task LoadAsync()
    {
        await LoadBodyAsync();
        Reports = await Db.GroupReports.AsNoTracking().Where(r => r.BodyId == Body.Id).OrderBy(r => r.DueOn).ToListAsync();
    }
}
