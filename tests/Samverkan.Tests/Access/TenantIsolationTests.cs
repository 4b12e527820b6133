using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Invoicing;
using Samverkan.Domain.CostSharing;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;

namespace Samverkan.Tests.Access;

/// <summary>
/// Every endpoint and page of the application, read from the endpoint data source so a new one is covered the day
/// it is added: anonymous users are refused unless it is marked public, a user of Västmanland (19) is refused on
/// Västerbotten's (24) data, and a party official cannot act for another party.
/// </summary>
public sealed class TenantIsolationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    /// <summary>The endpoints meant for everybody. Adding to this list is a decision, so it is spelt out here.</summary>
    private static readonly string[] PublicEndpoints =
    [
        "GET /", "GET /error/{code:int?}", "POST /error/{code:int?}", "GET /account/login", "POST /account/login",
        // Single sign-on: the provider's button, the return from the provider, and where the provider's failures land.
        // (The protocol callbacks /signin-oidc-<name> are the OpenID Connect handler's, not endpoints.)
        "POST /account/login Sso", "GET /account/login SsoCallback", "GET /account/login SsoFailed",
        "GET /account/logout", "POST /account/logout", "GET /account/access-denied",
        "GET /account/set-password", "POST /account/set-password",
        "GET /public", "GET /public/bodies/{id:guid}", "GET /public/minutes/{id:guid}", "GET /public/minutes/{id:guid} Pdf",
        "GET /calendar/{token}.ics", "GET /api/v1/funds/{id:guid}/360giving.json", "GET /public/documents/{id:guid}", "GET /health/live", "GET /health/ready", "GET /openapi/{documentName}.json", "GET /api/v1/counties", "POST /api/v1/auth/token",
        // SCB's list of counties and regions: public data shipped with the product.
        "GET /api/v1/reference/counties",
    ];

    /// <summary>Endpoints outside any county's data. None: national index series are the administrator's alone.</summary>
    private static readonly string[] SharedEndpoints = [];

    private sealed record Target(string Method, string Template, bool IsPage, bool IsPublic, string? Handler = null);

    private List<Target> Targets()
    {
        var targets = new List<Target>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            var isPage = page is not null;
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (page is null)
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                targets.AddRange(methods.Select(m => new Target(m, template, isPage, isPublic)));
                continue;
            }

            // A page answers GET, and each of its handlers (OnPostAdoption is POST ?handler=Adoption).
            targets.Add(new Target("GET", template, true, isPublic));
            targets.AddRange(page.HandlerMethods.Where(h => !h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) || h.Name is not null)
                .Select(h => new Target(h.HttpMethod.ToUpperInvariant(), template, true, isPublic, h.Name)));
        }

        return targets.DistinctBy(t => (t.Method, t.Template, t.Handler)).ToList();
    }

    [Fact]
    public void EndpointSource_CoversPagesAndApi()
    {
        var targets = Targets();

        targets.ShouldContain(t => t.Template == "/counties/{countyCode}/agreements/{id:guid}" && t.IsPage);
        targets.ShouldContain(t => t.Template == "/api/v1/agreements/{id:guid}/adoptions" && t.Method == "POST");
        targets.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void OnlyTheListedEndpoints_ArePublic()
    {
        Targets().Where(t => t.IsPublic).Select(t => $"{t.Method} {t.Template}{(t.Handler is null ? "" : " " + t.Handler)}").Order().ShouldBe(PublicEndpoints.Order());
    }

    [Fact]
    public async Task Anonymous_IsRefused_OnEveryEndpointNotMarkedPublic()
    {
        var samples = await SamplesAsync("24");
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var target in Targets().Where(t => !t.IsPublic))
        {
            var response = await SendAsync(client, target, samples);
            var refused = target.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal)
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!refused)
            {
                failures.Add($"{target.Method} {target.Template} {target.Handler}: {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task UserOfVastmanland_IsRefused_OnEveryEndpointWithVasterbottensData()
    {
        var samples = await SamplesAsync("24");
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        var antiforgery = await SamverkanFactory.AntiforgeryTokenAsync(pages, "/counties/19/bodies/" + (await SamplesAsync("19"))["body"]);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var target in Targets().Where(t => !t.IsPublic && t.Template.Contains('{', StringComparison.Ordinal) && !SharedEndpoints.Contains($"{t.Method} {t.Template}")))
        {
            checkedCount++;
            var response = await SendAsync(target.IsPage ? pages : api, target, samples, antiforgery);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                failures.Add($"{target.Method} {target.Template} {target.Handler}: {(int)response.StatusCode}");
            }
        }

        checkedCount.ShouldBeGreaterThan(10);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task UserOfVastmanland_SeesOwnCounty()
    {
        var samples = await SamplesAsync("19");
        using var api = await factory.ApiClientAsync("sekretariat.vastmanland");
        using var pages = await factory.PageClientAsync("sekretariat.vastmanland");
        var failures = new List<string>();
        foreach (var target in Targets().Where(t => !t.IsPublic && t.Method == "GET"))
        {
            var response = await SendAsync(target.IsPage ? pages : api, target, samples);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{target.Method} {target.Template} {target.Handler}: {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task PartyOfficial_CannotActForAnotherParty()
    {
        var samples = await SamplesAsync("19");
        using var official = await factory.ApiClientAsync("tjansteperson.vasteras");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sala = await db.Parties.SingleAsync(p => p.Name == "Sala");

        var adoption = await official.PostAsync($"/api/v1/agreements/{samples["agreement"]}/adoptions",
            Json($"{{\"partyId\":\"{sala.Id}\",\"decidedOn\":\"2026-10-01\",\"reference\":\"KF 2026-10-01 § 1\"}}"));
        var membership = await official.PostAsync($"/api/v1/bodies/{samples["body"]}/memberships", Json("{}"));
        var end = await official.PostAsync($"/api/v1/bodies/{samples["body"]}/memberships/{samples["membership"]}/end", Json("{\"on\":\"2026-11-01\"}"));
        var audit = await official.GetAsync("/api/v1/counties/19/audit");
        var signature = await official.PostAsync($"/api/v1/contracts/{samples["contract"]}/signatures", Json("{\"side\":\"Municipality\",\"capacity\":\"Official\"}"));
        var next = await official.PostAsync($"/api/v1/agreements/{samples["agreement"]}/next", null);

        adoption.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        membership.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        end.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        audit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        signature.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a party official signs only in their own named place");
        next.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Ids of one county's data; makes sure there is a population for 2025 and an invoice to look at.</summary>
    private async Task<Dictionary<string, string>> SamplesAsync(string countyCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var county = await db.Counties.SingleAsync(c => c.Code == countyCode);
        var body = await db.Bodies.Include(b => b.Memberships).FirstAsync(b => b.CountyId == county.Id);
        var agreement = await db.Agreements.FirstAsync(a => a.CountyId == county.Id);
        var municipalities = await db.Parties.Where(p => p.CountyId == county.Id && p.Kind == PartyKind.Municipality).ToListAsync();
        if (!await db.PopulationFigures.AnyAsync(f => f.CountyId == county.Id && f.Year == 2025))
        {
            db.PopulationFigures.AddRange(municipalities.Select((m, i) => new PopulationFigure(m, 2025, 10_000 + i)));
        }

        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.CountyId == county.Id);
        if (invoice is null)
        {
            invoice = new Invoice(county.Id, agreement.Id, municipalities[0].Id, 2026, 1, InvoiceKind.Invoice, InvoicePurpose.Instalment, 1, 1000m, false,
                new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 1), "Test", $$"""{"agreement":"Test","year":2026,"costLevelChain":[],"costLevel":2000,"costLevelPreliminary":false,"populationReferenceDate":"2025-12-31","population":1,"totalPopulation":2,"share":0.5,"exactAmount":1000,"annualAmount":2000,"roundingAdded":0,"previouslyInvoiced":0,"calculation":"Test"}""");
            db.Invoices.Add(invoice);
        }

        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.CountyId == county.Id);
        if (scenario is null)
        {
            scenario = new Scenario(county.Id, "Test", 2026, 1_000_000m, null, ScenarioKey.Equal, null, "test");
            scenario.Share(true);
            db.Scenarios.Add(scenario);
        }

        // A meeting with an agenda, the same one every time (the demo has meetings whose agenda is still empty).
        var meeting = (await db.Meetings.Where(m => m.CountyId == county.Id && m.Agenda.Any()).ToListAsync()).OrderBy(m => m.StartsAt).ThenBy(m => m.Id).FirstOrDefault();
        if (meeting is null)
        {
            meeting = new Meeting(body, new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 1, 11, 0, 0, TimeSpan.Zero), "Regionhuset");
            meeting.AddAgendaItem("Test", null, null, null);
            db.Meetings.Add(meeting);
        }

        var meetingWithAgenda = db.Entry(meeting).State == EntityState.Added ? meeting : await db.Meetings.Include(m => m.Agenda).FirstAsync(m => m.Id == meeting.Id);
        var document = await db.AgendaDocuments.FirstOrDefaultAsync(d => d.CountyId == county.Id);
        if (document is null)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 test " + countyCode);
            document = await Samverkan.Web.Features.Meetings.Documents.AddAsync(db, meetingWithAgenda, meetingWithAgenda.Agenda[0].Id, "test.pdf", bytes, false, "test");
        }

        var groupReport = await db.GroupReports.FirstOrDefaultAsync(r => r.CountyId == county.Id);
        if (groupReport is null)
        {
            groupReport = new GroupReport(body, new DateOnly(2026, 12, 31));
            db.GroupReports.Add(groupReport);
        }

        var minutes = await db.Minutes.Include(m => m.Items).FirstOrDefaultAsync(m => m.MeetingId == meeting.Id);
        if (minutes is null)
        {
            minutes = new Minutes(meeting, 2027);
            // The county's first meeting may be the consultation forum's, whose minutes never hold a decision.
            minutes.AddItem(1, "Test", null, "Beslut", meeting.Advisory ? DecisionKind.Advice : DecisionKind.Recommendation);
            db.Minutes.Add(minutes);
        }

        var fund = await db.Funds.FirstOrDefaultAsync(f => f.CountyId == county.Id);
        if (fund is null)
        {
            var withSupplements = await db.Agreements.Include(a => a.Supplements).FirstAsync(a => a.Id == agreement.Id);
            var supplement = (withSupplements.Supplements.Count > 0 ? withSupplements.Supplements[0] : null)
                ?? withSupplements.AddSupplement("Tillägg om gemensamma resurser", "Test", new DateOnly(2022, 1, 1), null);
            fund = new Fund(county.Id, withSupplements, supplement, "Gemensamma resurser", new DateOnly(2022, 1, 1), [("Källa 1", 1_000_000m)], "test");
            db.Funds.Add(fund);
        }

        var contract = await db.PartyContracts.FirstOrDefaultAsync(c => c.CountyId == county.Id);
        if (contract is null)
        {
            var withParties = await db.Agreements.Include(a => a.Parties).FirstAsync(a => a.Id == agreement.Id);
            contract = new PartyContract(withParties, municipalities[0], "Innebörd.", "Åtaganden.",
            [
                (ContractSide.Region, SignatoryCapacity.Elected, "Test Testsson", "Ordförande", null),
                (ContractSide.Region, SignatoryCapacity.Official, "Test Testsson", "Regiondirektör", null),
                (ContractSide.Municipality, SignatoryCapacity.Elected, "Test Testsson", "Kommunstyrelsens ordförande", null),
                (ContractSide.Municipality, SignatoryCapacity.Official, "Test Testsson", "Kommundirektör", null),
            ]);
            var signed = await Samverkan.Web.Infrastructure.Documents.FileStore.StoreAsync(db, "avtal.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 avtal " + countyCode), default);
            contract.AttachDocument(signed.FileName, signed.ContentType, signed.Hash, signed.Size);
            db.PartyContracts.Add(contract);
        }

        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.CountyId == county.Id);
        if (initiative is null)
        {
            initiative = new Initiative(fund, "Test", "Syfte", 1000m, municipalities[0].Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
            db.Initiatives.Add(initiative);
        }

        var caseEntity = await db.Cases.Include(c => c.Steps).Include(c => c.Documents)
            .FirstOrDefaultAsync(c => c.CountyId == county.Id && c.Series == "T" && c.Steps.Any() && c.Documents.Any(d => d.FileHash != null));
        if (caseEntity is null)
        {
            caseEntity = new Samverkan.Domain.Cases.Case(county.Id, "T", 1, new DateOnly(2026, 1, 1), "Test", Samverkan.Domain.Cases.CaseKind.Referral, null, null);
            caseEntity.ReceiveAsReferral("Departementet", null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), null);
            caseEntity.AddStep(body.Id, body, false, Samverkan.Domain.Cases.StepRole.Prepare, null);
            var file = await Samverkan.Web.Infrastructure.Documents.FileStore.StoreAsync(db, "test.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 case " + countyCode), default);
            caseEntity.AddDocument(Samverkan.Domain.Cases.DocumentDirection.Internal, null, new DateOnly(2026, 1, 1), "Test", true, null, file);
            db.Cases.Add(caseEntity);
        }

        await db.SaveChangesAsync();
        return new()
        {
            ["case"] = caseEntity.Id.ToString(),
            ["caseStep"] = caseEntity.Steps[0].Id.ToString(),
            ["caseDocument"] = caseEntity.Documents.First(d => d.FileHash != null).Id.ToString(),
            ["countyCode"] = countyCode,
            ["agreement"] = agreement.Id.ToString(),
            ["adoption"] = (await db.Set<Samverkan.Domain.Agreements.Adoption>().Where(a => a.AgreementId == agreement.Id).Select(a => a.Id).FirstAsync()).ToString(),
            ["body"] = body.Id.ToString(),
            ["membership"] = body.Memberships[0].Id.ToString(),
            ["party"] = municipalities[0].Id.ToString(),
            ["invoice"] = invoice.Id.ToString(),
            ["scenario"] = scenario.Id.ToString(),
            ["meeting"] = meeting.Id.ToString(),
            ["groupReport"] = groupReport.Id.ToString(),
            ["agendaItem"] = meetingWithAgenda.Agenda[0].Id.ToString(),
            ["document"] = document.Id.ToString(),
            ["minutesItem"] = minutes.Items[0].Id.ToString(),
            ["fund"] = fund.Id.ToString(),
            ["initiative"] = initiative.Id.ToString(),
            ["contract"] = contract.Id.ToString(),
        };
    }

    /// <summary>Fills a route template with sample values of one county; an unknown parameter fails so new routes get a sample.</summary>
    private static string Url(string template, Dictionary<string, string> samples)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var name = segments[i].Trim('{', '}').Split(':')[0].TrimEnd('?');
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            segments[i] = (name, previous) switch
            {
                ("countyCode", _) => samples["countyCode"],
                ("id", "agreements") => samples["agreement"],
                ("id", "funds") => samples["fund"],
                ("id", "initiatives") => samples["initiative"],
                ("id", "contracts") => samples["contract"],
                ("id", "bodies") => samples["body"],
                ("membershipId", _) => samples["membership"],
                ("id", "invoices") => samples["invoice"],
                ("id", "scenarios") => samples["scenario"],
                ("id", "meetings") => samples["meeting"],
                ("id", "group-reports") => samples["groupReport"],
                ("itemId", "agenda-items") => samples["agendaItem"],
                ("id", "documents") => samples["document"],
                ("itemId", "items") => samples["minutesItem"],
                ("itemId", "minutes-items") => samples["minutesItem"],
                ("year", _) => "2026",
                ("instalment", _) => "1",
                ("series", _) => "LPIK",
                ("token", _) => "no-such-token",
                ("partyId", _) => samples["party"],
                ("id", "parties") => samples["party"],
                ("id", "draft") => samples["agreement"],
                ("adoptionId", _) => samples["adoption"],
                ("id", "cases") => samples["case"],
                ("id", "referrals") => samples["case"],
                ("stepId", _) => samples["caseStep"],
                ("documentId", "documents") => samples["caseDocument"],
                _ => throw new InvalidOperationException($"No sample value for {{{name}}} after '{previous}' in {template}: add one in TenantIsolationTests.Url."),
            };
        }

        return string.Join('/', segments);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Target target, Dictionary<string, string> samples, string? antiforgery = null)
    {
        var url = Url(target.Template, samples) + (target.Handler is null ? string.Empty : "?handler=" + target.Handler)
            + (target.Handler == "Document" ? "&documentId=" + samples["document"] : string.Empty);
        var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
        if (target.Method is "POST" or "PUT")
        {
            request.Content = target.IsPage
                ? new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery ?? string.Empty })
                : Json("{}");
        }

        return await client.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
