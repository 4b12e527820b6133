using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Shared;

public static class AgreementQueries
{
    public static IQueryable<Agreement> WithDetails(this IQueryable<Agreement> agreements) => agreements
        .Include(a => a.Parties).ThenInclude(p => p.Party)
        .Include(a => a.Adoptions)
        .Include(a => a.Amendments)
        .Include(a => a.Withdrawals)
        .Include(a => a.Supplements)
        .Include(a => a.Reviews)
        .Include(a => a.StruckAdoptions)
        .AsSplitQuery();

    /// <summary>Loads an agreement the user may read, or refuses.</summary>
    public static async Task<Agreement> LoadReadableAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default)
    {
        var agreement = await db.Agreements.WithDetails().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("Överenskommelsen finns inte.");
        access.EnsureRead(agreement.CountyId);
        return agreement;
    }

    /// <summary>One row per party, region first: who has adopted, when and with which decision, and who has not.</summary>
    public static IReadOnlyList<AdoptionRow> AdoptionMatrix(Agreement agreement) =>
        CountyQueries.Ordered(agreement.Parties.Select(p => p.Party!))
            .Select(p => new AdoptionRow(p, agreement.AdoptionBy(p.Id), agreement.Withdrawals.FirstOrDefault(w => w.PartyId == p.Id)))
            .ToList();
}

public sealed record AdoptionRow(Party Party, Adoption? Adoption, Withdrawal? Withdrawal)
{
    public string Council => $"{Party.CouncilName} i {Party.Name.Replace("Region ", string.Empty, StringComparison.Ordinal)}";
}
