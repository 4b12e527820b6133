using System.Net;
using System.Net.Http.Json;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Meetings;

/// <summary>Issue 19: paragraph numbers follow the meetings' dates within the body's year, also when minutes are drafted out of order.</summary>
public sealed class ParagraphOrderTests
{
    [Fact]
    public async Task ParagraphOrder_AnEarlierMeetingsDraftMinutesAreSignedFirst_AndSigningWaitsForTheMeeting()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var chair = await factory.ApiClientAsync("ordforande.srb");
        var srb = (await secretariat.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var meetings = (await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}/meetings?year=2026")).EnumerateArray().ToList();
        string On(string day) => meetings.First(m => m.Str("startsAt").StartsWith(day, StringComparison.Ordinal)).Str("id");
        var (february, march, december) = (On("2026-02-05"), On("2026-03-26"), On("2026-12-10"));
        var checker = (await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}")).GetProperty("members").EnumerateArray()
            .First(m => m.Str("role") == "Member").Str("membershipId");

        // Drafted out of order: March first, then February; the draft numbers follow the meetings' dates.
        foreach (var meeting in new[] { march, february })
        {
            (await secretariat.PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/items", new { title = "Information", decision = "Informationen antecknas.", kind = "Information" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/checker", new { membershipId = checker })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var febParagraph = (await secretariat.GetJsonAsync($"/api/v1/meetings/{february}/minutes")).GetProperty("items")[0].GetProperty("paragraph").GetInt32();
        var marParagraph = (await secretariat.GetJsonAsync($"/api/v1/meetings/{march}/minutes")).GetProperty("items")[0].GetProperty("paragraph").GetInt32();
        febParagraph.ShouldBeLessThan(marParagraph);

        // March cannot be signed while February's draft would come after it.
        var refused = await chair.PostAsync($"/api/v1/meetings/{march}/minutes/sign", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.JsonAsync();
        (problem.Str("rule"), problem.Str("detail")).ShouldBe(("ParagraphOrder",
            "Protokollet från sammanträdet 2026-02-05 är inte undertecknat. Paragraferna numreras i sammanträdenas ordning; underteckna det först."));
        (await chair.PostAsync($"/api/v1/meetings/{february}/minutes/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chair.PostAsync($"/api/v1/meetings/{march}/minutes/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // December's meeting has not been held: its minutes may be drafted from its day, never signed before it starts.
        (await secretariat.PostAsync($"/api/v1/meetings/{december}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }
}
