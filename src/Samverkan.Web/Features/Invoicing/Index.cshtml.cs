using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>The invoice register of a year, with CSV, XLSX and SIE exports.</summary>
public sealed class IndexModel(AppDbContext db, CostSharingService costSharing, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public Dictionary<Guid, Party> Parties { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return File(Tabular.Csv(InvoiceQueries.RegisterHeaders, Rows()), "text/csv; charset=utf-8", $"fakturor-{County.Code}-{Year}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        return File(Tabular.Xlsx($"Fakturor {Year}", InvoiceQueries.RegisterHeaders, Rows()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"fakturor-{County.Code}-{Year}.xlsx");
    }

    public async Task<IActionResult> OnGetSieAsync()
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        var model = await costSharing.ModelAsync(County.Id);
        var bytes = SieExport.Write(Parties.Values.Single(p => p.Kind == PartyKind.Region), model, Year, Invoices, Parties, Today);
        return File(bytes, "text/plain; charset=ibm437", $"fakturor-{County.Code}-{Year}.se");
    }

    private IEnumerable<object?[]> Rows() => InvoiceQueries.RegisterRows(Invoices, Parties);

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        if (Year == 0)
        {
            Year = Today.Year;
        }

        Invoices = await InvoiceQueries.ForYearAsync(db, County.Id, Year);
        Parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == County.Id).ToDictionaryAsync(p => p.Id);
    }
}
