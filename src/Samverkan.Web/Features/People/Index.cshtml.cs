using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.People;

/// <summary>The county's people: elected representatives and officials, their organisation and political party; added and edited by the secretariat.</summary>
public sealed class PeopleModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public IReadOnlyList<string> PoliticalParties { get; private set; } = [];

    /// <summary>Which people have an account (by membership or by party official binding), for the list.</summary>
    public Dictionary<Guid, string> Accounts { get; } = [];

    [FromQuery(Name = "edit")]
    public Guid? EditId { get; set; }

    public Person? Editing { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? firstName, string? lastName, string? email, Guid? partyId, string? politicalParty, bool isElected)
    {
        await LoadAsync();
        Access.EnsureManage(County.Id);
        try
        {
            if (partyId is { } p && Parties.All(x => x.Id != p))
            {
                throw InputValidationException.For("partyId", "Välj en part i länet.");
            }

            if (email is not null && !string.IsNullOrWhiteSpace(email) && !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
            {
                throw InputValidationException.For("email", $"E-postadressen \"{email}\" är inte giltig.");
            }

            Person person;
            if (id is { } existing)
            {
                person = await db.People.FirstOrDefaultAsync(x => x.Id == existing && x.CountyId == County.Id) ?? throw new NotFoundException("Personen finns inte i länet.");
            }
            else
            {
                person = new Person(County.Id, firstName ?? string.Empty, lastName ?? string.Empty, email);
                db.People.Add(person);
            }

            person.Update(firstName ?? string.Empty, lastName ?? string.Empty, email, partyId, politicalParty, isElected);
            await db.SaveChangesAsync();
            TempData["Message"] = id is null ? $"{person.FullName} är tillagd." : $"Uppgifterna om {person.FullName} är sparade.";
            return RedirectToPage(new { countyCode = County.Code });
        }
        catch (InputValidationException e)
        {
            Errors.AddRange(e.Errors.SelectMany(x => x.Value));
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
        }

        return Page();
    }

    public string PartyName(Guid? id) => id is { } p ? Parties.FirstOrDefault(x => x.Id == p)?.Name ?? "–" : "–";

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        People = await db.People.AsNoTracking().Where(p => p.CountyId == County.Id).OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync();
        Parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == County.Id).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync();
        PoliticalParties = await db.PoliticalParties.AsNoTracking().OrderBy(p => p.Abbreviation).Select(p => p.Abbreviation).ToListAsync();
        Editing = EditId is { } edit ? People.FirstOrDefault(p => p.Id == edit) : null;
        var seats = await db.Memberships.AsNoTracking().Where(m => db.People.Any(p => p.Id == m.PersonId && p.CountyId == County.Id)).Select(m => new { m.Id, m.PersonId }).ToListAsync();
        var seatIds = seats.Select(s => s.Id).ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => u.MembershipId != null && seatIds.Contains(u.MembershipId.Value)).Select(u => new { u.UserName, u.MembershipId }).ToListAsync())
        {
            Accounts[seats.First(s => s.Id == u.MembershipId).PersonId] = u.UserName ?? string.Empty;
        }
    }
}
