using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// The fund's granted initiatives as open data in the 360Giving standard (1.4): public, because what shared public
/// money was granted to is public. Organisation identifiers are org-ids of the Swedish organisation number (SE-ON).
/// </summary>
public static class ThreeSixtyGiving
{
    public const string Prefix = "360G-samverkan-";

    public static RouteGroupBuilder MapThreeSixtyGivingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/funds/{id:guid}/360giving.json", GetAsync).AllowAnonymous()
            .WithSummary("The fund's granted initiatives as a 360Giving 1.4 package (public).");
        return api;
    }

    public static string OrgId(Party party) => OrgId(party.OrganisationNumber);

    public static string OrgId(string organisationNumber) => "SE-ON-" + new string(organisationNumber.Where(char.IsAsciiDigit).ToArray());

    /// <summary>The organisation that receives the money: the proposal's recipient, or the proposing party when none was named.</summary>
    private static Organization Recipient(Initiative i, IEnumerable<Party> parties)
    {
        if (i.RecipientOrganisationNumber is { } number)
        {
            return new Organization(OrgId(number), i.RecipientName ?? number);
        }

        var party = parties.First(p => p.Id == i.ProposingPartyId);
        return new Organization(OrgId(party), party.Name);
    }

    private static async Task<Ok<GrantPackage>> GetAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().Include(f => f.Entries).FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Fonden finns inte.");
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == fund.CountyId).ToListAsync(cancellationToken);
        var funder = parties.First(p => p.Kind == PartyKind.Region);
        var granted = await db.Initiatives.AsNoTracking()
            .Where(i => i.FundId == id && (i.Status == InitiativeStatus.Decided || i.Status == InitiativeStatus.Running || i.Status == InitiativeStatus.Closed))
            .ToListAsync(cancellationToken);
        var grants = granted.OrderBy(i => i.DecidedOn).ThenBy(i => i.Id).Select(i =>
        {
            var lines = fund.Entries.Where(e => e.InitiativeId == i.Id).OrderBy(e => e.Sequence).ToList();
            Transaction T(LedgerEntry e) => new(e.Id.ToString(), Date(e.Date), "SEK", e.Amount, e.Reference);
            return new Grant(Prefix + i.Id, i.Title, string.IsNullOrWhiteSpace(i.Purpose) ? i.Title : i.Purpose, "SEK", i.DecidedAmount ?? 0m,
                Date(i.DecidedOn ?? fund.OpenedOn),
                [new Event(Date(i.StartsOn), Date(i.EndsOn))],
                [Recipient(i, parties)],
                [new Organization(OrgId(funder), funder.Name, fund.Name)],
                lines.Where(e => e.Affects == LedgerEntryKind.Commitment).Select(T).ToList(),
                lines.Where(e => e.Affects == LedgerEntryKind.Disbursement).Select(T).ToList());
        }).ToList();
        return TypedResults.Ok(new GrantPackage(grants, "1.4", $"{fund.Name}: beviljade satsningar"));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record GrantPackage(IReadOnlyList<Grant> Grants, string Version, string Title);

public sealed record Grant(string Id, string Title, string Description, string Currency, decimal AmountAwarded, string AwardDate,
    IReadOnlyList<Event> PlannedDates, IReadOnlyList<Organization> RecipientOrganization, IReadOnlyList<Organization> FundingOrganization,
    IReadOnlyList<Transaction> CommitmentTransaction, IReadOnlyList<Transaction> DisbursementTransaction);

public sealed record Event(string StartDate, string EndDate);

public sealed record Organization(string Id, string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Department = null);

public sealed record Transaction(string Id, string TransactionDate, string Currency, decimal Value, string Description);
