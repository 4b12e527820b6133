using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Agreements;

/// <summary>
/// Each municipality's own contract (samverkansavtal) under the common agreement as read, and who may record a signature:
/// the secretariat for any signatory, or the named signatory themself when signed in (recognised by their seat in a
/// body, or by their account's e-mail address being the named person's). See docs/decisions/0009. Changes go through
/// <see cref="AgreementDesk"/>.
/// </summary>
public static class Contracts
{
    public static IQueryable<PartyContract> WithSignatories(this IQueryable<PartyContract> contracts) => contracts.Include(c => c.Signatories);

    public static async Task<PartyContract> LoadReadableAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken = default)
    {
        var contract = await db.PartyContracts.WithSignatories().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Samverkansavtalet finns inte.");
        access.EnsureRead(contract.CountyId);
        return contract;
    }

    /// <summary>The agreement's contracts, one per municipality, in the county's party order.</summary>
    public static async Task<List<PartyContract>> ForAgreementAsync(AppDbContext db, Guid agreementId, CancellationToken cancellationToken = default) =>
        await db.PartyContracts.AsNoTracking().WithSignatories().Where(c => c.AgreementId == agreementId).ToListAsync(cancellationToken);

    /// <summary>The person the signed-in account is: through its seat in a body, or its e-mail address; none for the secretariat's accounts.</summary>
    public static async Task<Guid?> SignedInPersonAsync(AppDbContext db, Access access, Guid countyId, CancellationToken cancellationToken = default)
    {
        if (access.MembershipId is { } membershipId
            && await db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.CountyId == countyId).Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(cancellationToken) is { } seated)
        {
            return seated;
        }

        var userId = access.UserId;
        var email = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var people = await db.People.AsNoTracking().Where(p => p.CountyId == countyId && p.Email != null).Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken);
        var matches = people.Where(p => string.Equals(p.Email!.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].Id : null;
    }

    /// <summary>The signatories the signed-in user may record a signature for: all unsigned for the secretariat, otherwise their own place.</summary>
    public static async Task<IReadOnlyList<ContractSignatory>> SignableAsync(AppDbContext db, Access access, PartyContract contract,
        CancellationToken cancellationToken = default)
    {
        var unsigned = contract.Signatories.Where(s => s.SignedOn is null).ToList();
        if (access.CanManage(contract.CountyId))
        {
            return unsigned;
        }

        if (!access.CanRead(contract.CountyId) || unsigned.All(s => s.PersonId is null))
        {
            return [];
        }

        var person = await SignedInPersonAsync(db, access, contract.CountyId, cancellationToken);
        return unsigned.Where(s => person is not null && s.PersonId == person && access.MaySignOwnPlace(contract.CountyId, contract.PartyId, s.Side)).ToList();
    }

    public static async Task<FileContentHttpResult> DocumentAsync(AppDbContext db, PartyContract contract, CancellationToken cancellationToken)
    {
        if (contract.DocumentHash is null)
        {
            throw new NotFoundException("Avtalet har ingen bifogad fil.");
        }

        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Hash == contract.DocumentHash, cancellationToken);
        return TypedResults.File(file.Content, contract.DocumentContentType, contract.DocumentFileName);
    }

    public static IEnumerable<PartyContract> Ordered(IEnumerable<PartyContract> contracts, IReadOnlyCollection<Party> parties)
    {
        var order = CountyQueries.Ordered(parties).Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return contracts.OrderBy(c => order.GetValueOrDefault(c.PartyId, int.MaxValue));
    }
}
