using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Cases;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Cases;

/// <summary>Cases, flows and referrals end to end through the API (issue 9), on SQLite and on PostgreSQL, each test with its own database.</summary>
public abstract class CasesApiTests(DatabaseProvider provider)
{
    private const string Secretariat = "sekretariat.vasterbotten";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<Dictionary<string, string>> BodiesAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().ToDictionary(b => b.Str("shortName"), b => b.Str("id"));

    [Fact]
    public async Task TheAgreementsOwnChain_RS759_2022_RunsFromPkbToRf_AndIsComplete()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var found = await client.GetJsonAsync("/api/v1/counties/24/cases?q=rs%20759");
        found.GetProperty("total").GetInt32().ShouldBe(1);
        var row = found.GetProperty("items")[0];
        row.Str("caseNumber").ShouldBe("RS 759-2022");
        row.Str("kind").ShouldBe("Agreement");
        row.Str("status").ShouldBe("Closed");
        (await client.GetJsonAsync("/api/v1/counties/24/cases?q=rs%20%20759-2022")).GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ShouldBe([row.Str("id")],
            "a whole case number, in any case and spacing");

        var chain = await client.GetJsonAsync($"/api/v1/cases/{row.Str("id")}");
        var steps = chain.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.Str("body")).ShouldBe(["PKB", "RUN", "Varje kommuns fullmäktige", "PKD", "RS AU", "RF"]);
        steps.Select(s => s.Str("reference")).ShouldBe(["PKB 2022-03-23 § 22", "RUN 2022-04-13 § 73", "Alla 15 kommuners fullmäktige har beslutat",
            "PKD 2022-09-01 § 52", "RS AU 2022-10-18 § 192", "RF 2022-11-22 § 110"]);
        steps.ShouldAllBe(s => s.GetProperty("status").GetString() == "Done");
        var councils = steps[2].GetProperty("parties").EnumerateArray().ToList();
        councils.Count.ShouldBe(15);
        councils.ShouldAllBe(p => p.GetProperty("outcome").GetString() == "Adopted");
        steps[2].Str("role").ShouldBe("Decide");
        steps[2].GetProperty("decides").GetBoolean().ShouldBeTrue();
        steps[0].GetProperty("decides").GetBoolean().ShouldBeFalse();
        chain.Str("decisionReference").ShouldBe("RF 2022-11-22 § 110");
    }

    [Fact]
    public async Task Registering_GivesTheNextNumberOfTheSeriesAndYear_AndBadInputA400PerField()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var numbers = new List<string>();
        foreach (var title in new[] { "Länstransportplan 2026–2037", "Kulturplan 2027–2030" })
        {
            numbers.Add((await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title, kind = "Strategy" }), HttpStatusCode.Created)).Str("caseNumber"));
        }

        numbers.Add((await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "run", title = "Agenda för kompetensförsörjning", kind = "Strategy" }),
            HttpStatusCode.Created)).Str("caseNumber"));
        // RS has no 2026 cases in the demo; RUN has two (the innovation strategy and the open referral).
        numbers.ShouldBe(["RS 1-2026", "RS 2-2026", "RUN 3-2026"]);

        var bad = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = " ", kind = "Strategy" }), HttpStatusCode.BadRequest);
        bad.GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("Ange ärendets rubrik.");
        var unknown = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "XYZ", title = "Något", kind = "Strategy" }), HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").GetProperty("series")[0].GetString().ShouldBe("Länet har ingen diarieserie \"XYZ\".");
        (await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = "Något", kind = "nonsense" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A withdrawn case keeps its number; the next case never reuses it.
        var id = (await client.GetJsonAsync("/api/v1/counties/24/cases?q=kulturplan")).GetProperty("items")[0].Str("id");
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/withdraw", new { reason = "Ersätts" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = "Regional digital agenda", kind = "Strategy" }),
            HttpStatusCode.Created)).Str("caseNumber").ShouldBe("RS 3-2026");
    }

    [Fact]
    public async Task TheRegister_IsSearchedByNumberTitleKindStatusBodyAndYear_AndPaged()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var bodies = await BodiesAsync(client);
        for (var n = 1; n <= 55; n++)
        {
            (await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = $"Intern fråga {n}", kind = "Internal", responsibleBodyId = bodies["RS AU"] }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var first = await client.GetJsonAsync("/api/v1/counties/24/cases?kind=internal");
        first.GetProperty("total").GetInt32().ShouldBe(55);
        first.GetProperty("items").GetArrayLength().ShouldBe(50);
        first.GetProperty("items")[0].Str("caseNumber").ShouldBe("RS 55-2026", "newest first");
        (await client.GetJsonAsync("/api/v1/counties/24/cases?kind=internal&page=2")).GetProperty("items").GetArrayLength().ShouldBe(5);
        (await client.GetJsonAsync("/api/v1/counties/24/cases?q=INTERN%20FRÅGA%207")).GetProperty("total").GetInt32().ShouldBe(1);
        (await client.GetJsonAsync($"/api/v1/counties/24/cases?bodyId={bodies["RS AU"]}&year=2026")).GetProperty("total").GetInt32().ShouldBe(55);
        (await client.GetJsonAsync("/api/v1/counties/24/cases?kind=referral&status=open")).GetProperty("total").GetInt32().ShouldBe(1);
        (await client.GetJsonAsync("/api/v1/counties/24/cases?year=2022")).GetProperty("items").EnumerateArray().Select(i => i.Str("caseNumber")).ShouldBe(["RS 759-2022"]);
    }

    [Fact]
    public async Task AFlowFromATemplate_IsHandledAtMeetings_AndTheCheckedMinutesRecordEachStepWithItsParagraph()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var bodies = await BodiesAsync(client);
        var template = (await client.GetJsonAsync("/api/v1/counties/24/flow-templates")).EnumerateArray().Single(t => t.Str("name").StartsWith("Extern remiss", StringComparison.Ordinal));
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RUN", title = "Skolbibliotek för bildning och utbildning", kind = "Internal" }),
            HttpStatusCode.Created);
        var caseId = created.Str("id");
        var withFlow = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/flow", new { templateId = template.Str("id") }), HttpStatusCode.OK);
        var steps = withFlow.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => (s.Str("body"), s.Str("role"), s.Str("status"))).ShouldBe([("Samråd", "Consult", "Waiting"), ("RUN", "Decide", "Pending")]);

        // The forum's step on the agenda of the forum's meeting, then minuted, signed and checked.
        var forumStep = steps[0].Str("id");
        var meeting = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/bodies/{bodies["Samråd"]}/meetings",
            new { startsAt = "2026-11-20T09:00:00+01:00", endsAt = "2026-11-20T12:00:00+01:00", location = "Regionens hus, Umeå" }), HttpStatusCode.Created);
        var meetingId = meeting.Str("id");
        var linked = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps/{forumStep}/agenda", new { meetingId }), HttpStatusCode.OK);
        var agendaItemId = linked.GetProperty("steps")[0].Str("agendaItemId");
        var agenda = (await client.GetJsonAsync($"/api/v1/meetings/{meetingId}")).GetProperty("agenda").EnumerateArray().Single();
        agenda.Str("caseReference").ShouldBe(created.Str("caseNumber"));

        (await client.PostAsync($"/api/v1/meetings/{meetingId}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var minutes = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/minutes/items",
            new { title = "Skolbibliotek för bildning och utbildning", decision = "Samrådet lämnar synpunkter till RUN.", kind = "Information", agendaItemId }), HttpStatusCode.Created);
        var paragraph = minutes.GetProperty("items")[0].GetProperty("paragraph").GetInt32();
        var (chair, checker) = await SeatAccountsAsync(factory, bodies["Samråd"]);
        (await client.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/minutes/checker", new { membershipId = checker })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var chairClient = await factory.ApiClientAsync("ordforande.samrad");
        using var checkerClient = await factory.ApiClientAsync("justerare.samrad");
        await ReadAsync(await chairClient.PostAsync($"/api/v1/meetings/{meetingId}/minutes/sign", null), HttpStatusCode.OK);
        await ReadAsync(await checkerClient.PostAsync($"/api/v1/meetings/{meetingId}/minutes/check", null), HttpStatusCode.OK);

        var after = await client.GetJsonAsync($"/api/v1/cases/{caseId}");
        var handled = after.GetProperty("steps")[0];
        handled.Str("status").ShouldBe("Done");
        handled.Str("outcome").ShouldBe("Advised");
        handled.GetProperty("paragraph").GetInt32().ShouldBe(paragraph);
        handled.Str("meetingId").ShouldBe(meetingId);
        handled.Str("reference").ShouldBe($"Samråd 2026-11-20 § {paragraph}");
        handled.Str("decidedOn").ShouldBe("2026-11-20");
        after.GetProperty("steps")[1].Str("status").ShouldBe("Waiting");

        // RUN decides; the last deciding step closes the case with its reference.
        var runStep = after.GetProperty("steps")[1].Str("id");
        var wrong = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps/{runStep}/outcome", new { outcome = "Noted", decidedOn = "2026-11-21" }),
            HttpStatusCode.UnprocessableEntity);
        wrong.Str("rule").ShouldBe("OnlyDecidingStepDecides");
        var done = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps/{runStep}/outcome",
            new { outcome = "Adopted", decidedOn = "2026-11-21", reference = "RUN 2026-11-21 § 104" }), HttpStatusCode.OK);
        done.Str("status").ShouldBe("Closed");
        done.Str("decisionReference").ShouldBe("RUN 2026-11-21 § 104");
    }

    /// <summary>Gives the forum's chair and another member accounts of their own, as the secretariat would invite them.</summary>
    private static async Task<(string Chair, string Checker)> SeatAccountsAsync(SamverkanFactory factory, string forumId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var body = await db.Bodies.Include(b => b.Memberships).SingleAsync(b => b.Id == Guid.Parse(forumId));
        var chair = body.Memberships.Single(m => m.Role == Samverkan.Domain.Bodies.MembershipRole.Chair);
        var checker = body.Memberships.First(m => m.Role == Samverkan.Domain.Bodies.MembershipRole.Member);
        foreach (var (name, seat) in new[] { ("ordforande.samrad", chair), ("justerare.samrad", checker) })
        {
            var user = new AppUser { UserName = name, DisplayName = name, CountyId = body.CountyId, MembershipId = seat.Id };
            (await users.CreateAsync(user, Web.Demo.DemoData.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Member)).Succeeded.ShouldBeTrue();
        }

        return (chair.Id.ToString(), checker.Id.ToString());
    }

    [Fact]
    public async Task APartysOfficial_RecordsTheirOwnCouncilsDecision_NeverAnothers_AndTheStepCompletesWithTheLast()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var secretariat = await factory.ApiClientAsync(Secretariat);
        using var umea = await factory.ApiClientAsync("tjansteperson.umea");
        var id = (await secretariat.GetJsonAsync("/api/v1/counties/24/cases?q=innovationsstrategi")).GetProperty("items")[0].Str("id");
        var step = (await secretariat.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("everyPartyCouncil").GetBoolean());
        var waiting = step.GetProperty("parties").EnumerateArray().Where(p => p.GetProperty("outcome").ValueKind == JsonValueKind.Null).ToDictionary(p => p.Str("partyName"), p => p.Str("partyId"));
        waiting.Keys.Order().ShouldBe(["Sorsele", "Storuman", "Umeå"]);
        var url = $"/api/v1/cases/{id}/steps/{step.Str("id")}/outcome";

        (await umea.PostAsJsonAsync(url, new { outcome = "Adopted", decidedOn = "2026-11-16", reference = "KF 2026-11-16 § 201", partyId = waiting["Storuman"] }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var missing = await ReadAsync(await umea.PostAsJsonAsync(url, new { outcome = "Adopted", decidedOn = "2026-11-16", reference = "KF" }), HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("partyId")[0].GetString().ShouldBe("Välj vilken parts fullmäktige som har beslutat.");
        var mine = await ReadAsync(await umea.PostAsJsonAsync(url, new { outcome = "Adopted", decidedOn = "2026-11-16", reference = "KF 2026-11-16 § 201", partyId = waiting["Umeå"] }),
            HttpStatusCode.OK);
        mine.GetProperty("steps").EnumerateArray().Single(s => s.Str("id") == step.Str("id")).Str("status").ShouldBe("Waiting");
        var twice = await ReadAsync(await umea.PostAsJsonAsync(url, new { outcome = "Adopted", decidedOn = "2026-11-16", reference = "KF 2026-11-16 § 201", partyId = waiting["Umeå"] }),
            HttpStatusCode.Conflict);
        twice.Str("rule").ShouldBe("CouncilDecisionTwice");

        await ReadAsync(await secretariat.PostAsJsonAsync(url, new { outcome = "Adopted", decidedOn = "2026-11-17", reference = "KF 2026-11-17 § 88", partyId = waiting["Storuman"] }),
            HttpStatusCode.OK);
        var last = await ReadAsync(await secretariat.PostAsJsonAsync(url, new { outcome = "Adopted", decidedOn = "2026-11-18", reference = "KF 2026-11-18 § 54", partyId = waiting["Sorsele"] }),
            HttpStatusCode.OK);
        var completed = last.GetProperty("steps").EnumerateArray().Single(s => s.Str("id") == step.Str("id"));
        completed.Str("status").ShouldBe("Done");
        completed.Str("outcome").ShouldBe("Adopted");
        completed.Str("decidedOn").ShouldBe("2026-11-18");
        last.Str("status").ShouldBe("Closed");
    }

    [Fact]
    public async Task AnAdoptionRecordedInAnAgreementsCase_IsTheAgreementsAdoption()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var bodies = await BodiesAsync(client);
        var agreementId = (await client.GetJsonAsync("/api/v1/counties/24/agreements"))[0].Str("id");
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = "Ändring av överenskommelsen", kind = "Agreement" }),
            HttpStatusCode.Created);
        var caseId = created.Str("id");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == Guid.Parse(caseId));
            @case.ConcernsAgreement(Guid.Parse(agreementId));
            await db.SaveChangesAsync();
        }

        // Umeå's adoption is already on the agreement; a new agreement case's council step takes it from there, and the other way round.
        var step = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { everyPartyCouncil = true, municipalitiesOnly = true, role = "Decide" }),
            HttpStatusCode.Created);
        step.GetProperty("steps")[0].GetProperty("parties").GetArrayLength().ShouldBe(15);
        var regionStep = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { bodyId = bodies["Samråd"], role = "Decide" }),
            HttpStatusCode.UnprocessableEntity);
        regionStep.Str("rule").ShouldBe("AdvisoryNeverDecides");
    }

    [Fact]
    public async Task AReferralCloses_OnlyWhenItsReplyIsSent_NotWhenRunDecides()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/referrals", new
        {
            title = "Regional tillväxtpolitik", issuer = "Näringsdepartementet", issuerReference = "N2026/00777", receivedOn = "2026-10-01", replyBy = "2026-12-15",
        }), HttpStatusCode.Created);
        var id = created.Str("id");
        // The incoming referral is the case's first document.
        var first = created.GetProperty("documents").EnumerateArray().Single();
        (first.GetProperty("number").GetInt32(), first.Str("direction"), first.Str("counterpart"), first.Str("title"))
            .ShouldBe((1, "Incoming", "Näringsdepartementet", "Remiss N2026/00777: Regional tillväxtpolitik"));

        var template = (await client.GetJsonAsync("/api/v1/counties/24/flow-templates")).EnumerateArray().Single(t => t.Str("name") == "Extern remiss (samrådet → RUN)");
        var flow = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{id}/flow", new { templateId = template.Str("id") }), HttpStatusCode.OK);
        var steps = flow.GetProperty("steps").EnumerateArray().Select(x => x.Str("id")).ToList();
        await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{id}/steps/{steps[0]}/outcome", new { outcome = "Advised", decidedOn = "2026-11-05", reference = "Samråd 2026-11-05 § 4" }),
            HttpStatusCode.OK);
        var decided = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{id}/steps/{steps[1]}/outcome",
            new { outcome = "Adopted", decidedOn = "2026-11-18", reference = "RUN 2026-11-18 § 90" }), HttpStatusCode.OK);
        // RUN's decision makes the reply due; the referral stays open and unanswered until it is sent.
        decided.Str("status").ShouldBe("Open");
        decided.GetProperty("referral").GetProperty("replySentOn").ValueKind.ShouldBe(JsonValueKind.Null);
        (await client.GetJsonAsync("/api/v1/counties/24/referrals")).EnumerateArray().Single(r => r.Str("id") == id).Str("status").ShouldBe("Open");

        var replied = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/referrals/{id}/reply", new { sentOn = "2026-11-20" }), HttpStatusCode.OK);
        replied.Str("status").ShouldBe("Closed");
        replied.GetProperty("referral").Str("replySentOn").ShouldBe("2026-11-20");
    }

    [Fact]
    public async Task AReferral_IsRegisteredInItsSeries_ListedWhenOverdue_AndClosedByItsReply()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var person = (await client.GetJsonAsync("/api/v1/counties/24/people")).EnumerateArray().First().Str("id");
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/referrals", new
        {
            title = "Arlanda flygplats – en plan för framtiden",
            issuer = "Infrastrukturdepartementet",
            issuerReference = "I2026/01234",
            receivedOn = "2026-09-01",
            replyBy = "2026-11-20",
            drafterPersonId = person,
        }), HttpStatusCode.Created);
        created.Str("caseNumber").ShouldBe("RUN 3-2026");
        created.Str("kind").ShouldBe("Referral");
        created.GetProperty("referral").GetProperty("overdue").GetBoolean().ShouldBeTrue();

        var overdue = (await client.GetJsonAsync("/api/v1/counties/24/referrals?overdue=true")).EnumerateArray().Select(r => r.Str("caseNumber")).ToList();
        overdue.ShouldBe(["RUN 3-2026"], "the demo's open referral is due 2026-12-12 and the 2021 one was answered");
        (await client.GetJsonAsync("/api/v1/counties/24/referrals")).GetArrayLength().ShouldBe(3);

        var bad = await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/referrals", new { title = "Utan svarsdag", issuer = "" }), HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["issuer", "receivedOn", "replyBy"]);

        var replied = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/referrals/{created.Str("id")}/reply", new { sentOn = "2026-11-21" }), HttpStatusCode.OK);
        replied.Str("status").ShouldBe("Closed");
        replied.GetProperty("referral").Str("replySentOn").ShouldBe("2026-11-21");
        replied.GetProperty("documents").EnumerateArray().Select(d => d.Str("direction")).ShouldBe(["Incoming", "Outgoing"]);
        (await client.GetJsonAsync("/api/v1/counties/24/referrals?overdue=true")).GetArrayLength().ShouldBe(0);
        (await client.PostAsJsonAsync($"/api/v1/referrals/{created.Str("id")}/reply", new { sentOn = "2026-11-21" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ACaseDocument_IsNumberedInTheCase_CarriesItsFile_AndNotPublicNeedsItsSecrecyGround()
    {
        await using var factory = await FreshApp.StartAsync(provider);
        using var client = await factory.ApiClientAsync(Secretariat);
        var caseId = (await ReadAsync(await client.PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = "Regional livsmedelsstrategi", kind = "Strategy" }),
            HttpStatusCode.Created)).Str("id");
        var json = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents",
            new { direction = "Incoming", counterpart = "Länsstyrelsen", date = "2026-11-02", title = "Underlag", isPublic = true }), HttpStatusCode.Created);
        json.GetProperty("number").GetInt32().ShouldBe(1);
        var secret = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents",
            new { direction = "Internal", date = "2026-11-03", title = "Affärsuppgifter" }), HttpStatusCode.UnprocessableEntity);
        secret.Str("rule").ShouldBe("SecrecyReference");

        using var form = new MultipartFormDataContent
        {
            { new StringContent("Outgoing"), "direction" },
            { new StringContent("Kommunerna"), "counterpart" },
            { new StringContent("2026-11-04"), "date" },
            { new StringContent("Missiv"), "title" },
            { new StringContent("true"), "isPublic" },
            { new ByteArrayContent("%PDF-1.4 missiv"u8.ToArray()), "file", "missiv.pdf" },
        };
        var uploaded = await ReadAsync(await client.PostAsync($"/api/v1/cases/{caseId}/documents", form), HttpStatusCode.Created);
        uploaded.GetProperty("number").GetInt32().ShouldBe(2);
        var file = await client.GetAsync(uploaded.Str("url"));
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsStringAsync()).ShouldBe("%PDF-1.4 missiv");
    }
}

