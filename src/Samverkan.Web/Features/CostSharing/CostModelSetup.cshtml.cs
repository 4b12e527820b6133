using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.CostSharing;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.CostSharing;

/// <summary>
/// The form of an agreement's cost model: creates it when the agreement has none, else changes it as read. Both go
/// through <see cref="CostModelDesk"/>, the same use cases as the API; a refusal is shown beside its field.
/// </summary>
public sealed class CostModelSetupModel(AppDbContext db, CostModelDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public const string Form = "cost-model";

    [FromRoute]
    public Guid Id { get; set; }

    public Agreement Agreement { get; private set; } = null!;

    /// <summary>The agreement's model; null while it has none (the form creates it).</summary>
    public CostModel? Existing { get; private set; }

    /// <summary>What the form shows: what was posted when refused, else the model's values or seed 001 §5's defaults.</summary>
    public CostModelRequest Input { get; private set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = Existing is { } m ? CostModelRequest.From(m) : Defaults();
    }

    public async Task<IActionResult> OnPostCreateAsync([FromForm] CostModelRequest request)
    {
        await LoadCountyAsync();
        Input = request;
        return await ChangeAsync(Form, ct => desk.CreateAsync(Id, request, ct, County.Id), Done("Kostnadsmodellen är skapad."), LoadAsync);
    }

    public async Task<IActionResult> OnPostChangeAsync([FromForm] CostModelRequest request)
    {
        await LoadCountyAsync();
        Input = request;
        return await ChangeAsync(Form, ct => desk.ChangeAsync(Id, request, ct, County.Id), Done("Kostnadsmodellen är ändrad."), LoadAsync);
    }

    private Func<IActionResult> Done(string message) => () =>
    {
        TempData["Message"] = message;
        return Redirect($"/counties/{County.Code}/cost-model");
    };

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        Agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id && a.CountyId == County.Id, HttpContext.RequestAborted)
            ?? throw new NotFoundException("Överenskommelsen finns inte i länet.");
        Existing = await db.CostModels.AsNoTracking().FirstOrDefaultAsync(m => m.AgreementId == Id, HttpContext.RequestAborted);
    }

    private CostModelRequest Defaults() => new()
    {
        BaseYear = Agreement.ValidFrom.Year, BaseLabel = $"Kostnadsnivå {Agreement.ValidFrom.Year} enligt överenskommelsen", IndexSeries = YearRule.DefaultIndex,
        IndexReferenceDay = CostModelTerms.DefaultIndexReferenceDay.ToString(), AgreedUpliftDeadline = CostModelTerms.DefaultAgreedUpliftDeadline.ToString(),
        FirstDueOn = CostModelTerms.DefaultFirstDue.ToString(), SecondDueOn = CostModelTerms.DefaultSecondDue.ToString(), PopulationYearOffset = 1,
        VatCategory = "O", ReceivableAccount = "1510", RevenueAccount = "3990", InvoiceSection = Agreement.Sections.FirstOrDefault(x => x.Contains("konomi", StringComparison.OrdinalIgnoreCase)) ?? CostModelTerms.DefaultInvoiceSection,
    };
}
