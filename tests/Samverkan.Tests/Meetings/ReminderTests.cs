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
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = await db.OutboxMessages.Where(m => m.Subject.Contains("återrapport")).ToListAsync();
        var reminder = mail.ShouldHaveSingleItem();
        reminder.Subject.ShouldBe("Politisk samverkansgrupp för kompetensförsörjning: återrapport till beredningen senast 2026-12-31");

        // To the group's chair, not to any other member.
        var group = await db.Bodies.Include(b => b.Memberships).SingleAsync(b => b.Name == "Politisk samverkansgrupp för kompetensförsörjning");
        var chair = group.Memberships.Single(m => m.Role == Samverkan.Domain.Bodies.MembershipRole.Chair);
        reminder.To.ShouldBe((await db.People.SingleAsync(p => p.Id == chair.PersonId)).Email);
        var others = group.Memberships.Where(m => m.Role != Samverkan.Domain.Bodies.MembershipRole.Chair).Select(m => m.PersonId).ToList();
        others.ShouldNotBeEmpty();
        (await db.People.Where(p => others.Contains(p.Id)).Select(p => p.Email).ToListAsync()).ShouldNotContain(reminder.To);
    }
}
