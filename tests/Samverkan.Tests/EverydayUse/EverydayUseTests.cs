using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Demo;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.EverydayUse;

/// <summary>Issue 8: each role's work list, administration of accounts, people and terms, and what a new user tripped over.</summary>
public sealed class EverydayUseTests
{
    private static async Task<string> SrbAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/counties/19/bodies")).EnumerateArray().Single(b => b.Str("shortName") == "SRB").Str("id");

    private static async Task<string> MeetingOnAsync(HttpClient client, string srb, string day) =>
        (await client.GetJsonAsync($"/api/v1/bodies/{srb}/meetings?year={day[..4]}")).EnumerateArray().First(m => m.Str("startsAt").StartsWith(day, StringComparison.Ordinal)).Str("id");

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, string? tokenFrom = null)
    {
        form["__RequestVerificationToken"] = await SamverkanFactory.AntiforgeryTokenAsync(client, tokenFrom ?? path);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task WorkList_TheChairIsAskedToSign_ThenTheCheckerToCheck_EachWithTheLinkWhereItIsDone()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var chair = await factory.ApiClientAsync("ordforande.srb");
        using var member = await factory.ApiClientAsync("ledamot.srb");
        var srb = await SrbAsync(secretariat);
        var june = await MeetingOnAsync(secretariat, srb, "2026-06-11");
        var checker = (await member.GetJsonAsync($"/api/v1/bodies/{srb}")).GetProperty("members").EnumerateArray()
            .First(m => m.Str("appointingParty") == "Västerås" && m.Str("side") == "Opposition").Str("membershipId");
        (await secretariat.PostAsync($"/api/v1/meetings/{june}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{june}/minutes/items", new { title = "Regional kulturplan", decision = "Beredningen tillstyrker.", kind = "Information" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await secretariat.PostAsJsonAsync($"/api/v1/meetings/{june}/minutes/checker", new { membershipId = checker })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var chairTasks = (await chair.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().Where(t => t.Str("kind") == "sign-minutes").ToList();
        var sign = chairTasks.ShouldHaveSingleItem();
        sign.Str("title").ShouldBe("Underteckna protokollet från Strategisk regional beredning 2026-06-11");
        sign.Str("url").ShouldBe($"/counties/19/meetings/{june}/minutes");
        sign.Str("countyCode").ShouldBe("19");
        (await member.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().ShouldNotContain(t => t.Str("kind") == "check-minutes");

        (await chair.PostAsync($"/api/v1/meetings/{june}/minutes/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chair.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().ShouldNotContain(t => t.Str("kind") == "sign-minutes");
        var check = (await member.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().Single(t => t.Str("kind") == "check-minutes");
        check.Str("title").ShouldBe("Justera protokollet från Strategisk regional beredning 2026-06-11");
    }

    [Fact]
    public async Task WorkList_APartyOfficialSeesTheRecommendationsTheirPartyHasNotDecided_AndTheSecretariatItsCountysAttention()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        var tasks = (await official.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().ToList();
        var decision = tasks.Single(t => t.Str("kind") == "party-decision");
        decision.Str("url").ShouldBe("/counties/19/recommendations");
        decision.Str("title").ShouldStartWith("Registrera er kommuns beslut om rekommendationen § 2 ");

        using var secretariat = await factory.ApiClientAsync("sekretariat.vastmanland");
        var attention = (await secretariat.GetJsonAsync("/api/v1/me/tasks")).EnumerateArray().Where(t => t.Str("kind") == "attention").Select(t => t.Str("title")).ToList();
        attention.ShouldContain(t => t.Contains("antagandebeslut saknas från Västerås", StringComparison.Ordinal));

        // The menu shows the count.
        using var page = await factory.PageClientAsync("tjansteperson.vasteras");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/19"));
        html.ShouldContain($"Att göra ({tasks.Count})");
        html.ShouldContain("Att göra för dig");
    }

    [Fact]
    public async Task ANewTerm_IsOpenedFromTheElectionYearRule_WithSeatsCopied_AndNoticesGoOnlyToSeatsThatCoverTheMeetingDay()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(api);
        var planned = await api.PostAsJsonAsync($"/api/v1/bodies/{srb}/meetings", new { startsAt = "2027-01-28T09:00:00+01:00", endsAt = "2027-01-28T12:00:00+01:00", location = "Regionhuset" });
        var meeting = (await planned.JsonAsync()).Str("id");
        (await api.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items", new { title = "Val av presidium" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Every seat ends 2026-12-31: nobody can be summoned to 2027-01-28 yet.
        var refused = await api.PostAsync($"/api/v1/meetings/{meeting}/notice", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.JsonAsync()).Str("rule").ShouldBe("NoticeNoMembers");

        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var path = $"/counties/19/bodies/{srb}/members";
        var bodyHtml = WebUtility.HtmlDecode(await page.GetStringAsync(path));
        bodyHtml.ShouldContain("Nästa mandatperiod, efter valet 2026, är 2027-01-01 – 2030-12-31.");
        var version = Regex.Match(bodyHtml, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var opened = await PostFormAsync(page, path + "?handler=NextTerm", new() { ["copySeats"] = "true", ["version"] = version }, path);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldContain("asOf=2027-01-01");

        var sent = await api.PostAsync($"/api/v1/meetings/{meeting}/notice", null);
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        (await sent.JsonAsync()).GetProperty("recipients").GetInt32().ShouldBe(27);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.Bodies.Include(b => b.Terms).Include(b => b.Memberships).SingleAsync(b => b.Id == Guid.Parse(srb));
        body.Terms.Select(t => (t.StartsOn, t.EndsOn)).ShouldContain((new DateOnly(2027, 1, 1), new DateOnly(2030, 12, 31)));
        body.Memberships.Count(m => m.From == new DateOnly(2027, 1, 1)).ShouldBe(body.Memberships.Count(m => m.IsActiveOn(new DateOnly(2026, 12, 31))));
    }

    [Fact]
    public async Task ParagraphNumbers_FollowTheMeetingsOrder_UntilSigned_AndMinutesOpenOnlyFromTheMeetingsDay()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(api);
        var june = await MeetingOnAsync(api, srb, "2026-06-11");
        var may = await MeetingOnAsync(api, srb, "2026-05-07");

        // June's minutes are started first and get § 3 (September's signed minutes hold § 1–2) ...
        (await api.PostAsync($"/api/v1/meetings/{june}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync($"/api/v1/meetings/{june}/minutes/items", new { title = "Juni", decision = "Antecknas.", kind = "Information" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // ... then May's: May comes first, so May takes § 3 and June moves to § 4.
        (await api.PostAsync($"/api/v1/meetings/{may}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync($"/api/v1/meetings/{may}/minutes/items", new { title = "Maj", decision = "Antecknas.", kind = "Information" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await api.GetJsonAsync($"/api/v1/meetings/{may}/minutes")).GetProperty("items")[0].GetProperty("paragraph").GetInt32().ShouldBe(3);
        (await api.GetJsonAsync($"/api/v1/meetings/{june}/minutes")).GetProperty("items")[0].GetProperty("paragraph").GetInt32().ShouldBe(4);
        var september = await MeetingOnAsync(api, srb, "2026-09-17");
        (await api.GetJsonAsync($"/api/v1/meetings/{september}/minutes")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("paragraph").GetInt32()).ShouldBe([1, 2]);

        var december = await MeetingOnAsync(api, srb, "2026-12-10");
        var early = await api.PostAsync($"/api/v1/meetings/{december}/minutes", null);
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await early.JsonAsync()).Str("detail").ShouldBe("Protokollet kan påbörjas först på sammanträdesdagen 2026-12-10.");
    }

    [Fact]
    public async Task AnInvitation_EmailsAOneTimeLink_ThatSetsThePassword_AndWorksOnlyOnce()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var sala = (await (await factory.ApiClientAsync("sekretariat.vastmanland")).GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().Single(p => p.Str("name") == "Sala").Str("id");
        var invited = await PostFormAsync(page, "/admin/accounts?county=19&handler=Invite", new()
        {
            ["userName"] = "tjansteperson.sala", ["displayName"] = "Karin Berg, Sala kommun", ["email"] = "karin.berg@sala.example", ["role"] = Roles.PartyOfficial, ["partyId"] = sala,
        }, "/admin/accounts?county=19");
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        string body;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mail = await db.OutboxMessages.SingleAsync(m => m.To == "karin.berg@sala.example");
            mail.Subject.ShouldBe("Ditt konto i Samverkan");
            body = mail.Body;
            (await db.AuditEntries.SingleAsync(e => e.EntityType == "Account" && e.Action == "Added")).UserName.ShouldBe("sekretariat.vastmanland");
        }

        var link = new Uri(Regex.Match(body, @"https?://\S+/account/set-password\S+").Value);
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var setOnce = await PostFormAsync(anonymous, link.PathAndQuery, new()
        {
            ["user"] = System.Web.HttpUtility.ParseQueryString(link.Query)["user"]!, ["token"] = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["Password"] = "Ett-Långt-Lösen-2026", ["Repeat"] = "Ett-Långt-Lösen-2026",
        });
        setOnce.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tjansteperson.sala", password = "Ett-Långt-Lösen-2026" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await PostFormAsync(anonymous, link.PathAndQuery, new()
        {
            ["user"] = System.Web.HttpUtility.ParseQueryString(link.Query)["user"]!, ["token"] = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["Password"] = "Ett-Annat-Lösen-2027", ["Repeat"] = "Ett-Annat-Lösen-2027",
        });
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).ShouldContain("Länken är ogiltig, för gammal eller redan använd.");
    }

    [Fact]
    public async Task ASecretariatManagesOnlyItsOwnCountysAccounts_AndDisablingEndsTheSessionsAtOnce()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var vasterbotten = await factory.PageClientAsync("sekretariat.vasterbotten");
        var html = WebUtility.HtmlDecode(await vasterbotten.GetStringAsync("/admin/accounts?county=19"));
        html.ShouldNotContain("tjansteperson.vasteras");
        html.ShouldContain("sekretariat.vasterbotten");

        using var token = await factory.ApiClientAsync("tjansteperson.vasteras");
        using var vastmanland = await factory.PageClientAsync("sekretariat.vastmanland");
        var accounts = WebUtility.HtmlDecode(await vastmanland.GetStringAsync("/admin/accounts?county=19"));
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.UserName == "tjansteperson.vasteras")).Id;
        }

        accounts.ShouldContain("tjansteperson.vasteras");
        var disabled = await PostFormAsync(vastmanland, "/admin/accounts?county=19&handler=Disable", new() { ["id"] = id, ["disabled"] = "true" }, "/admin/accounts?county=19");
        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await token.GetAsync("/api/v1/counties/19/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        WebUtility.HtmlDecode(await vastmanland.GetStringAsync("/admin/accounts?county=19")).ShouldContain("Spärrat");
    }

    [Fact]
    public async Task ThePeopleOfACounty_CanBeAddedAndEdited_WithTheirPartyAndPoliticalParty()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var sala = (await (await factory.ApiClientAsync("sekretariat.vastmanland")).GetJsonAsync("/api/v1/counties/19/parties")).EnumerateArray().Single(p => p.Str("name") == "Sala").Str("id");
        var added = await PostFormAsync(page, "/counties/19/people?handler=Save", new()
        {
            ["firstName"] = "Agneta", ["lastName"] = "Westholm", ["email"] = "agneta.westholm@sala.example", ["partyId"] = sala, ["politicalParty"] = "C", ["isElected"] = "true",
        }, "/counties/19/people");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/19/people"));
        html.ShouldContain("Agneta Westholm är tillagd.");
        var row = Regex.Matches(html, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "|")).Single(r => r.Contains("Agneta Westholm", StringComparison.Ordinal));
        row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ShouldBe(["Agneta Westholm", "agneta.westholm@sala.example", "Sala", "C", "Förtroendevald"]);

        var refused = await PostFormAsync(page, "/counties/19/people?handler=Save", new() { ["firstName"] = "Utan", ["lastName"] = "Adress", ["email"] = "inte-en-adress", ["isElected"] = "true" }, "/counties/19/people");
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("E-postadressen \"inte-en-adress\" är inte giltig.");
    }

    [Fact]
    public async Task AMessageInTheUrl_IsNeverShown_AsIfTheSystemSaidIt()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        foreach (var path in new[] { "/counties/19/invoices", "/counties/19/cost-sharing", "/counties/19/population", "/counties/19/recommendations", "/counties/19/cost-model" })
        {
            var html = WebUtility.HtmlDecode(await page.GetStringAsync(path + "?message=Betala+till+bankgiro+123-4567"));
            html.ShouldNotContain("bankgiro 123-4567", customMessage: path);
        }
    }

    [Fact]
    public async Task ACountyWithoutCostSharing_HasNoCostPagesInItsMenu_AndNoErrorThatDidNotHappen()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var start = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24"));
        start.ShouldNotContain(">Kostnader<");
        start.ShouldNotContain(">Fakturor<");
        var model = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24/cost-model"));
        model.ShouldNotContain("kunde inte sparas");
        model.ShouldContain("har ingen kostnadsfördelning mellan parterna");
        using var vastmanland = await factory.PageClientAsync("sekretariat.vastmanland");
        WebUtility.HtmlDecode(await vastmanland.GetStringAsync("/counties/19")).ShouldContain(">Kostnader<");

        using var varmland = await factory.PageClientAsync("sekretariat.varmland");
        WebUtility.HtmlDecode(await varmland.GetStringAsync("/counties/17/projects")).ShouldNotContain("avsnitt 5");
    }

    [Fact]
    public async Task SharingAScenario_SharesIt_SaysSo_AndThePartyOfficialsSeeIt()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var created = await api.PostAsJsonAsync("/api/v1/counties/19/scenarios", new { name = "Lika delar 2027", year = 2026, key = "Equal" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).Str("id");
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var path = $"/counties/19/scenarios/{id}";
        (await page.GetStringAsync(path)).ShouldContain("name=\"shared\" value=\"true\"");
        var shared = await PostFormAsync(page, path + "?handler=Share", new() { ["shared"] = "true" }, path);
        shared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await page.GetStringAsync(path)).ShouldContain("Scenariot är delat: länets tjänstepersoner ser det under Scenarier");

        using var official = await factory.PageClientAsync("tjansteperson.vasteras");
        WebUtility.HtmlDecode(await official.GetStringAsync("/counties/19/scenarios")).ShouldContain("Lika delar 2027");
    }

    [Fact]
    public async Task Words_AgreeWithTheirNumbers_AndRuleCodesStayOutOfTheUi()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24"));
        Regex.IsMatch(html, @"\b1 (avvikelser|sammanträden|punkter)\b").ShouldBeFalse();
        html.ShouldNotContain("(regel:");
        Regex.IsMatch(html, @"\(([A-ZÅÄÖ]+)/[^)]*\) \(\1\)").ShouldBeFalse("a short name is not repeated after a name that carries it");

        using var official = await factory.PageClientAsync("tjansteperson.vasteras");
        var refused = await official.GetAsync("/counties/19/audit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Ändringsloggen kan bara läsas av länets sekretariat.");
        using var anonymous = factory.CreateClient();
        (await anonymous.GetStringAsync("/public")).ShouldContain("href=\"/account/login\"");
    }

    [Fact]
    public async Task AgendaItems_AreEditedRemovedAndReordered_WithConsecutiveNumbers()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var december = await MeetingOnAsync(api, await SrbAsync(api), "2026-12-10");
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var path = $"/counties/19/meetings/{december}";
        string Titles(System.Text.Json.JsonElement meeting) => string.Join(" | ", meeting.GetProperty("agenda").EnumerateArray()
            .OrderBy(a => a.GetProperty("number").GetInt32()).Select(a => $"{a.GetProperty("number").GetInt32()}. {a.Str("title")}"));
        var agenda = (await api.GetJsonAsync($"/api/v1/meetings/{december}")).GetProperty("agenda").EnumerateArray().ToDictionary(a => a.Str("title"), a => a.Str("id"));

        (await PostFormAsync(page, path + "?handler=MoveItem", new() { ["itemId"] = agenda["Nära vård – gemensam färdplan"], ["step"] = "-1" }, path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Titles(await api.GetJsonAsync($"/api/v1/meetings/{december}")).ShouldBe(
            "1. Mötets öppnande och val av justerare | 2. Nära vård – gemensam färdplan | 3. Kostnadsnivå för regional samverkan inför mandatperioden 2027–2030");

        (await PostFormAsync(page, path + "?handler=EditItem", new()
        {
            ["itemId"] = agenda["Nära vård – gemensam färdplan"], ["title"] = "Nära vård – färdplan 2027", ["proposedDecision"] = "Att ställa sig bakom färdplanen.\nAtt följa upp den årligen.",
        }, path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostFormAsync(page, path + "?handler=RemoveItem", new() { ["itemId"] = agenda["Mötets öppnande och val av justerare"] }, path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var meeting = await api.GetJsonAsync($"/api/v1/meetings/{december}");
        Titles(meeting).ShouldBe("1. Nära vård – färdplan 2027 | 2. Kostnadsnivå för regional samverkan inför mandatperioden 2027–2030");
        meeting.GetProperty("agenda").EnumerateArray().Single(a => a.GetProperty("number").GetInt32() == 1).Str("proposedDecision")
            .ShouldBe("Att ställa sig bakom färdplanen.\nAtt följa upp den årligen.");
    }

    [Fact]
    public async Task AnAmendment_IsProposedWithItsText_AdoptedCouncilByCouncil_AndTheOldTextAppliesUntilAllHave()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var agreement = (await api.GetJsonAsync("/api/v1/counties/24/agreements")).EnumerateArray().First().Str("id");
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var path = $"/counties/24/agreements/{agreement}/changes";
        var html = await page.GetStringAsync(path);
        var version = Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        (await PostFormAsync(page, path + "?handler=Propose", new() { ["title"] = "Ny avgiftsmodell", ["text"] = "Ändrad lydelse om avgifter.", ["version"] = version }, path))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var detail = await api.GetJsonAsync($"/api/v1/agreements/{agreement}");
        var amendment = detail.GetProperty("amendments").EnumerateArray().Single();
        amendment.Str("status").ShouldBe("Pending");
        var parties = detail.GetProperty("parties").EnumerateArray().Select(p => p.Str("partyId")).ToList();
        for (var i = 0; i < parties.Count; i++)
        {
            html = await page.GetStringAsync(path);
            version = Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
            var posted = await PostFormAsync(page, path + "?handler=Adopt", new()
            {
                ["amendmentId"] = amendment.Str("id"), ["partyId"] = parties[i], ["decidedOn"] = "2026-11-20", ["reference"] = $"KF 2026-11-20 § {i + 1}", ["version"] = version,
            }, path);
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var status = (await api.GetJsonAsync($"/api/v1/agreements/{agreement}")).GetProperty("amendments").EnumerateArray().Single().Str("status");
            status.ShouldBe(i == parties.Count - 1 ? "Adopted" : "Pending");
        }
    }

    [Fact]
    public async Task TheFundsMoney_IsShownToTheÖre_NeverRounded()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.varmland");
        var fund = (await api.GetJsonAsync("/api/v1/counties/17/funds")).EnumerateArray().Single();
        var balance = fund.GetProperty("balance").GetDecimal();
        balance.ShouldBe(160_750_000.50m);
        using var page = await factory.PageClientAsync("sekretariat.varmland");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/17/funds/{fund.Str("id")}"));
        html.ShouldContain("160 750 000,50 kr");
        html.ShouldNotContain("160 750 001 kr");
    }

    [Fact]
    public async Task HeldAndUpcomingMeetings_AreApart_AndAHeldMeetingOffersOnlyItsMinutes()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(api);
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var body = WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/19/bodies/{srb}/meetings"));
        var upcoming = body[body.IndexOf("<caption>Kommande sammanträden</caption>", StringComparison.Ordinal)..body.IndexOf("<caption>Hållna sammanträden</caption>", StringComparison.Ordinal)];
        upcoming.ShouldContain("2026-12-10");
        upcoming.ShouldNotContain("2026-09-17");
        body[body.IndexOf("<caption>Hållna sammanträden</caption>", StringComparison.Ordinal)..].ShouldContain("2026-09-17");

        var june = WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/19/meetings/{await MeetingOnAsync(api, srb, "2026-06-11")}"));
        june.ShouldContain("Sammanträdet har hållits.");
        june.ShouldNotContain("Ställ in sammanträdet");
        june.ShouldNotContain("Lägg till ärende");
        june.ShouldNotContain("Skicka kallelse");
    }

    [Fact]
    public async Task AFormsErrors_AreShownBesideThatForm_NotUnderAnother()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        var srb = await SrbAsync(api);
        using var page = await factory.PageClientAsync("sekretariat.vastmanland");
        var path = $"/counties/19/bodies/{srb}/meetings";
        var response = await PostFormAsync(page, path + "?handler=Plan", new() { ["location"] = "Regionhuset" }, path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var error = html.IndexOf("Ange när sammanträdet börjar: datum och tid.", StringComparison.Ordinal);
        error.ShouldBeGreaterThan(html.IndexOf("<summary>Planera sammanträde</summary>", StringComparison.Ordinal));
        error.ShouldBeLessThan(html.IndexOf("handler=Plan", StringComparison.Ordinal));
        html.ShouldContain("Sammanträdet kunde inte planeras");
    }
}
