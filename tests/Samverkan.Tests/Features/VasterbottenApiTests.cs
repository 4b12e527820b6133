using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;

namespace Samverkan.Tests.Features;

/// <summary>
/// Västerbotten's contracts, reviews, renewal and consultation forum through the API, on both engines, as the demo
/// data has them: 15 contracts (Umeå and Sorsele missing a signature), the 2024 review held and the 2026 one due.
/// </summary>
public abstract class VasterbottenApiTests(SamverkanFactory factory)
{
    private async Task<string> AgreementAsync(HttpClient api) =>
        (await api.GetJsonAsync("/api/v1/counties/24/agreements")).EnumerateArray().First(a => a.Str("caseNumber") == "RS 759-2022").Str("id");

    private async Task<JsonElement> ContractAsync(HttpClient api, string municipality) =>
        (await api.GetJsonAsync($"/api/v1/agreements/{await AgreementAsync(api)}/contracts")).EnumerateArray().Single(c => c.Str("partyName") == municipality);

    [Fact]
    public async Task Contracts_OnePerMunicipality_CompleteOnlyWithEverySignature()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var contracts = (await api.GetJsonAsync($"/api/v1/agreements/{await AgreementAsync(api)}/contracts")).EnumerateArray().ToList();

        contracts.Count.ShouldBe(15);
        contracts.ShouldAllBe(c => c.GetProperty("requiredSignatures").GetInt32() == 4);
        // Most are signed by all; Umeå's and Sorsele's miss one signature each (until the tests below record it).
        contracts.Where(c => c.Str("partyName") is not ("Umeå" or "Sorsele")).ShouldAllBe(c => c.Str("status") == "Complete");
        foreach (var (name, side, capacity) in new[] { ("Umeå", "Municipality", "Official"), ("Sorsele", "Municipality", "Elected") })
        {
            var contract = contracts.Single(c => c.Str("partyName") == name);
            var missing = contract.GetProperty("signatories").EnumerateArray().Single(s => s.Str("side") == side && s.Str("capacity") == capacity);
            if (missing.GetProperty("signedOn").ValueKind == JsonValueKind.Null)
            {
                contract.Str("status").ShouldBe("Signing");
                contract.GetProperty("signatures").GetArrayLength().ShouldBe(3);
            }
        }

        var skelleftea = contracts.Single(c => c.Str("partyName") == "Skellefteå");
        skelleftea.Str("status").ShouldBe("Complete");
        var signature = skelleftea.GetProperty("signatures").EnumerateArray().First(s => s.Str("side") == "Municipality" && s.Str("capacity") == "Elected");
        signature.Str("role").ShouldBe("Kommunstyrelsens ordförande");
        signature.Str("name").ShouldNotBeNullOrWhiteSpace();
        signature.Str("signedOn").ShouldMatch(@"^2022-\d\d-\d\d$");
        skelleftea.Str("id").ShouldNotBeNullOrWhiteSpace();
        skelleftea.Str("partyId").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Secretariat_RecordsTheMissingSignature_AndTheContractIsComplete()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var sorsele = await ContractAsync(api, "Sorsele");
        sorsele.Str("status").ShouldBe("Signing");
        var id = sorsele.Str("id");

