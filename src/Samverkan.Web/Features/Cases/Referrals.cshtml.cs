using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>External referrals (remisser, seed 003): overdue and soon due first; the secretariat registers a new one.</summary>
public sealed class ReferralsModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<Case> Referrals { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<FlowTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<CaseSeries> Series { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? title, string? issuer, string? issuerReference, DateOnly? receivedOn, DateOnly? replyBy, Guid? drafterPersonId,
        string? series, Guid? templateId)
    {
        await LoadCountyAsync();
        Access.EnsureManage(County.Id);
        try
        {
            if (receivedOn is null || replyBy is null)
            {
                throw new DomainRuleException("ReferralDates", "Ange när remissen kom in och sista svarsdag (ÅÅÅÅ-MM-DD).");
            }

            if (drafterPersonId is { } drafter && !await db.People.AnyAsync(p => p.Id == drafter && p.CountyId == County.Id))
            {
                throw new NotFoundException("Personen finns inte i länet.");
            }

            var template = templateId is { } t ? await db.FlowTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t && x.CountyId == County.Id) : null;
            var kinds = await db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToDictionaryAsync(b => b.Id);
            var @case = await CaseRegister.RegisterAsync(db, County.Id, series, title, CaseKind.Referral, receivedOn.Value, null, null, c =>
            {
                c.ReceiveAsReferral(issuer ?? string.Empty, issuerReference, receivedOn.Value, replyBy.Value, drafterPersonId);
                if (template is not null)
                {
                    c.ApplyTemplate(template, kinds);
                }
            }, HttpContext.RequestAborted);
            return Redirect($"/counties/{County.Code}/cases/{@case.Id}?saved=registered");
        }
        catch (Exception e) when (e is DomainRuleException or InputValidationException)
        {
            db.ChangeTracker.Clear();
            Errors.AddRange(e is InputValidationException v ? v.Errors.SelectMany(x => x.Value) : [e.Message]);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        var referrals = await db.Cases.AsNoTracking().Where(c => c.CountyId == County.Id && c.Kind == CaseKind.Referral && c.ReplyBy != null).ToListAsync();
        Referrals = referrals.OrderBy(c => c.ReplySentOn is null && c.Status == CaseStatus.Open ? 0 : 1).ThenBy(c => c.ReplyBy).ToList();
        People = (await db.People.AsNoTracking().Where(p => p.CountyId == County.Id && p.Email != null).ToListAsync())
            .OrderBy(p => p.LastName, StringComparer.Create(SwedishText.Culture, false)).ThenBy(p => p.FirstName, StringComparer.Create(SwedishText.Culture, false)).ToList();
        Templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == County.Id).OrderBy(t => t.Name).ToListAsync();
        Series = await db.CaseSeries.AsNoTracking().Where(s => s.CountyId == County.Id).OrderByDescending(s => s.ForReferrals).ThenBy(s => s.Code).ToListAsync();
    }
}
