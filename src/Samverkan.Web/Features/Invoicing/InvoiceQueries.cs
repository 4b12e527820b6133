using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Invoicing;

/// <summary>An invoice with what its documents need: seller (the region), buyer, the cost model and the agreement.</summary>
public sealed record InvoiceContext(Invoice Invoice, Party Seller, Party Buyer, CostModel Model, Agreement Agreement)
{
    public string AgreementReference => Agreement.CaseNumber ?? Agreement.Title;
}

public static class InvoiceQueries
{
    public static async Task<InvoiceContext> LoadReadableAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Fakturan finns inte.");
        access.EnsureRead(invoice.CountyId);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == invoice.CountyId).ToListAsync(cancellationToken);
        var model = await db.CostModels.AsNoTracking().FirstAsync(m => m.AgreementId == invoice.AgreementId, cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == invoice.AgreementId, cancellationToken);
        return new InvoiceContext(invoice, parties.Single(p => p.Kind == PartyKind.Region), parties.Single(p => p.Id == invoice.PartyId), model, agreement);
    }

    public static Task<List<Invoice>> ForYearAsync(AppDbContext db, Guid countyId, int? year, CancellationToken cancellationToken = default) =>
        db.Invoices.AsNoTracking().Where(i => i.CountyId == countyId && (year == null || i.Year == year))
            .OrderBy(i => i.Year).ThenBy(i => i.Sequence).ToListAsync(cancellationToken);

    public static readonly string[] RegisterHeaders = ["Nummer", "Typ", "Kommun", "Org.nr", "År", "Fakturadatum", "Förfallodatum", "Belopp (kr)", "Preliminär", "Status"];

    /// <summary>The invoice register as rows for CSV and XLSX.</summary>
    public static IEnumerable<object?[]> RegisterRows(IEnumerable<Invoice> invoices, IReadOnlyDictionary<Guid, Party> parties) => invoices.Select(i => new object?[]
    {
        i.Number, KindLabel(i), parties[i.PartyId].Name, parties[i.PartyId].OrganisationNumber, i.Year, i.IssuedOn, i.DueOn, i.SignedAmount,
        i.IsPreliminary ? "ja" : "nej", StatusLabel(i.Status),
    });

    public static string KindLabel(Invoice invoice) => invoice.Kind == InvoiceKind.CreditNote ? "Kreditnota"
        : invoice.Purpose == InvoicePurpose.Correction ? "Tilläggsfaktura" : $"Delbetalning {invoice.Instalment}";

    public static string StatusLabel(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Issued => "Skickad",
        InvoiceStatus.Paid => "Betald",
        InvoiceStatus.Credited => "Krediterad",
        _ => status.ToString(),
    };
}
