using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Domain.Counties;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Counties;

/// <summary>
/// Issue 18 through the API, on both engines: a county that is not in the seeds (21, Gävleborg) sets itself up — the
/// county, its parties from SCB's list with their details, an agreement drafted, adopted and corrected, and a body with
/// rules of its own — and is judged by its own rules, not by a seed county's.
/// </summary>
public abstract class NewCountySetupTests(SamverkanFactory factory)
{
    private static string OrgNo(int seed)
    {
        var nine = $"212{seed:000000}";
        return $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(expected, json.ToString());
        return json;
    }

    [Fact]
    public async Task Gavleborg_SetsItselfUp_AndIsJudgedByItsOwnRules()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var county = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties", new { code = "21" }), HttpStatusCode.Created);
        county.Str("name").ShouldBe("Gävleborgs län");
        (await admin.PostAsJsonAsync("/api/v1/counties", new { code = "21" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var parties = (await OkAsync(await admin.PostAsync("/api/v1/counties/21/parties/from-reference", null), HttpStatusCode.Created)).EnumerateArray().ToList();
        parties.Select(p => p.Str("name")).Order(StringComparer.Ordinal).ShouldBe(
            ["Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker", "Region Gävleborg", "Sandviken", "Söderhamn"]);
        (await OkAsync(await admin.PostAsync("/api/v1/counties/21/parties/from-reference", null), HttpStatusCode.Created)).GetArrayLength().ShouldBe(0);

        // A municipality of another county, by its code: refused with where it belongs.
        var stranger = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/parties",
            new { kind = "Municipality", name = "Västerås", municipalityCode = "1980" }), HttpStatusCode.BadRequest);
        stranger.GetProperty("errors").GetProperty("municipalityCode")[0].GetString().ShouldBe("Kommunkoden 1980 (Västerås) hör till Västmanlands län, inte till Gävleborgs län.");

        var gavle = parties.Single(p => p.Str("name") == "Gävle");
        var badNumber = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/parties/{gavle.Str("id")}", new
        {
            name = "Gävle", organisationNumber = "212000-2720", councilName = "Kommunfullmäktige", executiveBoardName = "Kommunstyrelsen", registryEmail = "inte-en-adress",
        }), HttpStatusCode.BadRequest);
        badNumber.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(["organisationNumber", "registryEmail"]);

        var seed = 0;
        foreach (var party in parties)
        {
            var updated = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/parties/{party.Str("id")}", new
            {
                name = party.Str("name"), organisationNumber = OrgNo(++seed), councilName = party.Str("councilName"), executiveBoardName = party.Str("executiveBoardName"),
                registryEmail = $"registrator{seed}@example.org", version = party.GetProperty("version").GetInt32(),
            }), HttpStatusCode.OK);
            updated.Str("organisationNumber").ShouldBe(OrgNo(seed));
        }

        // A form read before the change above: its version is stale.
        (await admin.PutAsJsonAsync($"/api/v1/parties/{gavle.Str("id")}", new
        {
            name = "Gävle kommun", councilName = "Kommunfullmäktige", executiveBoardName = "Kommunstyrelsen", version = gavle.GetProperty("version").GetInt32(),
        })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The agreement: a draft, rewritten, adopted by the region, the adoption struck as recorded in error.
        var draft = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/agreements",
            new { title = "Samverkansavtal Gävleborg", text = "§ 1 Parter\n\n§ 4 Ekonomi\nKostnaderna fördelas efter folkmängd.", validFrom = "2027-01-01" }), HttpStatusCode.Created);
        draft.Str("status").ShouldBe("Draft");
        draft.GetProperty("parties").GetArrayLength().ShouldBe(11);
        draft.GetProperty("editableDraft").GetBoolean().ShouldBeTrue();
        var agreement = draft.Str("id");
        var rewritten = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/agreements/{agreement}", new
        {
            title = "Överenskommelse om regional samverkan i Gävleborg", text = draft.Str("text"), validFrom = "2027-01-01", caseNumber = "RG 2026-77",
        }), HttpStatusCode.OK);
        rewritten.Str("title").ShouldBe("Överenskommelse om regional samverkan i Gävleborg");
        rewritten.Str("caseNumber").ShouldBe("RG 2026-77");

        var region = parties.Single(p => p.Str("kind") == "Region").Str("id");
        var adoption = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/agreements/{agreement}/adoptions",
            new { partyId = region, decidedOn = "2026-11-20", reference = "RF 2026-11-20 § 12" }), HttpStatusCode.Created);
        var adopted = await admin.GetJsonAsync($"/api/v1/agreements/{agreement}");
        adopted.GetProperty("editableDraft").GetBoolean().ShouldBeFalse();
        (await admin.PutAsJsonAsync($"/api/v1/agreements/{agreement}", new { title = "Ny rubrik", text = "Text", validFrom = "2027-01-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var noReason = await OkAsync(await admin.DeleteAsync($"/api/v1/agreements/{agreement}/adoptions/{adoption.Str("id")}"), HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").GetProperty("reason").GetArrayLength().ShouldBe(1);
        var struck = await OkAsync(await admin.DeleteAsync($"/api/v1/agreements/{agreement}/adoptions/{adoption.Str("id")}?reason=Registrerat%20före%20beslutet"),
            HttpStatusCode.OK);
        struck.GetProperty("adoptedCount").GetInt32().ShouldBe(0);
        struck.GetProperty("editableDraft").GetBoolean().ShouldBeTrue();
        var kept = struck.GetProperty("struckAdoptions").EnumerateArray().Single();
        (kept.Str("reference"), kept.Str("reason"), kept.Str("partyId")).ShouldBe(("RF 2026-11-20 § 12", "Registrerat före beslutet", region));

        // A body with rules of the county's own: one member per municipality and three from the region.
        var council = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/bodies", new
        {
            name = "Regionalt samverkansråd", shortName = "RSR", kind = "StrategicRegionalCommittee", agreementId = agreement,
            rules = new
            {
                minMembers = 13, maxMembers = 13, allowsSubstitutes = false, minMeetingsPerYear = 4, noticeDays = 10, seatsPerMunicipality = 1,
                municipalExecutiveBoardChair = true, regionMinSeats = 3, regionMaxSeats = 3, mandatoryTopics = new[] { "Regional utvecklingsstrategi", "Kollektivtrafik" },
            },
        }), HttpStatusCode.Created);
        council.GetProperty("rules").GetProperty("noticeDaysBefore").GetInt32().ShouldBe(10);
        council.Str("agreementId").ShouldBe(agreement);
        var check = await admin.GetJsonAsync($"/api/v1/bodies/{council.Str("id")}/composition-check");
        var violations = check.GetProperty("violations").EnumerateArray().Select(v => (Rule: v.Str("rule"), Message: v.Str("message"))).ToList();
        violations.GroupBy(v => v.Rule).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<string, int>
        {
            ["MemberCount"] = 1, ["MunicipalitySeats"] = 10, ["MunicipalityExecutiveBoardChair"] = 10, ["RegionMemberCount"] = 1,
        });
        violations.ShouldContain(("MunicipalitySeats", "Gävle har utsett 0 ledamöter men ska utse en."));
        violations.ShouldContain(("RegionMemberCount", "Regionen har utsett 0 ledamöter men ska utse 3."));
        var topics = await admin.GetJsonAsync($"/api/v1/bodies/{council.Str("id")}/mandatory-items");
        topics.EnumerateArray().Select(t => t.Str("topic")).ShouldBe(["Regional utvecklingsstrategi", "Kollektivtrafik"]);

        // A template whose members come from other bodies: the county has none of those bodies yet, so it must choose.
        var forum = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/bodies", new { name = "Samråd", kind = "ConsultationForum", template = "samradsforum" }),
            HttpStatusCode.BadRequest);
        forum.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["rules.membersFrom[0].bodyId", "rules.membersFrom[1].bodyId"]);

        // Rules changed later: a stale version is refused, incoherent rules name the field, good rules are read at once.
        var version = council.GetProperty("version").GetInt32();
        var incoherent = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/bodies/{council.Str("id")}/rules?version={version}", new { minMembers = 15, maxMembers = 13 }),
            HttpStatusCode.BadRequest);
        incoherent.GetProperty("errors").GetProperty("rules.maxMembers")[0].GetString().ShouldBe("Högsta antalet ledamöter (13) kan inte vara mindre än det lägsta (15).");
        await OkAsync(await admin.PutAsJsonAsync($"/api/v1/bodies/{council.Str("id")}/rules?version={version}", new { minMembers = 1, noticeDays = 5 }), HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/api/v1/bodies/{council.Str("id")}/rules?version={version}", new { minMembers = 2 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var relaxed = await admin.GetJsonAsync($"/api/v1/bodies/{council.Str("id")}/composition-check");
        relaxed.GetProperty("violations").EnumerateArray().Select(v => v.Str("rule")).ShouldBe(["MemberCount"]);

        // The regional board by party, and a rule that reads it: every party of the board has a member.
        var badBoard = await OkAsync(await admin.PutAsJsonAsync("/api/v1/counties/21/board-seats", new
        {
            seats = new object[] { new { politicalParty = "S", seats = 6, side = "Majority" }, new { politicalParty = "XX", seats = 2, side = "Opposition" }, new { politicalParty = "M", seats = 4 } },
        }), HttpStatusCode.BadRequest);
        badBoard.GetProperty("errors").EnumerateObject().Select(e => (e.Name, e.Value[0].GetString())).ShouldBe(
            [("seats[1].politicalParty", "Rad 2: partiet XX finns inte bland installationens partier."), ("seats[2].side", "M: ange om partiet hör till majoriteten eller oppositionen.")]);
        (await admin.GetJsonAsync("/api/v1/counties/21/board-seats")).GetArrayLength().ShouldBe(0);
        var board = await OkAsync(await admin.PutAsJsonAsync("/api/v1/counties/21/board-seats", new
        {
            seats = new object[] { new { politicalParty = "S", seats = 6, side = "Majority" }, new { politicalParty = "M", seats = 4, side = "Opposition" } },
        }), HttpStatusCode.OK);
        board.EnumerateArray().Select(b => (b.Str("politicalParty"), b.GetProperty("seats").GetInt32(), b.Str("side"))).ShouldBe([("S", 6, "Majority"), ("M", 4, "Opposition")]);
        await OkAsync(await admin.PutAsJsonAsync($"/api/v1/bodies/{council.Str("id")}/rules", new { minMembers = 1, noticeDays = 5, everyBoardPartyRepresented = true }),
            HttpStatusCode.OK);
        var represented = await admin.GetJsonAsync($"/api/v1/bodies/{council.Str("id")}/composition-check");
        represented.GetProperty("violations").EnumerateArray().Where(v => v.Str("rule") == "BoardPartiesRepresented").Select(v => v.Str("message")).Order(StringComparer.Ordinal)
            .ShouldBe(["Moderaterna finns i regionstyrelsen men har ingen ledamot i Regionalt samverkansråd.", "Socialdemokraterna finns i regionstyrelsen men har ingen ledamot i Regionalt samverkansråd."]);

        // The case register: a series and a flow template of the county's own, and a case that adopts the agreement.
        await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/case-series", new { code = "RG", name = "Region Gävleborg" }), HttpStatusCode.Created);
        var twice = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/case-series", new { code = "rg" }), HttpStatusCode.BadRequest);
        twice.GetProperty("errors").GetProperty("code")[0].GetString().ShouldBe("Länet har redan serien RG.");
        var nullStep = await OkAsync(await admin.PostAsync("/api/v1/counties/21/flow-templates",
            new StringContent("""{"name":"Tom","steps":[null,{"everyPartyCouncil":true,"role":"Decide","dueAfterDays":2147483647}]}""", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        nullStep.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["steps[0]", "steps[1].dueAfterDays"]);
        (await admin.GetAsync("/api/v1/counties/21/cases?page=2147483647")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var nulCode = await OkAsync(await admin.PostAsync("/api/v1/counties/21/case-series",
            new StringContent("""{"code":"R\u0000UN"}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        nulCode.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["code"]);
        var template = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/flow-templates", new
        {
            name = "Överenskommelsens antagande (RSR → varje fullmäktige)",
            steps = new object[] { new { bodyId = council.Str("id"), role = "Prepare" }, new { everyPartyCouncil = true, role = "Decide" } },
        }), HttpStatusCode.Created);
        var strangerCase = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/cases", new { series = "RG", title = "Fel", kind = "Internal", agreementId = agreement }),
            HttpStatusCode.BadRequest);
        strangerCase.GetProperty("errors").GetProperty("agreementId")[0].GetString().ShouldBe("Bara ett ärende av typen överenskommelse gäller en överenskommelse.");
        var registered = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/cases",
            new { series = "RG", title = "Överenskommelse om regional samverkan i Gävleborg", kind = "Agreement", agreementId = agreement }), HttpStatusCode.Created);
        registered.Str("caseNumber").ShouldBe("RG 1-2026");
        registered.Str("agreementId").ShouldBe(agreement);
        var caseId = registered.Str("id");
        var flow = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/cases/{caseId}/flow", new { templateId = template.Str("id") }), HttpStatusCode.OK);
        var steps = flow.GetProperty("steps").EnumerateArray().Select(x => x.Str("id")).ToList();
        await OkAsync(await admin.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps/{steps[0]}/outcome",
            new { outcome = "Prepared", decidedOn = "2026-11-10", reference = "RSR 2026-11-10 § 3" }), HttpStatusCode.OK);

        // Gävle's adoption on the agreement is Gävle's decision in the case; struck as recorded in error, it is gone from both.
        var gavlesAdoption = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/agreements/{agreement}/adoptions",
            new { partyId = gavle.Str("id"), decidedOn = "2026-11-16", reference = "KF 2026-11-16 § 101" }), HttpStatusCode.Created);
        JsonElement GavleInCase(JsonElement c) => c.GetProperty("steps")[1].GetProperty("parties").EnumerateArray().Single(x => x.Str("partyId") == gavle.Str("id"));
        var inCase = GavleInCase(await admin.GetJsonAsync($"/api/v1/cases/{caseId}"));
        (inCase.Str("outcome"), inCase.Str("reference")).ShouldBe(("Adopted", "KF 2026-11-16 § 101"));
        await OkAsync(await admin.DeleteAsync($"/api/v1/agreements/{agreement}/adoptions/{gavlesAdoption.Str("id")}?reason=Fel%20kommun"), HttpStatusCode.OK);
        var afterStrike = await admin.GetJsonAsync($"/api/v1/cases/{caseId}");
        GavleInCase(afterStrike).GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        afterStrike.GetProperty("steps")[1].Str("status").ShouldBe("Waiting");
        afterStrike.GetProperty("steps")[1].GetProperty("parties").EnumerateArray().Count(x => x.GetProperty("outcome").ValueKind != JsonValueKind.Null).ShouldBe(0);

        // A supplement that sets up a fund: added, adopted by every council, then the fund under it with its own criteria.
        var noTitle = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/agreements/{agreement}/supplements", new { description = "x", validFrom = "2026-01-01" }),
            HttpStatusCode.BadRequest);
        noTitle.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(["title", "validFrom"]);
        var withSupplement = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/agreements/{agreement}/supplements",
            new { title = "Tillägg om regional utvecklingsfond", description = "Parterna avsätter medel till en gemensam fond.", validFrom = "2027-01-01" }), HttpStatusCode.Created);
        var supplement = withSupplement.GetProperty("supplements").EnumerateArray().Single().Str("id");
        foreach (var party in parties)
        {
            await OkAsync(await admin.PostAsJsonAsync($"/api/v1/agreements/{agreement}/adoptions",
                new { partyId = party.Str("id"), decidedOn = "2026-11-18", reference = $"KF 2026-11-18 § {party.Str("name").Length}", supplementId = supplement }), HttpStatusCode.Created);
        }

        var fund = await OkAsync(await admin.PostAsJsonAsync("/api/v1/counties/21/funds", new
        {
            supplementId = supplement, name = "Gävleborgs utvecklingsfond", openedOn = "2027-01-01", decidingPartyId = region,
            sources = new[] { new { name = "Region Gävleborg", amount = 2_000_000m }, new { name = "Kommunerna", amount = 2_000_000m } },
            criteria = new[] { "Gynnar hela länet", "Medfinansiering finns" },
        }), HttpStatusCode.Created);
        fund.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Gynnar hela länet", "Medfinansiering finns"]);
    }

    [Fact]
    public async Task IdsInTheBody_AreCheckedAgainstTheCounty()
    {
        using var vastmanland = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var vasterbotten = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var foreignBody = (await vasterbotten.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().First().Str("id");
        var foreignAgreement = (await vasterbotten.GetJsonAsync("/api/v1/counties/24/agreements")).EnumerateArray().First().Str("id");
        var foreignParty = (await vasterbotten.GetJsonAsync("/api/v1/counties/24/parties")).EnumerateArray().First().Str("id");

        var refused = await OkAsync(await vastmanland.PostAsJsonAsync("/api/v1/counties/19/bodies", new
        {
            name = "Arbetsgrupp", kind = "OfficialsGroup", agreementId = foreignAgreement, ownerPartyId = foreignParty, parentBodyId = foreignBody,
            rules = new { membersFrom = new[] { new { bodyId = foreignBody, count = 2 } } },
        }), HttpStatusCode.BadRequest);
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["agreementId", "ownerPartyId", "parentBodyId", "rules.membersFrom[0].bodyId"]);

        (await vastmanland.PostAsJsonAsync("/api/v1/counties/24/bodies", new { name = "Intrång", kind = "OfficialsGroup" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await vastmanland.PostAsJsonAsync("/api/v1/counties/24/agreements", new { title = "Intrång", text = "x", validFrom = "2027-01-01" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await vastmanland.PutAsJsonAsync($"/api/v1/parties/{foreignParty}", new { name = "Intrång", councilName = "KF", executiveBoardName = "KS" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await vastmanland.PostAsJsonAsync("/api/v1/counties", new { code = "21" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var mixed = await OkAsync(await vastmanland.PostAsJsonAsync("/api/v1/counties/19/agreements",
            new { title = "Blandat", text = "x", validFrom = "2027-01-01", partyIds = new[] { foreignParty } }), HttpStatusCode.BadRequest);
        mixed.GetProperty("errors").GetProperty("partyIds")[0].GetString().ShouldBe("En eller flera av parterna (partyIds) finns inte i länet.");
    }
}

public sealed class SqliteNewCountySetupTests(SqliteFactory factory) : NewCountySetupTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNewCountySetupTests(PostgresFactory factory) : NewCountySetupTests(factory), IClassFixture<PostgresFactory>;
