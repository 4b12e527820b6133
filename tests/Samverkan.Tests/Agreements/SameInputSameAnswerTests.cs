using System.Globalization;
using System.Net;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Agreements;

/// <summary>
/// Issue 17: the agreement pages and the API record adoptions, relevance reviews and signatures through the same use
/// cases (AgreementDesk), so the same bad input gets the same status and the same Swedish messages on both. The form
/// sends the version it was read at, as the page does; nothing below is saved, so the tests share one application.
/// </summary>
public sealed class SameInputSameAnswerTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    public static TheoryData<string, string, string, string, string, int> BadInputs => new()
    {
        // the page, its handler and form (k=v&…), the API's path and JSON body, the status; Västmanland (19) adopts, Västerbotten (24) reviews and signs
        { "adoption", "Adoption", "Input.DecidedOn=2026-10-19", "/api/v1/agreements/{agreement}/adoptions", "{\"decidedOn\":\"2026-10-19\"}", 400 },
        {
            "adoption", "Adoption", "Input.PartyId={vasteras}&Input.DecidedOn=2026-10-19&Input.Reference=%20", "/api/v1/agreements/{agreement}/adoptions",
            "{\"partyId\":\"{vasteras}\",\"decidedOn\":\"2026-10-19\",\"reference\":\" \"}", 400
        },
        {
            "adoption", "Adoption", "Input.PartyId={vasteras}&Input.DecidedOn=2027-01-15&Input.Reference=KF%202027-01-15%20%C2%A7%201",
            "/api/v1/agreements/{agreement}/adoptions", "{\"partyId\":\"{vasteras}\",\"decidedOn\":\"2027-01-15\",\"reference\":\"KF 2027-01-15 § 1\"}", 422
        },
        { "review", "", "Input.Year=2026", "/api/v1/agreements/{agreement}/reviews", "{\"year\":2026}", 400 },
        {
            "review", "", "Input.Year=2026&Input.HeldOn=2026-11-20&Input.Participants=PKD", "/api/v1/agreements/{agreement}/reviews",
            "{\"year\":2026,\"heldOn\":\"2026-11-20\",\"participants\":\"PKD\"}", 400
        },
        { "contract", "Sign", "Input.SignedOn=2026-11-20", "/api/v1/contracts/{contract}/signatures", "{\"signedOn\":\"2026-11-20\"}", 400 },
        {
            "contract", "Sign", "Input.SignatoryId=00000000-0000-0000-0000-000000000001&Input.SignedOn=2026-11-20", "/api/v1/contracts/{contract}/signatures",
            "{\"signatoryId\":\"00000000-0000-0000-0000-000000000001\",\"signedOn\":\"2026-11-20\"}", 400
        },
        {
            "contract", "Sign", "Input.SignatoryId={signatory}&Input.SignedOn=2026-11-23", "/api/v1/contracts/{contract}/signatures",
            "{\"signatoryId\":\"{signatory}\",\"signedOn\":\"2026-11-23\"}", 422
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessage_OnThePageAndTheApi(string target, string handler, string form, string apiPath, string json, int status)
    {
        var county = target == "adoption" ? "19" : "24";
        var user = target == "adoption" ? "sekretariat.vastmanland" : "sekretariat.vasterbotten";
        using var api = await factory.ApiClientAsync(user);
        using var page = await factory.PageClientAsync(user);
        var agreement = (await api.GetJsonAsync($"/api/v1/counties/{county}/agreements")).EnumerateArray()
            .First(a => county == "19" || a.Str("caseNumber") == "RS 759-2022").Str("id");
        var detail = await api.GetJsonAsync($"/api/v1/agreements/{agreement}");
        var vasteras = county == "19" ? detail.GetProperty("parties").EnumerateArray().Single(p => p.Str("name") == "Västerås").Str("partyId") : string.Empty;
        var sorsele = county == "24"
            ? (await api.GetJsonAsync($"/api/v1/agreements/{agreement}/contracts")).EnumerateArray().Single(c => c.Str("partyName") == "Sorsele")
            : default;
        var (contract, signatory, version) = target == "contract"
            ? (sorsele.Str("id"), sorsele.GetProperty("signatories").EnumerateArray().First(s => s.GetProperty("signedOn").ValueKind == System.Text.Json.JsonValueKind.Null)
                .Str("signatoryId"), sorsele.GetProperty("version").GetInt32())
            : (string.Empty, string.Empty, detail.GetProperty("version").GetInt32());
        string Fill(string text) => text.Replace("{agreement}", agreement, StringComparison.Ordinal).Replace("{vasteras}", vasteras, StringComparison.Ordinal)
            .Replace("{contract}", contract, StringComparison.Ordinal).Replace("{signatory}", signatory, StringComparison.Ordinal);
        var pagePath = target switch
        {
            "adoption" => $"/counties/19/agreements/{agreement}",
            "review" => $"/counties/24/agreements/{agreement}/reviews",
            _ => $"/counties/24/contracts/{contract}",
        };

        await SameAnswer.AssertAsync(api, page, Fill(apiPath), Fill(json), pagePath, handler,
            Fill(form) + "&Input.Version=" + version.ToString(CultureInfo.InvariantCulture), (HttpStatusCode)status);
    }
}
