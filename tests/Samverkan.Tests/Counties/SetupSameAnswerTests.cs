using System.Net;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Counties;

/// <summary>
/// Issue 18's forms change through the same use cases as the API (CountySetup, BodySetup, AgreementDesk): the same bad
/// input gets the same status and Swedish messages on the page, beside its form, as in the API's ProblemDetails.
/// Nothing here is saved, so one app serves every case.
/// </summary>
public sealed class SetupSameAnswerTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    public static TheoryData<string, string, string, string, HttpStatusCode> BadInputs => new()
    {
        // the page below /counties/19/, its handler and form, the API's path below /api/v1/ and its JSON, the status
        { "bodies/new", "", "Name=&Kind=", "counties/19/bodies|{}", HttpStatusCode.BadRequest },
        { "bodies/new", "", "Name=Ny%20grupp&Kind=OfficialsGroup&Rules.MinMembers=15&Rules.MaxMembers=13&Rules.NoticeDays=200",
            "counties/19/bodies|{\"name\":\"Ny grupp\",\"kind\":\"OfficialsGroup\",\"rules\":{\"minMembers\":15,\"maxMembers\":13,\"noticeDays\":200}}", HttpStatusCode.BadRequest },
        { "bodies/new", "", "Name=Strategisk%20regional%20beredning&Kind=OfficialsGroup",
            "counties/19/bodies|{\"name\":\"Strategisk regional beredning\",\"kind\":\"OfficialsGroup\"}", HttpStatusCode.BadRequest },
        { "agreements/draft", "", "Input.Title=&Input.Text=", "counties/19/agreements|{}", HttpStatusCode.BadRequest },
        { "agreements/draft", "", "Input.Title=Avtal&Input.Text=Text&Input.ValidFrom=2027-01-01&Input.ValidTo=2026-01-01",
            "counties/19/agreements|{\"title\":\"Avtal\",\"text\":\"Text\",\"validFrom\":\"2027-01-01\",\"validTo\":\"2026-01-01\"}", HttpStatusCode.BadRequest },
        { "parties", "Add", "Input.Kind=Municipality&Input.Name=G%C3%A4vle&Input.MunicipalityCode=2180&Input.OrganisationNumber=212000-2720",
            "counties/19/parties|{\"kind\":\"Municipality\",\"name\":\"Gävle\",\"municipalityCode\":\"2180\",\"organisationNumber\":\"212000-2720\"}", HttpStatusCode.BadRequest },
        { "parties", "Add", "Input.Kind=Region&Input.Name=Region%20Tv%C3%A5", "counties/19/parties|{\"kind\":\"Region\",\"name\":\"Region Två\"}", HttpStatusCode.Conflict },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task TheSameBadInput_GetsTheSameStatusAndMessages_OnThePageAndTheApi(string page, string handler, string form, string api, HttpStatusCode expected)
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        await SameAnswer.AssertAsync(client, pages, new Dictionary<string, string>(), "/counties/19/" + page, handler, form, api, expected);
    }
}
