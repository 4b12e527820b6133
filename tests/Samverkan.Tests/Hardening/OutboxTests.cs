using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Meetings;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Tests.Hardening;

/// <summary>One bad message never stops the outbox: each message is built, sent and recorded on its own.</summary>
public sealed class OutboxTests
{
    private static async Task EnqueueAsync(WebApplicationFactory<Program> app, SamverkanFactory factory, params (string To, string Subject)[] messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (to, subject) in messages)
        {
            Outbox.Enqueue(db, factory.Time, null, to, subject, "Text");
        }

        await db.SaveChangesAsync();
    }

    private static async Task<OutboxMessage> MessageAsync(WebApplicationFactory<Program> app, string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to);
    }

    private static WebApplicationFactory<Program> WithSmtp(SamverkanFactory factory, SmtpTestServer server) =>
        factory.WithWebHostBuilder(b => b.UseSetting("Smtp:Port", server.Port.ToString(CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OneUnbuildableMessage_FailsAloneWithItsReason_AndTheOthersAreDeliveredOnce(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        await using var server = new SmtpTestServer();
        server.Start();
        using var app = WithSmtp(factory, server);
        await EnqueueAsync(app, factory, ("forsta@example.se", "Kallelse: SRB"), ("inte en adress<<", "Kallelse: PSG"), ("tredje@example.se", "Kallelse: RSG"));
        var sender = app.Services.GetRequiredService<OutboxSender>();

        (await sender.SendDueAsync()).ShouldBe(2);
        var broken = await MessageAsync(app, "inte en adress<<");
        broken.FailedAt.ShouldNotBeNull();
        broken.SentAt.ShouldBeNull();
        broken.Attempts.ShouldBe(0);
        broken.LastError!.ShouldStartWith("Meddelandet kan inte byggas");
        broken.ClaimedBy.ShouldBeNull();

        // Later rounds, even long after, neither retry the failed message nor send the delivered ones again.
        factory.Time.Advance(TimeSpan.FromHours(3));
        (await sender.SendDueAsync()).ShouldBe(0);
        server.Received.Select(r => r.Recipients.Single()).Order().ShouldBe(["forsta@example.se", "tredje@example.se"]);
        (await MessageAsync(app, "inte en adress<<")).Attempts.ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AMessageTheServerRefusesForGood_IsMarkedFailed_AndNotRetried(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        await using var server = new SmtpTestServer();
        server.Start();
        using var app = WithSmtp(factory, server);
        await EnqueueAsync(app, factory, ("refused@example.se", "Protokoll"), ("mottagare@example.se", "Protokoll"));
        var sender = app.Services.GetRequiredService<OutboxSender>();

        (await sender.SendDueAsync()).ShouldBe(1);
        factory.Time.Advance(TimeSpan.FromHours(3));
        (await sender.SendDueAsync()).ShouldBe(0);
        var refused = await MessageAsync(app, "refused@example.se");
        refused.FailedAt.ShouldNotBeNull();
        refused.Attempts.ShouldBe(1);
        refused.LastError!.ShouldContain("550");
        server.Received.Select(r => r.Recipients.Single()).ShouldBe(["mottagare@example.se"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheAttemptIsRecordedBeforeSending_AndARepeatAfterACrashCarriesTheSameMessageId(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        await using var server = new SmtpTestServer();
        using var app = WithSmtp(factory, server);
        var attemptsSeenBySmtp = new List<int>();
        server.OnData = async _ => attemptsSeenBySmtp.Add((await MessageAsync(app, "ledamot@example.se")).Attempts);
        server.Start();
        await EnqueueAsync(app, factory, ("ledamot@example.se", "Kallelse"));
        var sender = app.Services.GetRequiredService<OutboxSender>();
        (await sender.SendDueAsync()).ShouldBe(1);
        attemptsSeenBySmtp.ShouldBe([1]);

        // The process died after the server took the mail but before it was recorded as sent: once the claim has run
        // out it is sent again, with the very same Message-ID, so the receiver can tell it is a repeat.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.OutboxMessages.Where(m => m.To == "ledamot@example.se").ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (long?)null)
                .SetProperty(m => m.ClaimedBy, "a-process-that-died").SetProperty(m => m.ClaimedUntil, factory.Time.GetUtcNow().AddMinutes(2).ToUnixTimeMilliseconds()));
        }

        (await sender.SendDueAsync()).ShouldBe(0, "the dead process's claim still holds");
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        (await sender.SendDueAsync()).ShouldBe(1);
        server.Received.Count.ShouldBe(2);
        var ids = server.Received.Select(r => r.Data.Split("\r\n").Concat(r.Data.Split('\n')).First(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)).Trim()).ToList();
        ids.Distinct().ShouldHaveSingleItem().ShouldContain("outbox-");
    }

    [Fact]
    public async Task ALineBreakInASubject_NeverBecomesAHeader()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        await using var server = new SmtpTestServer();
        server.Start();
        using var app = WithSmtp(factory, server);
        await EnqueueAsync(app, factory, ("ordforande@example.se", "Kallelse: PSG\r\nBcc: x@y.example"));
        (await app.Services.GetRequiredService<OutboxSender>().SendDueAsync()).ShouldBe(1);
        var (recipients, data) = server.Received.ShouldHaveSingleItem();
        recipients.ShouldBe(["ordforande@example.se"]);
        data.Split('\n').ShouldNotContain(l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        data.ShouldContain("Subject: Kallelse: PSG  Bcc: x@y.example");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ANameWithALineBreak_IsRefusedAtInput_With400NamingTheField(DatabaseProvider provider)
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = (await secretariat.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().First(b => b.Str("kind") == "StrategicRegionalCommittee").Str("id");
        var response = await secretariat.PostAsJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups",
            new { name = "PSG\r\nBcc: x@y", remit = "Bereda.", decision = "SRB 2026-09-17 § 2", establishedOn = "2026-11-22" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Fältet name får inte innehålla radbrytningar, tabbar eller andra styrtecken.");
        (await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups")).EnumerateArray().ShouldNotContain(g => g.Str("name").StartsWith("PSG", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSecretariat_SeesAFailedMessageWithItsReason_AndCanSendItAgain()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        await using var server = new SmtpTestServer();
        server.Start();
        using var app = WithSmtp(factory, server);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var county = await db.Counties.SingleAsync(c => c.Code == "19");
            Outbox.Enqueue(db, factory.Time, county.Id, "refused@example.se", "Protokoll SRB 2026-09-17", "Text");
            await db.SaveChangesAsync();
        }

        (await app.Services.GetRequiredService<OutboxSender>().SendDueAsync()).ShouldBe(0);
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/19/outbox?status=failed"));
        html.ShouldContain("Protokoll SRB 2026-09-17");
        html.ShouldContain("Misslyckades");
        html.ShouldContain("E-postservern tog inte emot meddelandet (550)");

        using var official = await factory.PageClientAsync("tjansteperson.vasteras");
        (await official.GetAsync("/counties/19/outbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var id = (await MessageAsync(app, "refused@example.se")).Id;
        var token = await SamverkanFactory.AntiforgeryTokenAsync(page, "/counties/19/outbox?status=failed");
        var retry = await page.PostAsync("/counties/19/outbox?handler=Retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MessageAsync(app, "refused@example.se")).FailedAt.ShouldBeNull();
    }
}
