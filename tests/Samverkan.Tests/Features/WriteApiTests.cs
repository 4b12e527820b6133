using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Features;

/// <summary>Recording decisions and changing memberships through the API, with access rules, errors and audit; on both engines.</summary>
public abstract class WriteApiTests(SamverkanFactory factory)
{
    private async Task<(string AgreementId, Dictionary<string, string> Parties)> VastmanlandAgreementAsync(HttpClient client)
    {
        var summary = (await client.GetJsonAsync("/api/v1/counties/19/agreements")).EnumerateArray().Single();
        var parties = (await client.GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().ToDictionary(p => p.Str("name"), p => p.Str("id"));
        return (summary.Str("id"), parties);
    }

    [Fact]
    public async Task Adoption_RecordedByThePartysOwnOfficial_PutsTheAgreementInForce_AndIsAudited()
    {
        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        var (agreementId, parties) = await VastmanlandAgreementAsync(official);

        // A party official cannot act for another party, nor anyone for another county.
        (await official.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/adoptions",
            new { partyId = parties["Sala"], decidedOn = "2026-10-20", reference = "KF 2026-10-20 § 1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var otherCounty = await factory.ApiClientAsync("sekretariat.vasterbotten");
        (await otherCounty.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/adoptions",
            new { partyId = parties["Västerås"], decidedOn = "2026-10-20", reference = "KF 2026-10-20 § 1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var created = await official.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/adoptions",
            new { partyId = parties["Västerås"], decidedOn = "2026-10-20", reference = "KF 2026-10-20 § 214" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var agreement = await official.GetJsonAsync($"/api/v1/agreements/{agreementId}");
        agreement.Str("status").ShouldBe("InForce");
        agreement.GetProperty("adoptedCount").GetInt32().ShouldBe(11);

        var twice = await official.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/adoptions",
            new { partyId = parties["Västerås"], decidedOn = "2026-10-21", reference = "KF 2026-10-21 § 1" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await twice.JsonAsync();
        problem.Str("detail").ShouldBe("Västerås har redan ett registrerat antagandebeslut.");
        problem.Str("rule").ShouldBe("AdoptionTwice");

        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var audit = (await secretariat.GetJsonAsync("/api/v1/counties/19/audit?entityType=Adoption&user=tjansteperson.vasteras")).EnumerateArray().ToList();
        var entry = audit.ShouldHaveSingleItem();
        entry.Str("action").ShouldBe("Added");
        entry.GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.Str("after").ShouldContain("KF 2026-10-20 § 214");
    }

    [Fact]
    public async Task Adoption_WithMissingFields_Is400WithEveryFieldNamedInSwedish()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");
        var (agreementId, _) = await VastmanlandAgreementAsync(client);

        var response = await client.PostAsJsonAsync($"/api/v1/agreements/{agreementId}/adoptions", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.GetProperty("partyId")[0].GetString().ShouldStartWith("Ange vilken part");
        errors.GetProperty("decidedOn")[0].GetString()!.ShouldContain("beslutsdatum");
        errors.GetProperty("reference")[0].GetString()!.ShouldContain("KF 2023-03-27 § 45");
    }

    [Fact]
    public async Task Adoption_DecidedInTheFuture_Is422AndNothingIsSaved()
    {
        using var client = await factory.ApiClientAsync("sekretariat.varmland");
        var summary = (await client.GetJsonAsync("/api/v1/counties/17/agreements")).EnumerateArray().Single();
        var before = await client.GetJsonAsync($"/api/v1/agreements/{summary.Str("id")}");
        var amendmentFree = before.GetProperty("parties")[0].Str("partyId");

        var response = await client.PostAsJsonAsync($"/api/v1/agreements/{summary.Str("id")}/adoptions",
            new { partyId = amendmentFree, decidedOn = "2027-01-15", reference = "RF 2027-01-15 § 1" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).Str("detail").ShouldBe("Beslutsdatumet kan inte ligga i framtiden.");
        var after = await client.GetJsonAsync($"/api/v1/agreements/{summary.Str("id")}");
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task EndingAMunicipalSeat_MakesTheSrbCompositionInvalid_AndOnlyTheSecretariatMayDoIt()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srbId = (await secretariat.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var body = await secretariat.GetJsonAsync($"/api/v1/bodies/{srbId}");
        var kungsor = body.GetProperty("members").EnumerateArray().First(m => m.Str("appointingParty") == "Kungsör" && m.Str("side") == "Opposition");
        var url = $"/api/v1/bodies/{srbId}/memberships/{kungsor.Str("membershipId")}/end";

        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        (await official.PostAsJsonAsync(url, new { on = "2026-11-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await secretariat.PostAsJsonAsync(url, new { on = "2026-11-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var check = await secretariat.GetJsonAsync($"/api/v1/bodies/{srbId}/composition-check");
        check.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var rules = check.GetProperty("violations").EnumerateArray().Select(v => v.Str("rule")).ToList();
        rules.ShouldContain("MunicipalitySeats");
        rules.ShouldContain("MunicipalityOpposition");
        check.GetProperty("violations").EnumerateArray().First(v => v.Str("rule") == "MunicipalitySeats").Str("message")
            .ShouldBe("Kungsör har utsett 1 ledamöter men ska utse två.");

        // Appointing a successor restores it.
        var people = (await secretariat.GetJsonAsync("/api/v1/counties/19/people")).EnumerateArray().ToList();
        var members = body.GetProperty("members").EnumerateArray().Select(m => m.Str("personId")).ToHashSet();
        var newcomer = people.First(p => !members.Contains(p.Str("id")));
        var appointed = await secretariat.PostAsJsonAsync($"/api/v1/bodies/{srbId}/memberships", new
        {
            personId = newcomer.Str("id"),
            appointingPartyId = kungsor.Str("appointingPartyId"),
            role = "Member",
            politicalParty = "SD",
            side = "Opposition",
            office = "OppositionLeader",
            from = "2026-11-02",
            to = "2026-12-31",
        });
        appointed.StatusCode.ShouldBe(HttpStatusCode.Created, await appointed.Content.ReadAsStringAsync());
        (await secretariat.GetJsonAsync($"/api/v1/bodies/{srbId}/composition-check")).GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Substitute_ToTheSrb_Is422CitingTheRule()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srbId = (await secretariat.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");
        var parties = (await secretariat.GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().ToList();
        var people = (await secretariat.GetJsonAsync("/api/v1/counties/19/people")).EnumerateArray().ToList();

        var response = await secretariat.PostAsJsonAsync($"/api/v1/bodies/{srbId}/memberships", new
        {
            personId = people[0].Str("id"),
            appointingPartyId = parties[0].Str("id"),
            role = "Substitute",
            from = "2026-11-02",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.JsonAsync();
        problem.Str("rule").ShouldBe("NoSubstitutes");
        problem.Str("detail").ShouldBe("Strategisk regional beredning har inga ersättare.");
    }

    [Fact]
    public async Task AuditLog_IsAppendOnly()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.FirstAsync();
        entry.After = "{}";

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Token_WithWrongPassword_Is401_AndFiveFailuresHoldBackThatAddressForThatName()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tjansteperson.karlstad", password = "fel-lösenord" });
            failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await failed.JsonAsync()).Str("detail").ShouldBe("Fel användarnamn eller lösenord.");
        }

        var held = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "tjansteperson.karlstad", password = Web.Demo.DemoData.Password });

        held.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await held.JsonAsync()).Str("detail").ShouldBe("För många misslyckade inloggningar från din adress. Vänta 15 minuter och försök igen.");
    }

    [Fact]
    public async Task Api_WithoutToken_Is401_AndCookiesDoNotOpenTheApi()
    {
        using var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/api/v1/counties/19/parties")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var browser = await factory.PageClientAsync("sekretariat.vastmanland");
        (await browser.GetAsync("/api/v1/counties/19/parties")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteWriteApiTests(SqliteFactory factory) : WriteApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWriteApiTests(PostgresFactory factory) : WriteApiTests(factory), IClassFixture<PostgresFactory>;
