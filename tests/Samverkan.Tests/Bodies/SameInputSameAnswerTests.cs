using System.Net;
using Samverkan.Tests.Support;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Bodies;

/// <summary>
/// Issue 17: a body's members and reports pages change through the same use case as the API (BodyDesk), so the same bad
/// input gets the same status and the same Swedish messages on both: the API as ProblemDetails, the page beside its form.
/// </summary>
public sealed class SameInputSameAnswerTests
{
    public static TheoryData<string, string, string, string, HttpStatusCode> BadInputs => new()
    {
        // the page below /counties/19/bodies/, its handler and form (k=v&…), the API's path below /api/v1/ and its JSON, the status
        { "{srb}/members", "Add", "Input.Role=Member&Input.Office=None", "bodies/{srb}/memberships|{\"role\":\"Member\"}", HttpStatusCode.BadRequest },
        { "{srb}/members", "Add", "Input.PersonId={person}&Input.AppointingPartyId={party}&Input.PoliticalParty=XYZ&Input.From=2026-12-01",
            "bodies/{srb}/memberships|{\"personId\":\"{person}\",\"appointingPartyId\":\"{party}\",\"politicalParty\":\"XYZ\",\"from\":\"2026-12-01\"}", HttpStatusCode.BadRequest },
        { "{srb}/members", "Add", "Input.PersonId={person}&Input.AppointingPartyId={party}&Input.Role=Substitute&Input.From=2026-12-01",
            "bodies/{srb}/memberships|{\"personId\":\"{person}\",\"appointingPartyId\":\"{party}\",\"role\":\"Substitute\",\"from\":\"2026-12-01\"}", HttpStatusCode.UnprocessableEntity },
        { "{srb}/members", "End", "membershipId={membership}", "bodies/{srb}/memberships/{membership}/end|{}", HttpStatusCode.BadRequest },
        { "{group}/reports", "Report", "reportId={report}&receivedOn=2026-11-20", "group-reports/{report}/received|{\"receivedOn\":\"2026-11-20\"}", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessages_OnThePageAndTheApi(string page, string handler, string form, string api, HttpStatusCode expected)
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        var srb = (await client.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var members = (await client.GetJsonAsync($"/api/v1/bodies/{srb}")).GetProperty("members").EnumerateArray().ToList();
        var group = (await client.GetJsonAsync($"/api/v1/bodies/{srb}/collaboration-groups")).EnumerateArray()
            .First(g => g.GetProperty("reports").EnumerateArray().Any(r => r.GetProperty("receivedOn").ValueKind == System.Text.Json.JsonValueKind.Null));
        var ids = new Dictionary<string, string>
        {
            ["srb"] = srb,
            ["membership"] = members[0].Str("membershipId"),
            ["person"] = members[0].Str("personId"),
            ["party"] = members[0].Str("appointingPartyId"),
            ["group"] = group.Str("id"),
            ["report"] = group.GetProperty("reports").EnumerateArray().First(r => r.GetProperty("receivedOn").ValueKind == System.Text.Json.JsonValueKind.Null).Str("id"),
        };

        await SameAnswer.AssertAsync(client, pages, ids, "/counties/19/bodies/" + page, handler, form, api, expected);
    }
}
