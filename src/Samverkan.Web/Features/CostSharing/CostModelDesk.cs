using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>
/// What the API takes and the cost model's form posts: every field optional, so that a missing one is answered with
/// its own Swedish message. Days of the year are written "MM-DD" ("03-01") or as the agreement says them ("1 mars").
/// </summary>
public sealed class CostModelRequest
{
    public int? BaseYear { get; set; }

    public decimal? BaseLevel { get; set; }

    public string? BaseLabel { get; set; }

    public string? IndexSeries { get; set; }

    public string? IndexReferenceDay { get; set; }

    public string? AgreedUpliftDeadline { get; set; }

    public string? FirstDueOn { get; set; }

    public string? SecondDueOn { get; set; }

    public int? PopulationYearOffset { get; set; }

    public string? Bankgiro { get; set; }

    public string? VatCategory { get; set; }

    public decimal? VatRate { get; set; }

    public string? VatExemptionReason { get; set; }

    public string? ReceivableAccount { get; set; }

    public string? RevenueAccount { get; set; }

    public string? InvoiceSection { get; set; }

    /// <summary>The model's version the form was read at; a change made from an older one is refused.</summary>
    public int? Version { get; set; }

    /// <summary>The form filled in with a model's values, for the edit form.</summary>
    public static CostModelRequest From(CostModel m) => new()
    {
        BaseYear = m.BaseYear, BaseLevel = m.BaseLevel, BaseLabel = m.BaseLabel, IndexSeries = m.IndexSeries,
        IndexReferenceDay = m.IndexReferenceDay.ToString(), AgreedUpliftDeadline = m.AgreedUpliftDeadline.ToString(),
        FirstDueOn = m.FirstDue.ToString(), SecondDueOn = m.SecondDue.ToString(), PopulationYearOffset = m.PopulationYearOffset, Bankgiro = m.Bankgiro,
        VatCategory = m.VatCategory, VatRate = m.VatCategory == "S" ? m.VatRate : null, VatExemptionReason = m.VatExemptionReason,
        ReceivableAccount = m.ReceivableAccount, RevenueAccount = m.RevenueAccount, InvoiceSection = m.InvoiceSection, Version = m.Version,
    };
}

/// <summary>
/// Every change of an agreement's cost model, for the cost model's pages, the API and the demo loader alike: loads what
/// it changes tracked, checks access through <see cref="Access"/> (the secretariat of the agreement's county), checks
/// the input field by field (the same Swedish messages on page and API), lets the domain refuse what the agreement
/// could not mean, and saves. A county's cost pages follow one model, so a county has at most one.
/// </summary>
public sealed class CostModelDesk(AppDbContext db, Access access)
{
    private const string ModelChanged = "Någon annan har ändrat kostnadsmodellen under tiden. Läs in sidan igen och gör om ändringen.";

    /// <summary>Creates the agreement's cost model: 409 when the agreement, or another agreement of the county, already has one.</summary>
    public Task<CostModel> CreateAsync(Guid agreementId, CostModelRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => new { a.Id, a.CountyId })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Överenskommelsen finns inte.");
            EnsureCounty(agreement.CountyId, countyId);
            access.EnsureManage(agreement.CountyId);
            if (await db.CostModels.AsNoTracking().Where(m => m.CountyId == agreement.CountyId).Select(m => new { m.AgreementId })
                .FirstOrDefaultAsync(cancellationToken) is { } existing)
            {
                throw new DomainRuleException("CostModelExists", existing.AgreementId == agreementId
                    ? "Överenskommelsen har redan en kostnadsmodell. Ändra den i stället."
                    : "Länet har redan en kostnadsmodell för en annan överenskommelse; länets kostnadssidor följer en modell i taget.", RuleSeverity.Conflict);
            }

