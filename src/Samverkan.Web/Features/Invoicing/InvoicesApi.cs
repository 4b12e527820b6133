using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Invoicing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Invoicing;

public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/counties/{countyCode}/invoices/{year:int}/instalments/{instalment:int}", RaiseInstalmentAsync)
            .WithSummary("Raises instalment 1 (February) or 2 (August) for every municipality. Idempotent. Secretariat.");
        api.MapPost("/counties/{countyCode}/invoices/{year:int}/corrections", RaiseCorrectionsAsync)
            .WithSummary("After instalment 2: a correction invoice or credit note for each difference to the year's amount. Secretariat.");
        api.MapGet("/counties/{countyCode}/invoices", ListAsync).WithSummary("The invoice register, optionally for one year.");
        api.MapGet("/counties/{countyCode}/invoices/{year:int}/csv", RegisterCsvAsync).WithSummary("The year's invoice register as CSV.");
        api.MapGet("/counties/{countyCode}/invoices/{year:int}/xlsx", RegisterXlsxAsync).WithSummary("The year's invoice register as XLSX.");
        api.MapGet("/counties/{countyCode}/invoices/{year:int}/sie", SieAsync).WithSummary("The year's invoices as SIE 4 (4I) vouchers for the region's ledger.");
        api.MapGet("/invoices/{id:guid}", GetAsync).WithSummary("One invoice with its whole derivation.");
        api.MapGet("/invoices/{id:guid}/pdf", PdfAsync).WithSummary("The invoice as PDF.");
        api.MapGet("/invoices/{id:guid}/ubl", UblAsync).WithSummary("The invoice as PEPPOL BIS Billing 3.0 UBL.");
        api.MapPost("/invoices/{id:guid}/paid", MarkPaidAsync).WithSummary("Records the payment. Secretariat.");
        return api;
    }

    private static async Task<Ok<RaiseResponse>> RaiseInstalmentAsync(string countyCode, int year, int instalment, Access access, InvoiceService invoices,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var result = await invoices.RaiseInstalmentAsync(county.Id, year, instalment, cancellationToken);
        return TypedResults.Ok(RaiseResponse.From(result));
    }

    private static async Task<Ok<RaiseResponse>> RaiseCorrectionsAsync(string countyCode, int year, Access access, InvoiceService invoices,
        CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        return TypedResults.Ok(RaiseResponse.From(await invoices.RaiseCorrectionsAsync(county.Id, year, cancellationToken)));
    }

    private static async Task<Ok<List<InvoiceSummaryResponse>>> ListAsync(string countyCode, int? year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).ToDictionaryAsync(p => p.Id, cancellationToken);
        var invoices = await InvoiceQueries.ForYearAsync(db, county.Id, year, cancellationToken);
        return TypedResults.Ok(invoices.Select(i => InvoiceSummaryResponse.From(i, parties[i.PartyId])).ToList());
    }

    private static async Task<(County County, List<object?[]> Rows)> RegisterAsync(string countyCode, int year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).ToDictionaryAsync(p => p.Id, cancellationToken);
        var invoices = await InvoiceQueries.ForYearAsync(db, county.Id, year, cancellationToken);
        return (county, InvoiceQueries.RegisterRows(invoices, parties).ToList());
    }

    private static async Task<FileContentHttpResult> RegisterCsvAsync(string countyCode, int year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (county, rows) = await RegisterAsync(countyCode, year, access, db, cancellationToken);
        return TypedResults.File(Tabular.Csv(InvoiceQueries.RegisterHeaders, rows), "text/csv; charset=utf-8", $"fakturor-{county.Code}-{year}.csv");
    }

    private static async Task<FileContentHttpResult> RegisterXlsxAsync(string countyCode, int year, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (county, rows) = await RegisterAsync(countyCode, year, access, db, cancellationToken);
        return TypedResults.File(Tabular.Xlsx($"Fakturor {year}", InvoiceQueries.RegisterHeaders, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"fakturor-{county.Code}-{year}.xlsx");
    }

    private static async Task<FileContentHttpResult> SieAsync(string countyCode, int year, Access access, AppDbContext db, CostSharingService costSharing,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).ToDictionaryAsync(p => p.Id, cancellationToken);
        var model = await costSharing.ModelAsync(county.Id, cancellationToken);
        var invoices = await InvoiceQueries.ForYearAsync(db, county.Id, year, cancellationToken);
        var bytes = SieExport.Write(parties.Values.Single(p => p.Kind == PartyKind.Region), model, year, invoices, parties, time.TodayInSweden());
        return TypedResults.File(bytes, "text/plain; charset=ibm437", $"fakturor-{county.Code}-{year}.se");
    }

    private static async Task<Ok<InvoiceResponse>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var context = await InvoiceQueries.LoadReadableAsync(db, access, id, cancellationToken);
        return TypedResults.Ok(InvoiceResponse.From(context));
    }

    private static async Task<FileContentHttpResult> PdfAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var c = await InvoiceQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var bytes = InvoicePdf.Write(c.Invoice, c.Seller, c.Buyer, c.Model, c.Agreement.Title, c.Agreement.CaseNumber);
        return TypedResults.File(bytes, "application/pdf", $"faktura-{c.Invoice.Number}.pdf");
    }

    private static async Task<FileContentHttpResult> UblAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var c = await InvoiceQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var xml = UblInvoice.Create(c.Invoice, c.Seller, c.Buyer, c.Model, c.AgreementReference);
        using var memory = new MemoryStream();
        await xml.SaveAsync(memory, System.Xml.Linq.SaveOptions.None, cancellationToken);
        return TypedResults.File(memory.ToArray(), "application/xml", $"faktura-{c.Invoice.Number}.xml");
    }

    private static async Task<Ok<InvoiceResponse>> MarkPaidAsync(Guid id, PaidRequest request, Access access, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var c = await InvoiceQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(c.Invoice.CountyId);
        c.Invoice.MarkPaid(request.PaidOn ?? time.TodayInSweden());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InvoiceResponse.From(c));
    }
}

