using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Agreements;

/// <summary>The term of a fixed-term agreement: its relevance reviews (seed 002) and starting the next agreement.</summary>
public static class Reviews
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{id:guid}/reviews", ListAsync).WithSummary("The agreement's relevance reviews: the year, when due, status and what each found.");
        api.MapPost("/agreements/{id:guid}/reviews", RecordAsync)
            .WithSummary("Records a held review {year?, heldOn, participants, workingForms, results, financing, structure, conclusion}. Secretariat.");
        api.MapPost("/agreements/{id:guid}/next", StartNextEndpointAsync)
            .WithSummary("Starts the next agreement as a draft: the same text and parties, the next term, new contracts. Secretariat; less than a year left.");
        return api;
    }

    /// <summary>
    /// The next agreement as a draft, with a new contract for every municipality that had one (the same texts and
    /// signatories, nobody signed). One successor per agreement: a second start is a conflict, also when two race
    /// (the unique index on the predecessor decides).
    /// </summary>
    public static async Task<Agreement> StartNextAsync(AppDbContext db, Agreement agreement, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (await db.Agreements.AnyAsync(a => a.PredecessorId == agreement.Id, cancellationToken))
        {
            throw new DomainRuleException("NextAgreementStarted", "Nästa överenskommelse är redan påbörjad.", RuleSeverity.Conflict);
        }

        var parties = agreement.Parties.Select(p => p.Party!).ToList();
        var next = agreement.StartNext(parties, today);
        db.Agreements.Add(next);
        foreach (var contract in await db.PartyContracts.AsNoTracking().WithSignatories().Where(c => c.AgreementId == agreement.Id).ToListAsync(cancellationToken))
        {
            db.PartyContracts.Add(contract.ForNext(next, parties.First(p => p.Id == contract.PartyId)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            if (await SuccessorExistsAsync(db, agreement.Id, cancellationToken))
            {
                throw new DomainRuleException("NextAgreementStarted", "Nästa överenskommelse är redan påbörjad.", RuleSeverity.Conflict);
            }

            throw;
        }

        return next;
    }

    private static async Task<bool> SuccessorExistsAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Agreements.AnyAsync(a => a.PredecessorId == id, cancellationToken);
    }

    private static async Task<Ok<List<ReviewResponse>>> ListAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        var today = time.TodayInSweden();
        return TypedResults.Ok(agreement.Reviews.OrderBy(r => r.Year).Select(r => ReviewResponse.From(r, today)).ToList());
    }

    private static async Task<Results<Created<ReviewResponse>, ValidationProblem>> RecordAsync(Guid id, ReviewRequest request, Access access, AppDbContext db,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(agreement.CountyId);
        var errors = new Dictionary<string, string[]>();
        if (request.HeldOn is null)
        {
            errors["heldOn"] = ["Ange när dialogen hölls (ÅÅÅÅ-MM-DD)."];
        }

        if (string.IsNullOrWhiteSpace(request.Participants))
        {
            errors["participants"] = ["Ange med vilka dialogen fördes."];
        }

        if (string.IsNullOrWhiteSpace(request.Conclusion))
        {
            errors["conclusion"] = ["Ange prövningens slutsats."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte kompletta");
        }

        if (request.Version is { } version)
        {
            db.Entry(agreement).Property(a => a.Version).OriginalValue = version;
        }

        var today = time.TodayInSweden();
        var year = request.Year ?? agreement.Reviews.Where(r => r.HeldOn is null).OrderBy(r => r.Year).Select(r => (int?)r.Year).FirstOrDefault() ?? today.Year;
        var review = agreement.RecordReview(year, request.HeldOn!.Value, request.Participants!, request.WorkingForms, request.Results, request.Financing,
            request.Structure, request.Conclusion!, http.User.Identity?.Name ?? "okänd", today);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}/reviews", ReviewResponse.From(review, today));
    }

    private static async Task<Created<AgreementSummaryResponse>> StartNextEndpointAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreement = await AgreementQueries.LoadReadableAsync(db, access, id, cancellationToken);
        access.EnsureManage(agreement.CountyId);
        var today = time.TodayInSweden();
        var next = await StartNextAsync(db, agreement, today, cancellationToken);
        var county = await db.Counties.AsNoTracking().FirstAsync(c => c.Id == next.CountyId, cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{next.Id}", AgreementSummaryResponse.From(next, county, today));
    }
}

public sealed record ReviewRequest(int? Year, DateOnly? HeldOn, string? Participants, string? WorkingForms, string? Results, string? Financing, string? Structure,
    string? Conclusion, int? Version = null);

public sealed record ReviewResponse(Guid Id, int Year, DateOnly DueOn, ReviewStatus Status, string StatusLabel, DateOnly? HeldOn, string? Participants,
    string? WorkingForms, string? Results, string? Financing, string? Structure, string? Conclusion, DateOnly? ReminderSentOn)
{
    public static ReviewResponse From(RelevanceReview r, DateOnly today)
    {
        var status = r.StatusOn(today);
        return new(r.Id, r.Year, r.DueOn, status, ReviewLabels.Status(status), r.HeldOn, r.Participants, r.WorkingForms, r.Results, r.Financing,
            r.Structure, r.Conclusion, r.ReminderSentOn);
    }
}

/// <summary>
/// Reminds the secretariat of a relevance review due within 60 days that is not recorded, once, through the outbox;
/// safe with several instances (a guarded update claims each reminder, as the group reports' reminders do).
/// </summary>
public sealed class ReviewReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReviewReminders> logger)
    : Infrastructure.Mail.HourlyReminders(time, logger, "Relevance review reminders")
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Time.TodayInSweden();
        var horizon = today.AddDays(RelevanceReview.ReminderDays);
        var due = await db.Set<RelevanceReview>().AsNoTracking()
            .Where(r => r.HeldOn == null && r.ReminderSentOn == null && r.DueOn >= today && r.DueOn <= horizon)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var review in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await ClaimAsync(db, review.Id, today, cancellationToken))
            {
                var agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == review.AgreementId, cancellationToken);
                // The region keeps the agreement's secretariat: the reminder goes to its registry.
                var region = await db.Parties.AsNoTracking()
                    .FirstOrDefaultAsync(p => p.CountyId == agreement.CountyId && p.Kind == Domain.Counties.PartyKind.Region, cancellationToken);
                if (region?.RegistryEmail is { } email)
                {
                    Outbox.Enqueue(db, Time, agreement.CountyId, email, $"{agreement.Title}: aktualitetsprövning {review.Year} senast {SwedishText.Date(review.DueOn)}",
                        $"Överenskommelsen \"{agreement.Title}\" ska aktualitetsprövas under {review.Year}. Vid prövningen förs dialog om överenskommelsen i sin helhet: " +
                        $"arbetsformer och resultat, finansiering och samverkansstruktur. Registrera prövningen i Samverkan senast {SwedishText.Date(review.DueOn)}.");
                    await db.SaveChangesAsync(cancellationToken);
                }

                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>Claims a review's reminder for this instance: true for exactly one caller, however many ask at once.</summary>
    public static async Task<bool> ClaimAsync(AppDbContext db, Guid reviewId, DateOnly today, CancellationToken cancellationToken = default) =>
        await db.Set<RelevanceReview>().Where(r => r.Id == reviewId && r.ReminderSentOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentOn, today), cancellationToken) == 1;
}
