using System.Net;
using System.Net.Http.Json;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Meetings;

/// <summary>
/// Issue 17: the meeting, minutes, recommendations and body-meetings pages change through the same use cases as the
/// API (MeetingPlanner, MinutesDesk), so the same bad input gets the same status and the same Swedish messages on both:
/// the API as ProblemDetails, the page beside its form.
/// </summary>
public sealed class SameInputSameAnswerTests
{
    // The Västmanland SRB's demo year (the clock stands at 2026-11-22): June's meeting is held and gets draft minutes
    // below, September's minutes are checked and dispatched, December's meeting is still to come.
    public static TheoryData<string, string, string, string, string, HttpStatusCode> BadInputs => new()
    {
        // who, the page below /counties/19/, its handler and form (k=v&…), the API's path below /api/v1/ and its JSON, the status
        { "sekretariat.vastmanland", "bodies/{srb}/meetings", "Plan", "location=Regionhuset", "bodies/{srb}/meetings|{\"location\":\"Regionhuset\"}", HttpStatusCode.BadRequest },
        { "sekretariat.vastmanland", "bodies/{srb}/meetings", "Plan", "date=2027-02-04&starts=09:00&ends=12:00",
            "bodies/{srb}/meetings|{\"startsAt\":\"2027-02-04T09:00:00+01:00\",\"endsAt\":\"2027-02-04T12:00:00+01:00\"}", HttpStatusCode.BadRequest },
        { "sekretariat.vastmanland", "meetings/{december}", "Item", "presenter=Anna%20Berg", "meetings/{december}/agenda-items|{\"presenter\":\"Anna Berg\"}", HttpStatusCode.BadRequest },
        { "sekretariat.vastmanland", "meetings/{june}/minutes", "Item", "discussion=Kort%20f%C3%B6redragning", "meetings/{june}/minutes/items|{\"discussion\":\"Kort föredragning\"}", HttpStatusCode.BadRequest },
        { "sekretariat.vastmanland", "meetings/{september}/minutes", "Correct", "", "meetings/{september}/minutes/corrections|{}", HttpStatusCode.BadRequest },
        { "sekretariat.vastmanland", "meetings/{december}/minutes", "Create", "", "meetings/{december}/minutes", HttpStatusCode.UnprocessableEntity },
        { "sekretariat.vastmanland", "recommendations", "", "itemId={recommendation}&reference=KS%202026-11-02", "minutes-items/{recommendation}/decisions|{\"reference\":\"KS 2026-11-02\"}",
            HttpStatusCode.BadRequest },
        { "ledamot.srb", "bodies/{srb}/meetings", "Extra", "", "bodies/{srb}/extra-meeting-requests|{}", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessages_OnThePageAndTheApi(string who, string page, string handler, string form, string api,
        HttpStatusCode expected)
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = (await secretariat.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var meetings = (await secretariat.GetJsonAsync($"/api/v1/bodies/{srb}/meetings?year=2026")).EnumerateArray().ToList();
        string On(string day) => meetings.First(m => m.Str("startsAt").StartsWith(day, StringComparison.Ordinal)).Str("id");
        var ids = new Dictionary<string, string>
        {
            ["srb"] = srb,
            ["june"] = On("2026-06-11"),
            ["september"] = On("2026-09-17"),
            ["december"] = On("2026-12-10"),
            ["recommendation"] = (await secretariat.GetJsonAsync("/api/v1/counties/19/recommendations")).EnumerateArray().Single().Str("itemId"),
        };
        (await secretariat.PostAsync($"/api/v1/meetings/{ids["june"]}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{ids["june"]}/minutes/items", new { title = "Regional kulturplan", decision = "Antecknas." }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        using var apiClient = await factory.ApiClientAsync(who);
        using var pageClient = await factory.PageClientAsync(who);

        await SameAnswer.AssertAsync(apiClient, pageClient, ids, "/counties/19/" + page, handler, form, api, expected);
    }
}
