using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Tasks;

/// <summary>
/// What needs the secretariat's attention in a county: on the county start page and in the secretariat's work list.
/// <see cref="ForAsync"/> depends on domain data and the day only; <see cref="FailedMailAsync"/> on the outbox.
/// </summary>
public static class CountyAttention
{
    public static async Task<List<(string Text, string Link)>> ForAsync(AppDbContext db, County county, IReadOnlyList<Agreement> agreements, IReadOnlyList<Body> bodies,
        DateOnly today, CancellationToken cancellationToken = default)
    {
        var attention = new List<(string Text, string Link)>();
        foreach (var agreement in agreements)
        {
            var link = $"/counties/{county.Code}/agreements/{agreement.Id}";
            var state = agreement.StateOn(today);
            if (state.Status is AgreementStatus.Draft or AgreementStatus.Adopting)
            {
                var pending = AgreementQueries.AdoptionMatrix(agreement).Where(r => r.Adoption is null).Select(r => r.Party.Name).ToList();
                if (pending.Count > 0)
                {
                    attention.Add(($"{agreement.Title}: antagandebeslut saknas från {string.Join(", ", pending)}.", link));
                }
            }

            foreach (var amendment in agreement.Amendments.Where(a => agreement.AmendmentStatusOf(a) == AmendmentStatus.Pending))
            {
                attention.Add(($"Ändringen \"{amendment.Title}\" väntar på antagande av alla parter; den gamla lydelsen gäller tills dess.", link));
            }

            foreach (var withdrawal in agreement.Withdrawals.Where(w => w.EffectiveOn > today))
            {
                attention.Add(($"{agreement.Title} upphör {Domain.Common.SwedishText.Date(withdrawal.EffectiveOn)} efter en uppsägning.", link));
            }

            if (state.Status == AgreementStatus.Ended)
            {
                continue;
            }

            // Seed 002: reviewed in 2024 and in the last year; a review whose year has come, or gone, is shown until recorded.
            foreach (var review in agreement.Reviews.OrderBy(r => r.Year))
            {
                var status = review.StatusOn(today);
                if (status is ReviewStatus.Due or ReviewStatus.Overdue)
                {
                    attention.Add((status == ReviewStatus.Due
                        ? $"{agreement.Title}: aktualitetsprövningen {review.Year} ska hållas senast {Domain.Common.SwedishText.Date(review.DueOn)}."
                        : $"{agreement.Title}: aktualitetsprövningen {review.Year} är försenad; den skulle ha hållits senast {Domain.Common.SwedishText.Date(review.DueOn)}.",
                        $"{link}/reviews"));
                }
            }

            if (agreement.ValidTo is { } end && agreement.LessThanAYearLeft(today) && !agreements.Any(a => a.PredecessorId == agreement.Id)
                && !await db.Agreements.AnyAsync(a => a.PredecessorId == agreement.Id, cancellationToken))
            {
                attention.Add(($"{agreement.Title} löper ut {Domain.Common.SwedishText.Date(end)}; mindre än ett år återstår. Påbörja nästa överenskommelse.", link + "#term"));
            }
        }

        var contracts = await db.PartyContracts.AsNoTracking().Include(c => c.Signatories).Where(c => c.CountyId == county.Id).ToListAsync(cancellationToken);
        foreach (var agreement in agreements.Where(a => a.StateOn(today).Status != AgreementStatus.Ended))
        {
            var missing = contracts.Where(c => c.AgreementId == agreement.Id && !c.IsComplete).ToList();
            if (missing.Count > 0)
            {
                var names = agreement.Parties.Where(p => missing.Any(c => c.PartyId == p.PartyId)).Select(p => p.Party?.Name ?? "okänd");
                attention.Add(($"{agreement.Title}: samverkansavtalen med {string.Join(", ", names)} saknar underskrifter.", $"/counties/{county.Code}/agreements/{agreement.Id}#matrix"));
            }
        }

        var composition = await BodyQueries.CompositionContextAsync(db, county.Id, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CountyId == county.Id).ToListAsync(cancellationToken);
        var overdueReports = (await db.GroupReports.AsNoTracking().Where(r => r.CountyId == county.Id && r.ReceivedOn == null).ToListAsync(cancellationToken)).Where(r => r.IsOverdue(today)).ToList();
        foreach (var body in bodies)
        {
            var years = today.Month >= 10 ? new[] { today.Year, today.Year + 1 } : [today.Year];
            foreach (var year in years)
            {
                var plan = MeetingPlan.For(body.Rules, year, meetings.Where(m => m.BodyId == body.Id), Infrastructure.Clock.Sweden);
                if (!plan.MeetsMinimum)
                {
                    attention.Add(($"{body.Name}: {Domain.Common.SwedishText.Count(plan.Planned, "sammanträde", "sammanträden")} planerade {year}, men minst {plan.Minimum} ska hållas.", $"/counties/{county.Code}/bodies/{body.Id}/meetings"));
                }
            }

            foreach (var report in overdueReports.Where(r => r.BodyId == body.Id))
            {
                attention.Add(($"{body.Name}: återrapporten till beredningen skulle ha lämnats senast {Domain.Common.SwedishText.Date(report.DueOn)}.", $"/counties/{county.Code}/bodies/{body.Id}/reports"));
            }

            var violations = composition.Check(body, today);
            if (violations.Count > 0)
            {
                attention.Add(($"{body.Name}: sammansättningen avviker från reglerna på {Domain.Common.SwedishText.Count(violations.Count, "punkt", "punkter")}.", $"/counties/{county.Code}/bodies/{body.Id}/members"));
            }

            if (body.TermOn(today) is { } term && term.EndsOn.DayNumber - today.DayNumber is >= 0 and <= 60)
            {
                attention.Add(($"{body.Name}: mandatperioden slutar {Domain.Common.SwedishText.Date(term.EndsOn)}; nya ledamöter behöver utses.", $"/counties/{county.Code}/bodies/{body.Id}/members"));
            }
        }

        var referrals = await db.Cases.AsNoTracking()
            .Where(c => c.CountyId == county.Id && c.Kind == Domain.Cases.CaseKind.Referral && c.Status == Domain.Cases.CaseStatus.Open && c.ReplySentOn == null && c.ReplyBy != null
                && c.ReplyBy <= today.AddDays(Domain.Cases.Case.ReminderDays))
            .OrderBy(c => c.ReplyBy).Select(c => new { c.Id, c.CaseNumber, c.Title, c.ReplyBy }).ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            attention.Add((referral.ReplyBy < today
                ? $"Remissen {referral.CaseNumber} {referral.Title} skulle ha besvarats senast {Domain.Common.SwedishText.Date(referral.ReplyBy.Value)}."
                : $"Remissen {referral.CaseNumber} {referral.Title} ska besvaras senast {Domain.Common.SwedishText.Date(referral.ReplyBy!.Value)}.",
                $"/counties/{county.Code}/cases/{referral.Id}"));
        }

