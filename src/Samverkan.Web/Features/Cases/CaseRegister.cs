using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>
/// The county's case register (diarium): registration with a gap-free number per series and year, the flow's steps and
/// the loading of a case with its flow. Later changes go through <see cref="CaseDesk"/>, the search through
/// <see cref="CaseSearch"/>, the councils' decisions through <see cref="CaseCouncils"/>.
/// </summary>
public static class CaseRegister
{
    public static IQueryable<Case> WithFlow(this IQueryable<Case> cases) =>
        cases.Include(c => c.Steps).ThenInclude(s => s.CouncilDecisions).Include(c => c.Documents).AsSplitQuery();

    /// <summary>
    /// Registers a case: the next running number of the series and year in the same transaction as the case; a
    /// concurrent registration loses on the unique index, is rolled back and retried with the next number, so the series
    /// has no gaps and no number twice.
    /// </summary>
    public static Task<Case> RegisterAsync(AppDbContext db, Guid countyId, string? series, string? title, CaseKind? kind, DateOnly registeredOn,
        Guid? responsibleBodyId, string? officer, Action<Case>? complete, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(series))
        {
            errors["series"] = ["Välj diarieserie."];
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["Ange ärendets rubrik."];
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors["kind"] = ["Ange ärendetyp: strategy, referral, internal, agreement eller mandatoryItem."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return ConflictRetry.RunAsync(db, async () =>
        {
            var code = series!.Trim().ToUpperInvariant();
            if (!await db.CaseSeries.AnyAsync(s => s.CountyId == countyId && s.Code == code, cancellationToken))
            {
                throw new InputValidationException(new Dictionary<string, string[]> { ["series"] = [$"Länet har ingen diarieserie \"{code}\"."] });
            }

            if (responsibleBodyId is { } b && !await db.Bodies.AnyAsync(x => x.Id == b && x.CountyId == countyId, cancellationToken))
            {
                throw new NotFoundException("Organet finns inte i länet.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var year = registeredOn.Year;
            var last = await db.Cases.Where(c => c.CountyId == countyId && c.Series == code && c.Year == year).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0;
            var @case = new Case(countyId, code, last + 1, registeredOn, title!, kind!.Value, responsibleBodyId, officer);
            complete?.Invoke(@case);
            db.Cases.Add(@case);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return @case;
        }, cancellationToken);
    }

    public static async Task<Case> LoadAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.WithFlow().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Ärendet finns inte.");
        access.EnsureRead(@case.CountyId);
        return @case;
    }
}