        var bad = await api.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { signedOn = "2026-11-20" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("errors").TryGetProperty("signatoryId", out _).ShouldBeTrue();

        var future = await api.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { side = "Municipality", capacity = "Elected", signedOn = "2026-11-23" });
        future.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await future.JsonAsync()).Str("rule").ShouldBe("SignatureDate");

        var signed = await api.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { side = "Municipality", capacity = "Elected", signedOn = "2026-11-20" });
        signed.StatusCode.ShouldBe(HttpStatusCode.Created, await signed.Content.ReadAsStringAsync());
        var contract = await signed.JsonAsync();
        contract.Str("status").ShouldBe("Complete");
        contract.GetProperty("signatures").GetArrayLength().ShouldBe(4);
        (await ContractAsync(api, "Sorsele")).Str("status").ShouldBe("Complete");

        var twice = await api.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { side = "Municipality", capacity = "Elected", signedOn = "2026-11-20" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.JsonAsync()).Str("rule").ShouldBe("SignatureTwice");
    }

    [Fact]
    public async Task NamedOfficial_SignsTheirOwnPlace_AndNoOtherPlace()
    {
        using var secretariat = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var official = await factory.ApiClientAsync("tjansteperson.umea");
        using var otherCounty = await factory.ApiClientAsync("tjansteperson.vasteras");
        var umea = await ContractAsync(secretariat, "Umeå");
        var id = umea.Str("id");
        var regionOfficial = umea.GetProperty("signatories").EnumerateArray().Single(s => s.Str("side") == "Region" && s.Str("capacity") == "Official");
        var sorsele = (await ContractAsync(secretariat, "Sorsele")).Str("id");

        (await official.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { signatoryId = regionOfficial.Str("signatoryId") }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.PostAsJsonAsync($"/api/v1/contracts/{sorsele}/signatures", new { side = "Municipality", capacity = "Official" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherCounty.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { side = "Municipality", capacity = "Official" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var own = await official.PostAsJsonAsync($"/api/v1/contracts/{id}/signatures", new { side = "Municipality", capacity = "Official", name = "Någon annan" });
        own.StatusCode.ShouldBe(HttpStatusCode.Created, await own.Content.ReadAsStringAsync());
        var contract = await own.JsonAsync();
        contract.Str("status").ShouldBe("Complete");
        var signature = contract.GetProperty("signatures").EnumerateArray().Single(s => s.Str("side") == "Municipality" && s.Str("capacity") == "Official");
        signature.Str("signedOn").ShouldBe("2026-11-22", "signing themself, today");
        signature.Str("name").ShouldNotBe("Någon annan", "somebody signing for themself signs as themself");
        signature.Str("role").ShouldBe("Kommundirektör");
    }

    [Fact]
    public async Task Reviews_2024Held_2026Due_RecordedOnceWithWhatTheyFound()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var official = await factory.ApiClientAsync("tjansteperson.umea");
        var agreement = await AgreementAsync(api);
        var reviews = (await api.GetJsonAsync($"/api/v1/agreements/{agreement}/reviews")).EnumerateArray().ToList();
        reviews.Select(r => (r.GetProperty("year").GetInt32(), r.Str("status"))).ShouldBe([(2024, "Done"), (2026, "Due")]);
        reviews[0].Str("heldOn").ShouldBe("2024-10-15");

        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24"))
            .ShouldContain("aktualitetsprövningen 2026 ska hållas senast 2026-12-31");

        (await official.PostAsJsonAsync($"/api/v1/agreements/{agreement}/reviews", new { year = 2026, heldOn = "2026-11-20", participants = "PKD", conclusion = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/reviews", new { year = 2026 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["heldOn", "participants", "conclusion"], ignoreOrder: true);

        var held = await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/reviews", new
        {
            year = 2026, heldOn = "2026-11-20", participants = "PKD, RUN:s presidium och kommundirektörerna",
            workingForms = "Fungerar.", results = "Goda.", financing = "Oförändrad.", structure = "Behålls.", conclusion = "En ny överenskommelse tas fram för 2027–2030.",
        });
        held.StatusCode.ShouldBe(HttpStatusCode.Created, await held.Content.ReadAsStringAsync());
        var review = await held.JsonAsync();
        (review.Str("status"), review.Str("participants"), review.Str("financing")).ShouldBe(("Done", "PKD, RUN:s presidium och kommundirektörerna", "Oförändrad."));

        var twice = await api.PostAsJsonAsync($"/api/v1/agreements/{agreement}/reviews", new { year = 2026, heldOn = "2026-11-21", participants = "PKD", conclusion = "x" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.JsonAsync()).Str("rule").ShouldBe("ReviewTwice");
        System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24")).ShouldNotContain("aktualitetsprövningen 2026");
    }

    [Fact]
    public async Task NextAgreement_StartsOnce_AsADraft_WithItsOwnAdoptionAndNewContracts()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var agreement = await AgreementAsync(api);
        System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24")).ShouldContain("löper ut 2026-12-31; mindre än ett år återstår");

        var started = await Task.WhenAll(api.PostAsync($"/api/v1/agreements/{agreement}/next", null), api.PostAsync($"/api/v1/agreements/{agreement}/next", null));
        started.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        var conflict = started.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        (await conflict.JsonAsync()).Str("rule").ShouldBe("NextAgreementStarted");
        var next = await started.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync();
        next.Str("title").ShouldBe("Överenskommelse om samverkan för regional utveckling 2027–2030");
        (next.Str("status"), next.Str("validFrom"), next.Str("validTo")).ShouldBe(("Draft", "2027-01-01", "2030-12-31"));
        next.GetProperty("adoptedCount").GetInt32().ShouldBe(0);
        next.GetProperty("partyCount").GetInt32().ShouldBe(16);

        var contracts = (await api.GetJsonAsync($"/api/v1/agreements/{next.Str("id")}/contracts")).EnumerateArray().ToList();
        contracts.Count.ShouldBe(15);
        contracts.ShouldAllBe(c => c.Str("status") == "Unsigned" && c.GetProperty("signatures").GetArrayLength() == 0);
        (await api.GetJsonAsync($"/api/v1/agreements/{next.Str("id")}/reviews")).EnumerateArray().Select(r => r.GetProperty("year").GetInt32()).ShouldBe([2028, 2030]);
        System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/counties/24")).ShouldNotContain("mindre än ett år återstår");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Agreements.CountAsync(a => a.PredecessorId == Guid.Parse(agreement))).ShouldBe(1);
    }

    private async Task<(string Forum, string RunAu)> BodiesAsync(HttpClient api)
    {
        var bodies = (await api.GetJsonAsync("/api/v1/counties/24/bodies")).EnumerateArray().ToList();
        return (bodies.Single(b => b.Str("shortName") == "Samråd").Str("id"), bodies.Single(b => b.Str("shortName") == "RUN AU").Str("id"));
    }

    private static async Task<string> MeetingAsync(HttpClient api, string body, string day) =>
        (await api.GetJsonAsync($"/api/v1/bodies/{body}/meetings?year=2026")).EnumerateArray().Single(m => m.Str("startsAt").StartsWith(day, StringComparison.Ordinal)).Str("id");

    [Fact]
    public async Task Forum_NeverDecides_ItsMinutesRecordAdvice()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var (forum, _) = await BodiesAsync(api);
        var october = await MeetingAsync(api, forum, "2026-10-14");
        var minutes = await api.GetJsonAsync($"/api/v1/meetings/{october}/minutes");
        minutes.GetProperty("advisory").GetBoolean().ShouldBeTrue();
        minutes.Str("decisionHeading").ShouldBe("Råd/ställningstagande");
        var item = minutes.GetProperty("items")[0].Str("id");

        foreach (var kind in new[] { "Decision", "Recommendation" })
        {
            var decided = await api.PostAsJsonAsync($"/api/v1/meetings/{october}/minutes/items", new { title = "Innovationsstrategi", decision = "Nämnden antar strategin.", kind });
            decided.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, kind);
            (await decided.JsonAsync()).Str("rule").ShouldBe("ForumNeverDecides");
            var asAdvice = await api.PostAsJsonAsync($"/api/v1/meetings/{october}/minutes/items/{item}/advice", new { advice = "Samrådet beslutar.", kind });
            asAdvice.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, kind);
            (await asAdvice.JsonAsync()).Str("rule").ShouldBe("ForumNeverDecides");
        }

        var advice = await api.PostAsJsonAsync($"/api/v1/meetings/{october}/minutes/items/{item}/advice", new { advice = "Samrådet tillstyrker strategin.", kind = "Advice" });
        advice.StatusCode.ShouldBe(HttpStatusCode.OK, await advice.Content.ReadAsStringAsync());
        var paragraph = (await advice.JsonAsync()).GetProperty("items").EnumerateArray().Single(i => i.Str("id") == item);
        (paragraph.Str("decision"), paragraph.Str("kind")).ShouldBe(("Samrådet tillstyrker strategin.", "Advice"));
        (await api.PostAsJsonAsync($"/api/v1/meetings/{october}/minutes/items/{item}/advice", new { kind = "Advice" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Advice on an agenda item of a held meeting without a paragraph yet: it gets one.
        var september = await MeetingAsync(api, forum, "2026-09-02");
        (await api.PostAsync($"/api/v1/meetings/{september}/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var agendaItem = (await api.GetJsonAsync($"/api/v1/meetings/{september}")).GetProperty("agenda")[0];
        var onAgenda = await api.PostAsJsonAsync($"/api/v1/meetings/{september}/minutes/items/{agendaItem.Str("id")}/advice", new { advice = "Samrådet noterar uppföljningen.", kind = "Position" });
        onAgenda.StatusCode.ShouldBe(HttpStatusCode.OK, await onAgenda.Content.ReadAsStringAsync());
        var added = (await onAgenda.JsonAsync()).GetProperty("items").EnumerateArray().Single();
        (added.Str("title"), added.Str("decision"), added.Str("kind")).ShouldBe((agendaItem.Str("title"), "Samrådet noterar uppföljningen.", "Position"));

        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var html = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/24/meetings/{october}/minutes"));
        html.ShouldContain("<strong>Råd/ställningstagande:</strong> Samrådet tillstyrker strategin.");
        html.ShouldNotContain("Beslut:");
        html.ShouldNotContain("<option value=\"Decision\"");
        html.ShouldNotContain("<option value=\"Recommendation\"");
    }

    [Fact]
    public async Task Forum_IsSixOfRunAndSevenOfPkdAu_AndTheBodyPageSaysSo()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var (forum, _) = await BodiesAsync(api);
        var check = await api.GetJsonAsync($"/api/v1/bodies/{forum}/composition-check");
        check.GetProperty("violations").GetArrayLength().ShouldBe(0, check.ToString());
        using var page = await factory.PageClientAsync("sekretariat.vasterbotten");
        var html = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync($"/counties/24/bodies/{forum}"));
        html.ShouldContain("6 ledamöter ur regionala utvecklingsnämnden och 7 ledamöter ur primärkommunala delegationens arbetsutskott");
        html.ShouldContain("Uppfyller reglerna");
    }

    [Fact]
    public async Task RunAuAgenda_IsSharedToTheForumsNextMeeting_InOneAction()
    {
        using var api = await factory.ApiClientAsync("sekretariat.vasterbotten");
        var (forum, runAu) = await BodiesAsync(api);
        var december = await MeetingAsync(api, runAu, "2026-12-02");
        var source = await api.GetJsonAsync($"/api/v1/meetings/{december}");

        var shared = await api.PostAsJsonAsync($"/api/v1/meetings/{december}/share-to-forum", new { });
        shared.StatusCode.ShouldBe(HttpStatusCode.OK, await shared.Content.ReadAsStringAsync());
        var target = await shared.JsonAsync();
        target.Str("bodyId").ShouldBe(forum);
        target.Str("startsAt").ShouldStartWith("2026-12-02");
        string Items(JsonElement meeting) => string.Join(" | ", meeting.GetProperty("agenda").EnumerateArray().Select(a =>
            $"{a.GetProperty("number").GetInt32()}. {a.Str("title")} / {a.GetProperty("caseReference")} / {a.GetProperty("presenter")} / {a.GetProperty("proposedDecision")}"));
        Items(target).ShouldBe(Items(source));

        var twice = await api.PostAsJsonAsync($"/api/v1/meetings/{december}/share-to-forum", new { });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.JsonAsync()).Str("rule").ShouldBe("AgendaAlreadyShared");
    }
}

public sealed class SqliteVasterbottenApiTests(SqliteFactory factory) : VasterbottenApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresVasterbottenApiTests(PostgresFactory factory) : VasterbottenApiTests(factory), IClassFixture<PostgresFactory>;

/// <summary>A relevance review due within 60 days is reminded once, to the region's registry, whoever runs the reminders.</summary>
public abstract class ReviewReminderTests(SamverkanFactory factory)
{
    [Fact]
    public async Task ReviewReminder_GoesOnce_AlsoWithTwoInstances()
    {
        var reminders = factory.Services.GetRequiredService<ReviewReminders>();
        var second = ActivatorUtilities.CreateInstance<ReviewReminders>(factory.Services);

        // 2026-11-22: the 2026 review's last day, 2026-12-31, is 39 days away; the 2024 review was held.
        var sent = await Task.WhenAll(reminders.RunAsync(), second.RunAsync());
        sent.Sum().ShouldBe(1);
        (await reminders.RunAsync()).ShouldBe(0, "a review is reminded once");
        (await second.RunAsync()).ShouldBe(0, "a review is reminded once");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = (await db.OutboxMessages.ToListAsync()).Where(m => m.Subject.Contains("aktualitetsprövning", StringComparison.Ordinal)).ToList();
        var reminder = mail.ShouldHaveSingleItem();
        reminder.Subject.ShouldBe("Överenskommelse om samverkan för regional utveckling 2023–2026: aktualitetsprövning 2026 senast 2026-12-31");
        reminder.To.ShouldBe("registrator@regionvasterbotten.demo.invalid");

        // The claim itself, as two instances that both read the review as unreminded: one wins, the other sends nothing.
        var review = await db.Set<Samverkan.Domain.Agreements.RelevanceReview>().SingleAsync(r => r.Year == 2026 && r.ReminderSentOn != null);
        await db.Set<Samverkan.Domain.Agreements.RelevanceReview>().Where(r => r.Id == review.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReminderSentOn, (DateOnly?)null));
        await using var otherScope = factory.Services.CreateAsyncScope();
        var otherDb = otherScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = new DateOnly(2026, 11, 22);
        var claims = await Task.WhenAll(ReviewReminders.ClaimAsync(db, review.Id, today), ReviewReminders.ClaimAsync(otherDb, review.Id, today));
        claims.Count(c => c).ShouldBe(1);
    }
}

public sealed class SqliteReviewReminderTests(SqliteFactory factory) : ReviewReminderTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresReviewReminderTests(PostgresFactory factory) : ReviewReminderTests(factory), IClassFixture<PostgresFactory>;
