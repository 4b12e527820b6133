using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>A scenario the user may read, its comparison as rows, and the settlement on leaving: shared by the scenario pages and the API.</summary>
public static class ScenarioQueries
{
    public static readonly string[] ComparisonHeaders = ["Kommunkod", "Kommun", "Nuvarande modell (kr)", "Scenario (kr)", "Skillnad (kr)"];

    public static async Task<Scenario> LoadReadableAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Scenariot finns inte.");
        access.EnsureRead(scenario.CountyId);
        if (!access.CanManage(scenario.CountyId) && !scenario.SharedWithParties)
        {
            throw new ForbiddenException("Scenariot är inte delat med kommunerna ännu.");
        }

        return scenario;
    }

    public static IEnumerable<object?[]> ComparisonRows(ScenarioComparison c) =>
        c.Rows.Select(r => new object?[] { r.Current.Party.MunicipalityCode, r.Current.Party.Name, r.Current.Amount, r.Alternative.Amount, r.Difference })
            .Append(["", "Summa", c.Current.Total, c.Alternative.Total, c.Alternative.Total - c.Current.Total]);

    /// <summary>Seed 001 §7: per municipality the year's amount pro rata to the end date, less what it has paid for the year.</summary>
    public static async Task<List<SettlementResponse>> Settlements(AppDbContext db, CostSharingService costSharing, Guid countyId, DateOnly endsOn,
        CancellationToken cancellationToken = default)
    {
        var allocation = await costSharing.AllocateAsync(countyId, endsOn.Year, cancellationToken: cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CountyId == countyId && i.Year == endsOn.Year).ToListAsync(cancellationToken);
        return allocation.Rows.Select(r =>
        {
            var paid = invoices.Where(i => i.PartyId == r.Party.Id && (i.Status == InvoiceStatus.Paid || i.Kind == InvoiceKind.CreditNote)).Sum(i => i.SignedAmount);
            var s = Settlement.Propose(r.Amount, endsOn, paid);
            return new SettlementResponse(r.Party.MunicipalityCode!, r.Party.Name, s.AnnualAmount, s.DaysCovered, s.DaysInYear, s.DueForPeriod, s.Paid, s.Balance);
        }).ToList();
    }
}