            var (terms, booking) = Check(request);
            var model = new CostModel(agreement.CountyId, agreement.Id, terms);
            Book(model, booking);
            db.CostModels.Add(model);
            await db.SaveChangesAsync(cancellationToken);
            return model;
        }, cancellationToken);

    /// <summary>Changes the agreement's cost model as read at the request's version; the years' rules stay.</summary>
    public Task<CostModel> ChangeAsync(Guid agreementId, CostModelRequest request, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var model = await LoadAsync(agreementId, countyId, cancellationToken);
            access.EnsureManage(model.CountyId);
            StaleVersionException.Ensure(model.Version, request.Version, ModelChanged);
            var (terms, booking) = Check(request);
            model.Change(terms);
            Book(model, booking);
            await db.SaveChangesAsync(cancellationToken);
            return model;
        }, cancellationToken);

    /// <summary>Sets a year's rule (index, no uplift, agreed uplift, new level) of the county's model.</summary>
    public Task<CostModel> SetRuleAsync(Guid countyId, int year, YearRuleRequest request, CancellationToken cancellationToken, int? version = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            access.EnsureManage(countyId);
            var model = await db.CostModels.Include(m => m.Rules).FirstOrDefaultAsync(m => m.CountyId == countyId, cancellationToken)
                ?? throw new NotFoundException("Länet har ingen kostnadsmodell för sin överenskommelse.");
            StaleVersionException.Ensure(model.Version, version, ModelChanged);
            var kind = request.Kind
                ?? throw InputValidationException.For("kind", "Ange regeln för året: IndexUplift, NoUplift, AgreedPercentage, AgreedLevel eller NewTermLevel.");
            model.SetRule(new YearRule(year, kind, request.Value, string.IsNullOrWhiteSpace(request.IndexSeries) ? null : request.IndexSeries.Trim(),
                string.IsNullOrWhiteSpace(request.DecisionReference) ? null : request.DecisionReference.Trim(), request.DecidedOn));
            await db.SaveChangesAsync(cancellationToken);
            return model;
        }, cancellationToken);

    /// <summary>The agreement's model tracked with its rules, if the user may read the agreement's county.</summary>
    private async Task<CostModel> LoadAsync(Guid agreementId, Guid? countyId, CancellationToken cancellationToken)
    {
        var model = await db.CostModels.Include(m => m.Rules).FirstOrDefaultAsync(m => m.AgreementId == agreementId, cancellationToken);
        if (model is null)
        {
            var county = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => (Guid?)a.CountyId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Överenskommelsen finns inte.");
            EnsureCounty(county, countyId);
            access.EnsureRead(county);
            throw new NotFoundException("Överenskommelsen har ingen kostnadsmodell ännu.");
        }

        EnsureCounty(model.CountyId, countyId);
        access.EnsureRead(model.CountyId);
        return model;
    }

    /// <summary>A page of one county names an agreement of another: it is not there.</summary>
    private static void EnsureCounty(Guid actual, Guid? expected)
    {
        if (expected is { } county && county != actual)
        {
            throw new NotFoundException("Överenskommelsen finns inte i länet.");
        }
    }

    private sealed record Booking(string ReceivableAccount, string RevenueAccount, string? Bankgiro, string VatCategory, decimal VatRate, string? VatExemptionReason);

    private static void Book(CostModel model, Booking booking)
    {
        model.SetBooking(booking.ReceivableAccount, booking.RevenueAccount, booking.Bankgiro);
        model.SetVat(booking.VatCategory, booking.VatRate, booking.VatExemptionReason);
    }

    /// <summary>Every field's own message at once, then the terms for the domain.</summary>
    private static (CostModelTerms Terms, Booking Booking) Check(CostModelRequest r)
    {
        var input = new InputCheck();
        var baseYear = input.Required(r.BaseYear, "baseYear", "Ange basåret, till exempel 2023.");
        if (baseYear is < 1990 or > 2100)
        {
            input.Add("baseYear", "Basåret ska ligga mellan 1990 och 2100.");
        }

        var baseLevel = input.Required(r.BaseLevel, "baseLevel", "Ange basårets kostnadsnivå i hela kronor, till exempel 14840000.");
        if (baseLevel is { } level && (level <= 0 || level != decimal.Truncate(level)))
        {
            input.Add("baseLevel", "Kostnadsnivån anges i hela kronor, större än noll.");
        }

        var baseLabel = Text(input, r.BaseLabel, "baseLabel", 200, "Ange vad basnivån kallas i överenskommelsen, till exempel \"Aktuell kostnadsnivå 2023\".");
        var series = r.IndexSeries?.Trim();
        if (string.IsNullOrEmpty(series) || series.Length > 20 || !series.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            input.Add("indexSeries", "Ange indexserien med 1–20 bokstäver, siffror eller bindestreck, till exempel LPIK.");
        }

        var indexDay = Day(input, r.IndexReferenceDay, "indexReferenceDay", "Ange dagen indexet gäller per som MM-DD, till exempel 03-01 för 1 mars.");
        var deadline = Day(input, r.AgreedUpliftDeadline, "agreedUpliftDeadline",
            "Ange sista dag för en annan överenskommen uppräkning som MM-DD, till exempel 08-31 för 31 augusti.");
        var firstDue = Day(input, r.FirstDueOn, "firstDueOn", "Ange förfallodagen för delbetalning 1 som MM-DD, till exempel 02-01 för 1 februari.");
        var secondDue = Day(input, r.SecondDueOn, "secondDueOn", "Ange förfallodagen för delbetalning 2 som MM-DD, till exempel 08-01 för 1 augusti.");
        if (firstDue is { } first && secondDue is { } second && first.In(2023) >= second.In(2023))
        {
            input.Add("secondDueOn", "Delbetalning 2 ska förfalla efter delbetalning 1 samma år.");
        }

        var offset = r.PopulationYearOffset ?? 0;
        if (offset is < 1 or > CostModelTerms.LatestPopulationYearOffset)
        {
            input.Add("populationYearOffset",
                $"Ange hur många år före det fakturerade året folkmängden räknas per 31 december: 1–{CostModelTerms.LatestPopulationYearOffset} (1 är året före).");
        }

        var bankgiro = string.IsNullOrWhiteSpace(r.Bankgiro) ? null : r.Bankgiro.Trim();
        if (bankgiro is not null && !IsBankgiro(bankgiro))
        {
            input.Add("bankgiro", "Bankgironumret skrivs med sju eller åtta siffror, till exempel 5050-1055.");
        }

        var vat = r.VatCategory?.Trim().ToUpperInvariant();
        var reason = string.IsNullOrWhiteSpace(r.VatExemptionReason) ? null : r.VatExemptionReason.Trim();
        switch (vat)
        {
            case "S" when r.VatRate is not (> 0 and <= 25):
                input.Add("vatRate", "Ange momssatsen i procent för normalsats, till exempel 25.");
                break;
            case "O":
                reason ??= CostModel.DefaultVatExemptionReason;
                break;
            case "E" when reason is null:
                input.Add("vatExemptionReason", "Ange skälet till att fakturan är undantagen från moms.");
                break;
            case "S" or "E":
                break;
            default:
                input.Add("vatCategory", "Ange momskategori: O (ej föremål för moms), E (undantagen) eller S (normalsats).");
                break;
        }

        var receivable = Account(input, r.ReceivableAccount, "receivableAccount", "1510");
        var revenue = Account(input, r.RevenueAccount, "revenueAccount", "3990");
        var section = Text(input, r.InvoiceSection, "invoiceSection", 100,
            "Ange avsnittet i överenskommelsen som fakturorna hänvisar till, till exempel \"§ 5 Ekonomi\".");
        input.ThrowIfAny();
        return (new CostModelTerms(baseYear!.Value, baseLevel!.Value, baseLabel!, series!, indexDay!.Value, deadline!.Value, firstDue!.Value, secondDue!.Value,
            offset, section!), new Booking(receivable, revenue, bankgiro, vat!, r.VatRate ?? 0, reason));
    }

    private static string? Text(InputCheck input, string? value, string field, int maxLength, string missing)
    {
        if (input.Required(value, field, missing) is not { } text)
        {
            return null;
        }

        if (InputRules.CheckSingleLine(field, text.Trim(), maxLength) is { } problem)
        {
            input.Add(field, problem);
        }

        return text.Trim();
    }

    private static MonthDay? Day(InputCheck input, string? value, string field, string message)
    {
        if (MonthDay.TryParse(value, out var day))
        {
            return day;
        }

        input.Add(field, message);
        return null;
    }

    private static string Account(InputCheck input, string? value, string field, string standard)
    {
        var account = string.IsNullOrWhiteSpace(value) ? standard : value.Trim();
        if (account.Length != 4 || !account.All(char.IsAsciiDigit))
        {
            input.Add(field, "Konton anges med fyra siffror enligt BAS-kontoplanen, till exempel 1510.");
        }

        return account;
    }

    private static bool IsBankgiro(string text)
    {
        var digits = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits.Length is 7 or 8 && digits.All(char.IsAsciiDigit);
    }
}
