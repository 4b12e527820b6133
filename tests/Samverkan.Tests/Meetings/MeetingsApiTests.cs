using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Tests.Meetings;

/// <summary>Planning, agendas, notices and extra meetings through the API on both engines; mail through a real SMTP conversation.</summary>
public abstract class MeetingsApiTests(SamverkanFactory factory)
{
    private async Task<string> SrbIdAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");

    private static async Task<string> PlanAsync(HttpClient client, string srb, string startsAt)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/bodies/{srb}/meetings",
            new { startsAt, endsAt = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture).AddHours(3), location = "Regionhuset, Västerås" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("id");
    }

    [Fact]
    public async Task Notice_IsRefusedWhenTooLate_AndSentWithAnInvitationToEveryMember()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbIdAsync(client);

        // The clock stands at 2026-11-22: 2026-12-03 is 11 days ahead, 2026-12-15 is 23 days ahead.
        var tooSoon = await PlanAsync(client, srb, "2026-12-03T09:00:00+01:00");
        (await client.PostAsJsonAsync($"/api/v1/meetings/{tooSoon}/agenda-items", new { title = "Regional utvecklingsstrategi", proposedDecision = "Att tillstyrka." }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await client.PostAsync($"/api/v1/meetings/{tooSoon}/notice", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.JsonAsync();
        problem.Str("rule").ShouldBe("NoticeDeadline");
        problem.Str("detail").ShouldContain("senast 14 dagar före");

        var inTime = await PlanAsync(client, srb, "2026-12-15T09:00:00+01:00");
        (await client.PostAsJsonAsync($"/api/v1/meetings/{inTime}/agenda-items", new { title = "Trafikförsörjningsprogram", caseReference = "RV 2026-44", proposedDecision = "Att ställa sig bakom." }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var sent = await client.PostAsync($"/api/v1/meetings/{inTime}/notice", null);
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        (await sent.JsonAsync()).GetProperty("recipients").GetInt32().ShouldBe(27);

        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Subject.StartsWith("Kallelse") && m.Subject.EndsWith("2026-12-15")).ToListAsync();
        outbox.Count.ShouldBe(27);
        outbox.ShouldAllBe(m => m.AttachmentText!.Contains("BEGIN:VCALENDAR") && m.Body.Contains("Trafikförsörjningsprogram (RV 2026-44)"));
        outbox[0].Body.ShouldContain("har inga ersättare");

        (await client.PostAsJsonAsync($"/api/v1/meetings/{inTime}/agenda-items", new { title = "Gemensamma EU-frågor" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using (var later = factory.Services.CreateAsyncScope())
        {
            var updates = await later.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Subject.StartsWith("Ändrad kallelse") && m.Subject.EndsWith("2026-12-15")).ToListAsync();
            updates.Count.ShouldBe(27);
            updates.ShouldAllBe(m => m.AttachmentText!.Contains("SEQUENCE:1\r\n") && m.Body.Contains("Gemensamma EU-frågor"));
        }

        var ics = await client.GetStringAsync($"/api/v1/meetings/{inTime}/ics");
        ics.ShouldContain("DTSTART;TZID=Europe/Stockholm:20261215T090000");
        var noticePdf = await client.GetByteArrayAsync($"/api/v1/meetings/{inTime}/notice/pdf");
        System.Text.Encoding.ASCII.GetString(noticePdf, 0, 5).ShouldBe("%PDF-");
    }

    [Fact]
    public async Task MandatoryItems_ShowWhenEachWasLastPrepared_AndWhatIsMissing()
    {
        using var member = await factory.ApiClientAsync("ledamot.srb");
        var srb = await SrbIdAsync(member);

        var items = (await member.GetJsonAsync($"/api/v1/bodies/{srb}/mandatory-items")).EnumerateArray().ToList();

        items.Count.ShouldBe(6);
        items.Single(i => i.Str("topic") == "Gemensamma EU-frågor").Str("lastPrepared").ShouldBe("2026-09-17");
        var missing = items.Where(i => i.GetProperty("missing").GetBoolean()).Select(i => i.Str("label")).ToList();
        missing.ShouldBe(["Nära vård"], "Nära vård is on December's agenda, which is not held yet");
    }

    [Fact]
    public async Task CollaborationGroup_SetUpByAnSrbDecision_ReportsTwiceAYear_AndOverdueIsShown()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbIdAsync(secretariat);

        var existing = (await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups")).EnumerateArray().Single(g => g.Str("name").Contains("kompetensförsörjning", StringComparison.Ordinal));
        existing.Str("establishedBy").ShouldBe("SRB 2023-02-09 § 5");
        existing.GetProperty("reports").EnumerateArray().Count(r => r.GetProperty("overdue").GetBoolean()).ShouldBe(1);

        var created = await secretariat.PostAsJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups",
            new { name = "Politisk samverkansgrupp för infrastruktur", remit = "Bereda länets prioriteringar i infrastrukturplaneringen.", decision = "SRB 2026-09-17 § 2", establishedOn = "2026-11-22" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var group = await created.JsonAsync();
        var reports = group.GetProperty("reports").EnumerateArray().ToList();
        reports.Select(r => r.Str("dueOn")).ShouldBe(["2026-12-31"]);

        (await secretariat.PostAsJsonAsync($"/api/v1/group-reports/{reports[0].Str("id")}/received", new { receivedOn = "2026-11-22", summary = "Första lägesrapporten." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await secretariat.PostAsJsonAsync($"/api/v1/bodies/{group.Str("id")}/close", new { decision = "SRB 2026-12-10 § 9", closedOn = "2026-12-10" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.JsonAsync()).Str("closedBy").ShouldBe("SRB 2026-12-10 § 9");

        using var member = await factory.ApiClientAsync("ledamot.srb");
        (await member.PostAsJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups", new { name = "x", remit = "y", decision = "z" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Documents_AreCheckedByTypeAndContent_ServedAsAttachments_AndOnlyPublicOnesArePublic()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbIdAsync(client);
        var meeting = await PlanAsync(client, srb, "2026-12-16T09:00:00+01:00");
        var item = (await (await client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = "Regional utvecklingsstrategi" })).JsonAsync()).Str("id");

        async Task<HttpResponseMessage> UploadAsync(string name, byte[] bytes, bool isPublic)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent(isPublic ? "true" : "false"), "isPublic" } };
            return await client.PostAsync($"/api/v1/meetings/{meeting}/agenda-items/{item}/documents", form);
        }

        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% test\n");
        var publicDoc = await UploadAsync("Tjänsteskrivelse RUS.pdf", pdf, true);
        publicDoc.StatusCode.ShouldBe(HttpStatusCode.Created, await publicDoc.Content.ReadAsStringAsync());
        var internalDoc = await UploadAsync("Arbetsmaterial.pdf", pdf, false);
        internalDoc.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await publicDoc.JsonAsync()).Str("hash").ShouldBe((await internalDoc.JsonAsync()).Str("hash"), "the same content is stored once");

        (await (await UploadAsync("virus.pdf", System.Text.Encoding.ASCII.GetBytes("MZ not a pdf"), true)).JsonAsync()).Str("rule").ShouldBe("DocumentContent");
        (await (await UploadAsync("sida.html", System.Text.Encoding.ASCII.GetBytes("<script>"), true)).JsonAsync()).Str("rule").ShouldBe("DocumentType");

        var download = await client.GetAsync($"/api/v1/documents/{(await publicDoc.JsonAsync()).Str("id")}");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        using var anonymous = factory.CreateClient();
        (await anonymous.GetAsync($"/public/documents/{(await publicDoc.JsonAsync()).Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not before the notice is sent");
        (await client.PostAsync($"/api/v1/meetings/{meeting}/notice", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/public/documents/{(await publicDoc.JsonAsync()).Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/public/documents/{(await internalDoc.JsonAsync()).Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MeetingPlan_CountsTheYearsMeetingsAgainstSix()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbIdAsync(client);
        for (var month = 2; month <= 6; month++)
        {
            await PlanAsync(client, srb, $"2028-{month:00}-10T09:00:00+01:00");
        }

        var plan = await client.GetJsonAsync($"/api/v1/bodies/{srb}/meeting-plan/2028");
        plan.GetProperty("planned").GetInt32().ShouldBe(5);
        plan.GetProperty("minimum").GetInt32().ShouldBe(6);
        plan.GetProperty("meetsMinimum").GetBoolean().ShouldBeFalse();

        await PlanAsync(client, srb, "2028-09-10T09:00:00+02:00");
        (await client.GetJsonAsync($"/api/v1/bodies/{srb}/meeting-plan/2028")).GetProperty("meetsMinimum").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ExtraMeetingRequest_FromAMember_IsRecordedWithTheOneThirdRule()
    {
        using var member = await factory.ApiClientAsync("ledamot.srb");
        var srb = await SrbIdAsync(member);

        var response = await member.PostAsJsonAsync($"/api/v1/bodies/{srb}/extra-meeting-requests", new { reason = "Remissen om länsplanen måste besvaras före nästa ordinarie möte." });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var outcome = await response.JsonAsync();
        outcome.GetProperty("mustBeHeld").GetBoolean().ShouldBeFalse();
        outcome.Str("explanation").ShouldBe("1 av 26 ledamöter har begärt ett sammanträde; det krävs minst 9 (en tredjedel).");

        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        (await official.PostAsJsonAsync($"/api/v1/bodies/{srb}/extra-meeting-requests", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync($"/api/v1/bodies/{srb}/meetings", new { startsAt = "2027-02-01T09:00:00+01:00", endsAt = "2027-02-01T10:00:00+01:00", location = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class CalendarFeedTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task CalendarFeed_WithItsSecretToken_ListsTheMeetings_WithoutALogin()
    {
        using var member = await factory.ApiClientAsync("ledamot.srb");
        var srb = (await member.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");

        var bodyFeed = (await (await member.PostAsync($"/api/v1/bodies/{srb}/calendar-feed", null)).JsonAsync()).Str("url");
        var personFeed = (await (await member.PostAsync("/api/v1/me/calendar-feed", null)).JsonAsync()).Str("url");

        using var anonymous = factory.CreateClient();
        var ics = await anonymous.GetStringAsync(new Uri(bodyFeed).PathAndQuery);
        ics.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        ics.ShouldContain("METHOD:PUBLISH");
        System.Text.RegularExpressions.Regex.Count(ics, "BEGIN:VEVENT").ShouldBe(7, "the demo SRB's six ordinary meetings and one extra");
        (await anonymous.GetStringAsync(new Uri(personFeed).PathAndQuery)).ShouldContain("X-WR-CALNAME:Mina sammanträden");
        (await anonymous.GetAsync("/calendar/not-a-token.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        new Uri(bodyFeed).AbsolutePath.Length.ShouldBeGreaterThan(40);
    }
}

public sealed class SqliteMeetingsApiTests(SqliteFactory factory) : MeetingsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMeetingsApiTests(PostgresFactory factory) : MeetingsApiTests(factory), IClassFixture<PostgresFactory>;

/// <summary>The outbox over a real SMTP conversation: a server that is down first loses nothing and gets the mail when it is up.</summary>
public sealed class OutboxDeliveryTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Mail_WhileTheServerIsDown_IsRetried_AndDeliveredWhenItIsUp()
    {
        await using var server = new SmtpTestServer();
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Smtp:Port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sender = configured.Services.GetRequiredService<OutboxSender>();
        await using (var scope = configured.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Outbox.Enqueue(db, factory.Time, null, "ordforande@example.se", "Kallelse: Strategisk regional beredning", "Föredragningslista …",
                "kallelse.ics", "text/calendar; method=REQUEST; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
            await db.SaveChangesAsync();
        }

        (await sender.SendDueAsync()).ShouldBe(0);
        await using (var scope = configured.Services.CreateAsyncScope())
        {
            var waiting = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.SingleAsync(m => m.To == "ordforande@example.se");
            waiting.Attempts.ShouldBe(1);
            waiting.SentAt.ShouldBeNull();
            waiting.LastError.ShouldNotBeNullOrWhiteSpace();
        }

        server.Start();
        (await sender.SendDueAsync()).ShouldBe(0, "the retry waits for its time");
        factory.Time.Advance(TimeSpan.FromSeconds(11));
        (await sender.SendDueAsync()).ShouldBe(1);
        (await sender.SendDueAsync()).ShouldBe(0, "a delivered mail is never sent twice");

        var (recipients, data) = server.Received.ShouldHaveSingleItem();
        recipients.ShouldBe(["ordforande@example.se"]);
        data.ShouldContain("kallelse.ics");
        data.ShouldContain("text/calendar");
    }
}

/// <summary>Two senders (as two instances would) on one PostgreSQL database: every mail goes out exactly once.</summary>
public sealed class OutboxTwoInstancesTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task TwoSendersAtOnce_DeliverEachMailOnce()
    {
        await using var server = new SmtpTestServer();
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Smtp:Port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using (var scope = configured.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 30; i++)
            {
                Outbox.Enqueue(db, factory.Time, null, $"ledamot{i}@example.se", $"Meddelande {i}", "Text");
            }

            await db.SaveChangesAsync();
        }

        server.Start();
        var first = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<OutboxSender>(configured.Services);
        var second = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<OutboxSender>(configured.Services);

        var sent = 0;
        for (var round = 0; round < 3; round++)
        {
            var results = await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync());
            sent += results.Sum();
        }

        sent.ShouldBe(30);
        server.Received.Count.ShouldBe(30);
        server.Received.Select(r => r.Recipients.Single()).Distinct().Count().ShouldBe(30);
    }
}
