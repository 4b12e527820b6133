using System.Net;
using System.Text.Json;
using Samverkan.Domain.Counties;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Features;

/// <summary>The read side of the API contract on the demo data, run on SQLite and on PostgreSQL.</summary>
public abstract class ReadApiTests(SamverkanFactory factory)
{
    [Fact]
    public async Task Health_LiveAndReady_Answer200()
    {
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Counties_ArePublic_AndListTheThreeCounties()
    {
        using var client = factory.CreateClient();

        var counties = await client.GetJsonAsync("/api/v1/counties");

        counties.EnumerateArray().Select(c => (c.Str("code"), c.Str("name"))).ShouldBe(
            [("17", "Värmlands län"), ("19", "Västmanlands län"), ("24", "Västerbottens län")]);
    }

    [Fact]
    public async Task Parties_OfVastmanland_AreTheRegionAndTenMunicipalitiesWithValidOrganisationNumbers()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");

        var parties = (await client.GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().ToList();

        parties.Count.ShouldBe(11);
        parties[0].Str("kind").ShouldBe("Region");
        parties[0].Str("name").ShouldBe("Region Västmanland");
        var vasteras = parties.Single(p => p.Str("name") == "Västerås");
        vasteras.Str("municipalityCode").ShouldBe("1980");
        // The latest figure is the demo projection for 2025 (labelled as a demo value); SCB's 2021 figure was 156 838.
        vasteras.GetProperty("populationYear").GetInt32().ShouldBe(2025);
        vasteras.GetProperty("population").GetInt32().ShouldBe(159363);
        parties.ShouldAllBe(p => OrganisationNumber.IsValid(p.GetProperty("organisationNumber").GetString()));
        parties.ShouldAllBe(p => p.GetProperty("id").GetString()!.Length == 36);
    }

    [Fact]
    public async Task Agreement_OfVastmanland_IsAdoptingWithTenOfElevenAndVasterasPending()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");

        var agreements = await client.GetJsonAsync("/api/v1/counties/19/agreements");
        var summary = agreements.EnumerateArray().Single();
        summary.Str("status").ShouldBe("Adopting");
        summary.GetProperty("adoptedCount").GetInt32().ShouldBe(10);
        summary.GetProperty("partyCount").GetInt32().ShouldBe(11);

        var agreement = await client.GetJsonAsync($"/api/v1/agreements/{summary.Str("id")}");
        var parties = agreement.GetProperty("parties").EnumerateArray().ToList();
        parties.Count.ShouldBe(11);
        parties.Single(p => p.Str("name") == "Västerås").GetProperty("adoption").ValueKind.ShouldBe(JsonValueKind.Null);
        var arboga = parties.Single(p => p.Str("name") == "Arboga").GetProperty("adoption");
        arboga.Str("reference").ShouldStartWith("KF ");
        arboga.Str("decidedOn").ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
    }

    [Fact]
    public async Task Agreements_OfVasterbottenAndVarmland_AreInForce_WithTheSharedFundSupplement()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var vasterbotten = (await admin.GetJsonAsync("/api/v1/counties/24/agreements")).EnumerateArray().Single();
        vasterbotten.Str("status").ShouldBe("InForce");
        vasterbotten.Str("caseNumber").ShouldBe("RS 759-2022");
        vasterbotten.Str("validTo").ShouldBe("2026-12-31");
        vasterbotten.GetProperty("partyCount").GetInt32().ShouldBe(16);

        var varmland = (await admin.GetJsonAsync("/api/v1/counties/17/agreements")).EnumerateArray().Single();
        varmland.Str("title").ShouldBe("Samverkansavtal Värmland");
        var details = await admin.GetJsonAsync($"/api/v1/agreements/{varmland.Str("id")}");
        details.GetProperty("supplements").EnumerateArray().Single().Str("title").ShouldContain("gemensamma resurserna");
    }

    [Fact]
    public async Task Srb_OfVastmanland_Has26MembersAndAValidComposition()
    {
        using var client = await factory.ApiClientAsync("ledamot.srb");

        var bodies = (await client.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().ToList();
        bodies.Select(b => b.Str("kind")).ShouldBe(["StrategicRegionalCommittee", "CollaborationGroup", "OfficialsGroup"], ignoreOrder: true);
        var srb = bodies.Single(b => b.Str("kind") == "StrategicRegionalCommittee");
        srb.GetProperty("memberCount").GetInt32().ShouldBe(26);

        var body = await client.GetJsonAsync($"/api/v1/bodies/{srb.Str("id")}");
        var members = body.GetProperty("members").EnumerateArray().ToList();
        members.Count(m => m.Str("role") != "CoOptedExpert").ShouldBe(26);
        members.Count(m => m.Str("role") == "CoOptedExpert").ShouldBe(1);
        members.First().Str("role").ShouldBe("Chair");
        body.GetProperty("rules").GetProperty("allowsSubstitutes").GetBoolean().ShouldBeFalse();

        var check = await client.GetJsonAsync($"/api/v1/bodies/{srb.Str("id")}/composition-check");
        check.GetProperty("violations").GetArrayLength().ShouldBe(0, check.ToString());
        check.GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Bodies_OfVasterbottenAndVarmland_AreThoseOfTheSeeds()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var vasterbotten = (await admin.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().ToList();
        vasterbotten.Select(b => b.Str("shortName")).ShouldBe(["RUN", "RUN AU", "PKB", "PKD", "PKD AU", "RS AU", "RF", "Samråd"], ignoreOrder: true);
        vasterbotten.Single(b => b.Str("shortName") == "Samråd").GetProperty("memberCount").GetInt32().ShouldBe(13);
        vasterbotten.Single(b => b.Str("shortName") == "PKD AU").GetProperty("memberCount").GetInt32().ShouldBe(7);

        var varmland = (await admin.GetJsonAsync("/api/v1/counties/17/bodies")).EnumerateArray().ToList();
        varmland.Select(b => b.Str("shortName")).ShouldBe(["VR", "VRAU", "VRAG"], ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApiDocument_IsPublic_AndDescribesTheContract()
    {
        using var client = factory.CreateClient();

        var document = await client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldContain("/api/v1/agreements/{id}/adoptions");
        paths.ShouldContain("/api/v1/bodies/{id}/composition-check");
        paths.ShouldContain("/api/v1/auth/token");
        document.GetProperty("info").Str("description").ShouldContain(Samverkan.Web.Infrastructure.BearerSecurityTransformer.EnumSpelling);
        (await client.GetAsync("/api/docs/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheFavicon_IsServed_SoNoPageCausesA404()
    {
        using var client = factory.CreateClient();
        var icon = await client.GetAsync("/favicon.ico");
        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        bytes[..4].ShouldBe(new byte[] { 0, 0, 1, 0 }, "an ICO file's header");
        (await client.GetStringAsync("/")).ShouldContain("<link rel=\"icon\" href=\"/favicon.ico\"");
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/account/login");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task UnknownAgreement_Is404ProblemDetailsInSwedish()
    {
        using var client = await factory.ApiClientAsync("sekretariat.vastmanland");

        var response = await client.GetAsync($"/api/v1/agreements/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).Str("detail").ShouldBe("Överenskommelsen finns inte.");
    }
}

public sealed class SqliteReadApiTests(SqliteFactory factory) : ReadApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresReadApiTests(PostgresFactory factory) : ReadApiTests(factory), IClassFixture<PostgresFactory>;
