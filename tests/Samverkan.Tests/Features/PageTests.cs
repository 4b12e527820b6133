using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Features;

/// <summary>The server-rendered pages without JavaScript: forms, antiforgery, validation, concurrent edits.</summary>
public sealed class PageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<(Guid BodyId, Guid First, Guid Second)> SrbSeatsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var srb = await db.Bodies.Include(b => b.Memberships).ThenInclude(m => m.AppointingParty).SingleAsync(b => b.ShortName == "SRB");
        var first = srb.Memberships.First(m => m.AppointingParty!.Name == "Fagersta" && m.Side == Samverkan.Domain.Bodies.PoliticalSide.Opposition);
        var second = srb.Memberships.First(m => m.AppointingParty!.Name == "Köping" && m.Side == Samverkan.Domain.Bodies.PoliticalSide.Opposition);
        return (srb.Id, first.Id, second.Id);
    }

    [Fact]
    public async Task CountyStartPage_ShowsAgreementStatusBodiesAndWhatNeedsAttention()
    {
        using var client = await factory.PageClientAsync("sekretariat.vastmanland");

        var html = await client.GetStringAsync("/counties/19");

        html.ShouldContain("<h1>Västmanlands län</h1>");
        html.ShouldContain("Under antagande");
        html.ShouldContain("10 av 11 parter");
        html.ShouldContain("antagandebeslut saknas från Västerås");
        html.ShouldContain("Strategisk regional beredning");
        html.ShouldContain("Uppfyller reglerna");
        html.ShouldContain("återrapporten till beredningen skulle ha lämnats senast 2026-06-30");
    }

    [Fact]
    public async Task SignedInUser_IsTakenFromTheStartPageToTheirCounty()
    {
        using var client = await factory.PageClientAsync("sekretariat.varmland");

        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/counties/17");
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_IsRefused()
    {
        var (bodyId, first, _) = await SrbSeatsAsync();
        using var client = await factory.PageClientAsync("sekretariat.vastmanland");

        var response = await client.PostAsync($"/counties/19/bodies/{bodyId}/members?handler=End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["membershipId"] = first.ToString(),
            ["endOn"] = "2026-11-01",
            ["version"] = "0",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AdoptionForm_WithoutReference_ShowsTheErrorAndSavesNothing()
    {
        using var client = await factory.PageClientAsync("tjansteperson.vasteras");
        var agreementPath = Regex.Match(await client.GetStringAsync("/counties/19"), "/counties/19/agreements/[0-9a-f-]{36}").Value;
        var page = await client.GetStringAsync(agreementPath);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var partyId = Regex.Match(page, "<option value=\"([0-9a-f-]{36})\"[^>]*>Västerås</option>").Groups[1].Value;
        var version = Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await client.PostAsync(agreementPath + "?handler=Adoption", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.PartyId"] = partyId,
            ["Input.DecidedOn"] = "2026-10-19",
            ["Input.Reference"] = string.Empty,
            ["Input.Version"] = version,
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the same status the API gives for the same input");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Beslutet kunde inte registreras");
        html.ShouldContain("Ange beslutets referens");
        html.ShouldContain("Väntar på beslut");
    }

    [Fact]
    public async Task ConcurrentEdit_WithAStaleVersion_IsDetectedAndNotSaved()
    {
        var (bodyId, first, second) = await SrbSeatsAsync();
        using var client = await factory.PageClientAsync("sekretariat.vastmanland");
        var path = $"/counties/19/bodies/{bodyId}/members";
        var page = await client.GetStringAsync(path);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var version = Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

        FormUrlEncodedContent End(Guid membership) => new(new Dictionary<string, string>
        {
            ["membershipId"] = membership.ToString(),
            ["endOn"] = "2026-11-01",
            ["version"] = version,
            ["__RequestVerificationToken"] = token,
        });

        var firstEdit = await client.PostAsync(path + "?handler=End", End(first));
        firstEdit.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The second form was loaded before the first edit: same version.
        var secondEdit = await client.PostAsync(path + "?handler=End", End(second));
        secondEdit.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the same status as the API for a stale version");
        (await secondEdit.Content.ReadAsStringAsync()).ShouldContain("Någon annan har ändrat organets ledamöter under tiden");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Memberships.SingleAsync(m => m.Id == first)).To.ShouldBe(new DateOnly(2026, 11, 1));
        (await db.Memberships.SingleAsync(m => m.Id == second)).To.ShouldBe(new DateOnly(2026, 12, 31));

        // The audit keeps the values before and after.
        var audit = await db.AuditEntries.Where(e => e.EntityType == "Membership" && e.EntityId == first.ToString() && e.Action == "Modified").SingleAsync();
        audit.Before!.ShouldContain("\"To\":\"2026-12-31\"");
        audit.After!.ShouldContain("\"To\":\"2026-11-01\"");
        audit.UserName.ShouldBe("sekretariat.vastmanland");
    }

    [Fact]
    public async Task RescheduledNoticedMeeting_SendsAnUpdatedInvitation()
    {
        // A database of its own: the count of invitations below is exact.
        await using var own = await FreshApp.StartAsync(Web.Infrastructure.DatabaseProvider.Sqlite);
        Guid meetingId;
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var vastmanland = await db.Counties.SingleAsync(c => c.Code == "19");
            meetingId = (await db.Meetings.Where(m => m.CountyId == vastmanland.Id).ToListAsync()).Single(m => m.StartsAt.Month == 9 && m.StartsAt.Year == 2026).Id;
        }

        using var client = await own.PageClientAsync("sekretariat.vastmanland");
        var path = $"/counties/19/meetings/{meetingId}";
        var token = await SamverkanFactory.AntiforgeryTokenAsync(client, path);
        var response = await client.PostAsync(path + "?handler=Reschedule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["date"] = "2026-09-18",
            ["starts"] = "13:00",
            ["ends"] = "15:00",
            ["location"] = "Sala stadshus",
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var check = own.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = await db2.Meetings.SingleAsync(m => m.Id == meetingId);
        meeting.StartsAt.ShouldBe(new DateTimeOffset(2026, 9, 18, 11, 0, 0, TimeSpan.Zero));
        meeting.Sequence.ShouldBe(1);
        // Every member and the co-opted expert with an e-mail address, once each.
        var expected = await db2.Memberships.Where(m => m.BodyId == meeting.BodyId && m.From <= new DateOnly(2026, 9, 18) && m.To >= new DateOnly(2026, 9, 18))
            .Join(db2.People, m => m.PersonId, p => p.Id, (m, p) => p.Email).Where(e => e != null).Distinct().CountAsync();
        expected.ShouldBe(27);
        (await db2.OutboxMessages.CountAsync(m => m.Subject == "Ändrad kallelse: Strategisk regional beredning 2026-09-18")).ShouldBe(expected);
    }

    [Fact]
    public async Task Login_AfterFiveFailures_HoldsBackThisAddressForThisName()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        string html = string.Empty;
        for (var i = 0; i < 6; i++)
        {
            var token = await SamverkanFactory.AntiforgeryTokenAsync(client, "/account/login");
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "ledamot.srb",
                ["Password"] = i < 5 ? "fel" : Web.Demo.DemoData.Password,
                ["__RequestVerificationToken"] = token,
            }));
            html = await response.Content.ReadAsStringAsync();
        }

        System.Net.WebUtility.HtmlDecode(html).ShouldContain("För många misslyckade inloggningar från din adress. Vänta 15 minuter och försök igen.");
    }
}

/// <summary>Two instances on one PostgreSQL database: what one issues, the other accepts.</summary>
public sealed class TwoInstancesTests(PostgresFactory first) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task TokenAndCookie_FromOneInstance_AreAcceptedByAnother()
    {
        first.CreateClient().Dispose();
        await using var second = new SamverkanFactory(DatabaseProvider.Postgres, first.ConnectionString);
        await second.InitializeAsync();

        using var fromFirst = await first.ApiClientAsync("sekretariat.vasterbotten");
        using var atSecond = second.CreateClient();
        atSecond.DefaultRequestHeaders.Authorization = fromFirst.DefaultRequestHeaders.Authorization;

        (await atSecond.GetAsync("/api/v1/counties/24/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