        var funded = await db.Initiatives.AsNoTracking().Include(i => i.OutcomeReports).Where(i => i.CountyId == county.Id && i.DecidedOn != null)
            .ToListAsync(cancellationToken);
        foreach (var initiative in funded.OrderBy(i => i.Title, StringComparer.Create(Domain.Common.SwedishText.Culture, false)))
        {
            foreach (var year in initiative.OverdueReportYears(today))
            {
                attention.Add(($"{initiative.Title}: återrapporten för {year} skulle ha lämnats senast {Domain.Common.SwedishText.Date(Domain.Funds.OutcomeReport.DueFor(year))}.",
                    $"/counties/{county.Code}/initiatives/{initiative.Id}#outcomes"));
            }
        }

        return attention;
    }

    /// <summary>
    /// Mail that could not be sent: read on every request, since the outbox is not domain data and its changes do not
    /// change the data version the rest of the list is kept under.
    /// </summary>
    public static async Task<(string Text, string Link)?> FailedMailAsync(AppDbContext db, County county, CancellationToken cancellationToken = default)
    {
        var failedMail = await db.OutboxMessages.CountAsync(m => m.CountyId == county.Id && m.FailedAt != null && m.SentAt == null, cancellationToken);
        return failedMail > 0
            ? ($"{Domain.Common.SwedishText.Count(failedMail, "e-postmeddelande", "e-postmeddelanden")} kunde inte skickas.", $"/counties/{county.Code}/outbox?status=failed")
            : null;
    }

    /// <summary>A county's agreements (by start) and bodies (in order), read without tracking, for display only.</summary>
    public sealed record CountyRecords(IReadOnlyList<Agreement> Agreements, IReadOnlyList<Body> Bodies);

    /// <summary>
    /// The county's agreements with their details and bodies with their members: read once per change of data and
    /// shared by the attention list and the county start page, which both show them.
    /// </summary>
    public static Task<CountyRecords> RecordsAsync(Infrastructure.Caching.SharedReads shared, AppDbContext db, Guid countyId,
        CancellationToken cancellationToken = default) =>
        shared.GetAsync($"county-records:{countyId}", async () => new CountyRecords(
            (await db.Agreements.AsNoTracking().WithDetails().Where(a => a.CountyId == countyId).ToListAsync(cancellationToken)).OrderBy(a => a.ValidFrom).ToList(),
            BodyQueries.Ordered(await db.Bodies.AsNoTracking().WithMembers().Where(b => b.CountyId == countyId).ToListAsync(cancellationToken)).ToList()));
}
