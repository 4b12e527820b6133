using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;

namespace Samverkan.Tests.Meetings;

/// <summary>The reminder of a collaboration group's report: 30 days before, to the group's chair, once, whoever runs it.</summary>
public sealed class ReminderTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task ReportReminder_GoesToTheChairOnce_ThirtyDaysBeforeTheDueDate()
    {
        var reminders = factory.Services.GetRequiredService<GroupReportReminders>();
        var second = ActivatorUtilities.CreateInstance<GroupReportReminders>(factory.Services);

        // 2026-11-22: the 2026-12-31 report is 39 days away.
        (await reminders.RunAsync()).ShouldBe(0);

        factory.Time.Advance(TimeSpan.FromDays(10));
        var sent = await Task.WhenAll(reminders.RunAsync(), second.RunAsync());
        sent.Sum().ShouldBe(1);
        (await reminders.RunAsync()).ShouldBe(0, "a report is reminded once");

        await using var scope = factory.Services.CreateAsyncScope();
        var mail = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Subject.Contains("återrapport")).ToListAsync();
        mail.ShouldHaveSingleItem().Subject.ShouldBe("Politisk samverkansgrupp för kompetensförsörjning: återrapport till beredningen senast 2026-12-31");
    }
}