public sealed record PaidRequest(DateOnly? PaidOn);

public sealed record RaiseResponse(int Created, int AlreadyRaised, decimal Total, IReadOnlyList<string> Numbers)
{
    public static RaiseResponse From(RaiseResult r) => new(r.Created.Count, r.AlreadyRaised, r.Created.Sum(i => i.SignedAmount), r.Created.Select(i => i.Number).ToList());
}

public sealed record InvoiceSummaryResponse(Guid Id, string Number, InvoiceKind Kind, InvoicePurpose Purpose, int? Instalment, int Year, Guid PartyId,
    string Party, string? MunicipalityCode, decimal Amount, bool IsPreliminary, DateOnly IssuedOn, DateOnly DueOn, InvoiceStatus Status)
{
    public static InvoiceSummaryResponse From(Invoice i, Party party) => new(i.Id, i.Number, i.Kind, i.Purpose, i.Instalment, i.Year, party.Id, party.Name,
        party.MunicipalityCode, i.Amount, i.IsPreliminary, i.IssuedOn, i.DueOn, i.Status);
}

public sealed record InvoiceResponse(InvoiceSummaryResponse Invoice, string Seller, string SellerOrganisationNumber, string BuyerOrganisationNumber,
    string Description, string Agreement, JsonElement Derivation, IReadOnlyList<string> Explanation)
{
    public static InvoiceResponse From(InvoiceContext c) => new(
        InvoiceSummaryResponse.From(c.Invoice, c.Buyer), c.Seller.Name, c.Seller.OrganisationNumber, c.Buyer.OrganisationNumber, c.Invoice.Description,
        c.AgreementReference, JsonDocument.Parse(c.Invoice.Derivation).RootElement.Clone(), InvoiceDerivation.Parse(c.Invoice).Lines().ToList());
}
