using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Admin;

/// <summary>Accounts: the administrator sees every county's, a secretariat its own county's; invite, role, disable, reset.</summary>
public sealed class AccountsModel(AccountAdmin admin, AppDbContext db, Access access, TimeProvider time) : PageModel
{
    [FromQuery(Name = "county")]
    public string? CountyCode { get; set; }

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public IReadOnlyList<County> Counties { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    /// <summary>Seats of the county's bodies (membership id and "person, body") for binding a member account.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Seats { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public bool IsAdministrator => access.IsAdministrator;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync(string? userName, string? displayName, string? email, string? role, Guid? partyId, Guid? membershipId) =>
        await RunAsync(() => admin.InviteAsync(new InviteRequest(userName, displayName, email, role, CountyCode ?? OwnCountyCode(), partyId, membershipId)),
            $"Inbjudan till {userName} är skickad till {email}.");

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, Guid? partyId, Guid? membershipId) =>
        await RunAsync(() => admin.SetRoleAsync(id, role, partyId, membershipId), "Rollen är ändrad; kontots inloggningar har avslutats.");

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disabled) =>
        await RunAsync(() => admin.SetDisabledAsync(id, disabled), disabled ? "Kontot är spärrat och dess inloggningar avslutade." : "Kontot är upplåst.");

    public async Task<IActionResult> OnPostResetAsync(string id) =>
        await RunAsync(() => admin.ResetAsync(id), "En länk för att välja nytt lösenord är skickad, och kontots inloggningar är avslutade.");

    private string? OwnCountyCode() => Counties.FirstOrDefault(c => c.Id == access.CountyId)?.Code;

    private async Task<IActionResult> RunAsync(Func<Task> change, string message)
    {
        await LoadAsync();
        try
        {
            await change();
        }
        catch (InputValidationException e)
        {
            Errors.AddRange(e.Errors.SelectMany(x => x.Value));
            return Page();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }

        TempData["Message"] = message;
        return RedirectToPage(new { county = CountyCode });
    }

    private async Task LoadAsync()
    {
        if (!access.CanAdministerAccounts)
        {
            throw new ForbiddenException("Kontona hanteras av länets sekretariat och systemadministratören.");
        }

        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        if (!access.IsAdministrator)
        {
            CountyCode = OwnCountyCode();
        }

        var county = Counties.FirstOrDefault(c => c.Code == CountyCode);
        Accounts = await admin.ListAsync(county?.Id);
        if (county is not null)
        {
            ViewData["CountyCode"] = county.Code;
            Parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync();
            var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).ToDictionaryAsync(b => b.Id, b => b.ShortName ?? b.Name);
            var bodyIds = bodies.Keys.ToList();
            var today = time.TodayInSweden();
            Seats = (await db.Memberships.AsNoTracking().Where(m => bodyIds.Contains(m.BodyId) && (m.To == null || m.To >= today))
                    .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, m.BodyId, Name = p.FirstName + " " + p.LastName }).ToListAsync())
                .Select(x => (x.Id, $"{x.Name}, {bodies[x.BodyId]}")).OrderBy(x => x.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false)).ToList();
        }
    }
}