public sealed class SqliteCasesApiTests() : CasesApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresCasesApiTests() : CasesApiTests(DatabaseProvider.Postgres);

/// <summary>Case numbers under load, and the referral reminders.</summary>
public sealed class CaseNumberAndReminderTests
{
    [Fact]
    public async Task CaseNumbers_AreGapFree_UnderConcurrentRegistrations_OnPostgres()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Postgres);
        var clients = new[] { await factory.ApiClientAsync("sekretariat.vasterbotten"), await factory.ApiClientAsync("sekretariat.vasterbotten") };
        var tasks = Enumerable.Range(0, 20).Select(n => clients[n % 2].PostAsJsonAsync("/api/v1/counties/24/cases", new { series = "RS", title = $"Samtidig {n}", kind = "Internal" }));
        var responses = await Task.WhenAll(tasks);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.JsonAsync()).Str("caseNumber"));
        }

        numbers.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, 20).Select(n => $"RS {n}-2026").Order(StringComparer.Ordinal));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task TheDrafter_IsReminded14And3DaysBeforeTheDeadline_OnceEach_WhoeverRunsIt()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        var reminders = factory.Services.GetRequiredService<ReferralReminders>();
        var second = ActivatorUtilities.CreateInstance<ReferralReminders>(factory.Services);

        // The demo's open referral is due 2026-12-12, 20 days after 2026-11-22.
        (await reminders.RunAsync()).ShouldBe(0);
        factory.Time.Advance(TimeSpan.FromDays(6));
        (await Task.WhenAll(reminders.RunAsync(), second.RunAsync())).Sum().ShouldBe(1);
        (await reminders.RunAsync()).ShouldBe(0, "the 14-day reminder goes once");
        factory.Time.Advance(TimeSpan.FromDays(10));
        (await reminders.RunAsync()).ShouldBe(0, "4 days left: between the reminders");
        factory.Time.Advance(TimeSpan.FromDays(1));
        (await Task.WhenAll(reminders.RunAsync(), second.RunAsync())).Sum().ShouldBe(1);
        (await reminders.RunAsync()).ShouldBe(0);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var referral = await db.Cases.SingleAsync(c => c.Title.StartsWith("Tillgängliga stränder"));
        var drafter = await db.People.SingleAsync(p => p.Id == referral.DrafterPersonId);
        var mail = await db.OutboxMessages.Where(m => m.Subject.StartsWith("Remissvar senast")).OrderBy(m => m.CreatedAt).ToListAsync();
        mail.Select(m => m.To).ShouldBe([drafter.Email, drafter.Email]);
        mail.ShouldAllBe(m => m.Subject == $"Remissvar senast 2026-12-12: {referral.CaseNumber} Tillgängliga stränder – ett mer differentierat strandskydd");
        mail[0].Body.ShouldContain("om 14 dagar");
        mail[1].Body.ShouldContain("om 3 dagar");
    }
}
