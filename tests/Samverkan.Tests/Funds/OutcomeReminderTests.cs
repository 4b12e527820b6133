using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Funds;

namespace Samverkan.Tests.Funds;

/// <summary>The reminder of an outcome report: 30 days before the due date, to the initiative's contact, once, whoever runs it.</summary>
public sealed class OutcomeReminderTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task OutcomeReportReminder_GoesToTheContactOnce_ThirtyDaysBeforeTheDueDate()
    {
        var reminders = factory.Services.GetRequiredService<OutcomeReportReminders>();
        var second = ActivatorUtilities.CreateInstance<OutcomeReportReminders>(factory.Services);

        // The 2026 reports are due 2027-03-31; on 2027-02-28 that is 31 days away.
        factory.Time.SetUtcNow(new DateTimeOffset(2027, 2, 28, 8, 0, 0, TimeSpan.Zero));
        (await reminders.RunAsync()).ShouldBe(0);

        factory.Time.Advance(TimeSpan.FromDays(1));
        var sent = await Task.WhenAll(reminders.RunAsync(), second.RunAsync());

        // Three initiatives owe a report for 2026: the northern tourism, the commuter routes and the hydrogen study.
        sent.Sum().ShouldBe(3);
        (await reminders.RunAsync()).ShouldBe(0, "a report is reminded once");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = await db.OutboxMessages.Where(m => m.Subject.Contains("återrapport för 2026")).OrderBy(m => m.To).ToListAsync();
        mail.Select(m => m.To).ShouldBe(["besoksnaring.i.norra.varmland@satsningar.demo.invalid", "pendlarstrak.2040@satsningar.demo.invalid",
            "vatgas.i.varmland@satsningar.demo.invalid"]);
        mail.ShouldContain(m => m.Subject == "Pendlarstråk 2040: återrapport för 2026 senast 2027-03-31");
    }
}
