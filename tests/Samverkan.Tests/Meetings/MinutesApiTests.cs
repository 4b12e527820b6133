using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Meetings;

/// <summary>The minutes workflow through the API on both engines, each step as the person who must take it.</summary>
public abstract class MinutesApiTests(SamverkanFactory factory)
{
    [Fact]
    public async Task Minutes_AreSignedByTheChair_CheckedByTheAppointedMember_ThenLockedAndDispatched()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var chair = await factory.ApiClientAsync("ordforande.srb");
        using var member = await factory.ApiClientAsync("ledamot.srb");
        var srb = (await secretariat.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var meeting = (await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}/meetings?year=2026")).EnumerateArray().First(m => m.Str("startsAt").StartsWith("2026-06-11", StringComparison.Ordinal)).Str("id");
        var body = await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}");
        var checker = (await member.GetJsonAsync($"/api/v1/bodies/{srb}")).GetProperty("members").EnumerateArray()
            .First(m => m.Str("appointingParty") == "Västerås" && m.Str("side") == "Opposition").Str("membershipId");
        var parties = (await secretariat.GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().ToDictionary(p => p.Str("name"), p => p.Str("id"));

        (await secretariat.PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var item = await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/items",
            new { title = "Regional kulturplan 2027–2030", discussion = "Föredragning av regional utvecklingsdirektör.", decision = "Beredningen rekommenderar parterna att anta planen.", kind = "Recommendation" });
        item.StatusCode.ShouldBe(HttpStatusCode.Created, await item.Content.ReadAsStringAsync());
        var itemId = (await item.JsonAsync()).GetProperty("items")[0].Str("id");
        (await item.JsonAsync()).GetProperty("items")[0].GetProperty("paragraph").GetInt32().ShouldBe(3, "§ 1–2 of 2026 are in the September minutes of the demo data");
        foreach (var (party, position) in new[] { ("Region Västmanland", "Agree"), ("Sala", "Abstain"), ("Västerås", "Agree") })
        {
            (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/items/{itemId}/positions", new { partyId = parties[party], position })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        foreach (var m in body.GetProperty("members").EnumerateArray().Take(20))
        {
            await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/attendance", new { membershipId = m.Str("membershipId"), present = true });
        }

        (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/checker", new { membershipId = checker })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await member.PostAsync($"/api/v1/meetings/{meeting}/minutes/check", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await secretariat.PostAsync($"/api/v1/meetings/{meeting}/minutes/sign", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsync($"/api/v1/meetings/{meeting}/minutes/sign", null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var signed = await chair.PostAsync($"/api/v1/meetings/{meeting}/minutes/sign", null);
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var checkedResponse = await member.PostAsync($"/api/v1/meetings/{meeting}/minutes/check", null);
        checkedResponse.StatusCode.ShouldBe(HttpStatusCode.OK, await checkedResponse.Content.ReadAsStringAsync());

        var late = await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/items", new { title = "Sent", decision = "x", kind = "Information" });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.JsonAsync()).Str("rule").ShouldBe("NoEditAfterCheck");

        (await secretariat.PostAsync($"/api/v1/meetings/{meeting}/minutes/dispatch", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var minutes = await member.GetJsonAsync($"/api/v1/meetings/{meeting}/minutes");
        minutes.Str("status").ShouldBe("Dispatched");
        // Signatures read as the people's names with their roles, not as login names.
        var members = body.GetProperty("members").EnumerateArray().ToList();
        minutes.Str("signedBy").ShouldBe(members.Single(m => m.Str("role") == "Chair").Str("name") + ", ordförande");
        minutes.Str("checkedBy").ShouldBe(members.Single(m => m.Str("membershipId") == checker).Str("name") + ", ledamot");
        minutes.Str("checkedHash").ShouldBe(minutes.Str("signedHash"));
        minutes.Str("publishedOn").ShouldBe("2026-11-22");
        minutes.Str("dispatchedTo").ShouldContain("Kommunstyrelsen, Arboga");
        minutes.Str("dispatchedTo").ShouldContain("Regionstyrelsen, Region Västmanland");
        minutes.GetProperty("items")[0].GetProperty("consensus").GetBoolean().ShouldBeTrue();
        minutes.GetProperty("present").GetArrayLength().ShouldBe(20);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Samverkan.Web.Data.AppDbContext>().OutboxMessages.Where(m => m.Subject.StartsWith("Protokoll")).ToList();
            outbox.Count.ShouldBe(11, "the regional board and the ten municipal executive boards");
            outbox.ShouldAllBe(m => m.AttachmentContentType == "application/pdf" && m.AttachmentBytes!.Length > 1000 && m.To.StartsWith("registrator@"));
        }

        var pdf = await member.GetByteArrayAsync($"/api/v1/meetings/{meeting}/minutes/pdf");
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
    }
}

public sealed class SqliteMinutesApiTests(SqliteFactory factory) : MinutesApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMinutesApiTests(PostgresFactory factory) : MinutesApiTests(factory), IClassFixture<PostgresFactory>;

/// <summary>Each party's own decision on a recommendation, recorded by that party's official; what is pending per party.</summary>
public abstract class RecommendationFollowUpTests(SamverkanFactory factory)
{
    [Fact]
    public async Task PartyOfficial_RecordsOwnPartysDecision_AndPendingIsShownPerParty()
    {
        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        var parties = (await official.GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().ToDictionary(p => p.Str("name"), p => p.Str("id"));

        var recommendation = (await official.GetJsonAsync("/api/v1/counties/19/recommendations")).EnumerateArray().Single();
        recommendation.GetProperty("consensus").GetBoolean().ShouldBeTrue();
        var decided = recommendation.GetProperty("parties").EnumerateArray().Where(p => p.GetProperty("outcome").ValueKind != System.Text.Json.JsonValueKind.Null).Select(p => p.Str("party")).ToList();
        decided.ShouldBe(["Arboga", "Köping"], ignoreOrder: true);
        (await official.GetJsonAsync($"/api/v1/counties/19/recommendations?partyId={parties["Västerås"]}")).GetArrayLength().ShouldBe(1);

        var itemId = recommendation.Str("itemId");
        (await official.PostAsJsonAsync($"/api/v1/minutes-items/{itemId}/decisions", new { partyId = parties["Sala"], outcome = "Adopted", decidedOn = "2026-11-02", reference = "KS 2026-11-02 § 9" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var recorded = await official.PostAsJsonAsync($"/api/v1/minutes-items/{itemId}/decisions", new { partyId = parties["Västerås"], outcome = "Adopted", decidedOn = "2026-11-02", reference = "KS 2026-11-02 § 301" });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        (await official.PostAsJsonAsync($"/api/v1/minutes-items/{itemId}/decisions", new { partyId = parties["Västerås"], outcome = "Rejected", decidedOn = "2026-11-03", reference = "KS" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await official.GetJsonAsync($"/api/v1/counties/19/recommendations?partyId={parties["Västerås"]}")).GetArrayLength().ShouldBe(0);
    }
}

public abstract class AttendanceReportTests(SamverkanFactory factory)
{
    [Fact]
    public async Task AttendanceReport_PerPartyAndPeriod_ForEachPartysFees()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        var parties = (await secretariat.GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().ToDictionary(p => p.Str("name"), p => p.Str("id"));

        var all = (await secretariat.GetJsonAsync("/api/v1/counties/19/attendance?from=2026-01-01&to=2026-12-31")).EnumerateArray().ToList();
        all.Count.ShouldBe(26);
        all.Count(l => l.GetProperty("present").GetBoolean()).ShouldBe(23);
        (await secretariat.GetJsonAsync("/api/v1/counties/19/attendance?from=2026-10-01&to=2026-12-31")).GetArrayLength().ShouldBe(0);

        var own = (await official.GetJsonAsync("/api/v1/counties/19/attendance?from=2026-01-01&to=2026-12-31")).EnumerateArray().ToList();
        own.Count.ShouldBe(2);
        own.ShouldAllBe(l => l.Str("party") == "Västerås");
        (await official.GetAsync($"/api/v1/counties/19/attendance?partyId={parties["Sala"]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var csv = Encoding.UTF8.GetString(await official.GetByteArrayAsync("/api/v1/counties/19/attendance/csv?from=2026-01-01&to=2026-12-31"));
        csv.ShouldContain("Västerås;");
        csv.ShouldContain("Strategisk regional beredning;2026-09-17;");
    }
}

public sealed class SqliteAttendanceReportTests(SqliteFactory factory) : AttendanceReportTests(factory), IClassFixture<SqliteFactory>;

public sealed class SqliteRecommendationFollowUpTests(SqliteFactory factory) : RecommendationFollowUpTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRecommendationFollowUpTests(PostgresFactory factory) : RecommendationFollowUpTests(factory), IClassFixture<PostgresFactory>;
