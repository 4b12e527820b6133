using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Samverkan.Domain.Counties;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Browser;

/// <summary>
/// A county that is not in the demo seeds, Gävleborgs län (21), sets itself up through the browser only, on an empty
/// installation started as the README's production recipe (no demo data, the first administrator from
/// Samverkan:AdminPassword, an empty SQLite file): the administrator creates the county and invites its secretariat,
/// who chooses a password from the invitation e-mail and then adds the parties, drafts the agreement, records the
/// councils' adoptions, sets up a body, the cost model and the population, raises the first instalment, keeps a case
/// register, and has a meeting's minutes signed, checked and published by the body's chair and checker.
/// </summary>
public sealed class NewCountyBrowserTests
{
    private const string AdminPassword = "Korrekt-häst-batteri-2026!";
    private const string PersonPassword = "Gävleborg-Ny-Start-2026!";
    private const string AgreementTitle = "Överenskommelse om regional samverkan i Gävleborg";
    private const string BodyName = "Strategisk regional beredning i Gävleborg";

    /// <summary>The parties as SCB lists them for county 21 (the region first, then by municipality code).</summary>
    private static readonly string[] Parties =
        ["Region Gävleborg", "Ockelbo", "Hofors", "Ovanåker", "Nordanstig", "Ljusdal", "Gävle", "Sandviken", "Söderhamn", "Bollnäs", "Hudiksvall"];

    /// <summary>The population the test imports for 31 December of the year before the invoiced year.</summary>
    private static readonly Dictionary<string, int> Population = new()
    {
        ["2101"] = 5_807, ["2104"] = 9_340, ["2121"] = 11_378, ["2132"] = 9_236, ["2161"] = 18_868,
        ["2180"] = 104_048, ["2181"] = 40_126, ["2182"] = 24_852, ["2183"] = 26_329, ["2184"] = 37_477,
    };

    /// <summary>The party that adopts last: the first instalment is refused until it has.</summary>
    private const string Pending = "Ljusdal";

    private static string OrgNo(int seed)
    {
        var nine = $"212{seed:000000}";
        return $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";
    }

    private static string RegistryEmail(string party) =>
        "registrator@" + party.ToLowerInvariant().Replace(' ', '-').Replace('ä', 'a').Replace('å', 'a').Replace('ö', 'o') + ".example.se";

    [Fact]
    public async Task Gavleborg_SetsItselfUp_ThroughTheBrowser_FromAnEmptyProductionInstallation()
    {
        var folder = Directory.CreateTempSubdirectory("samverkan_gavleborg_");
        var mail = Path.Combine(folder.FullName, "mail");
        try
        {
            await using var app = await AppProcess.StartAsync(new()
            {
                ["ConnectionStrings__Samverkan"] = $"Data Source={Path.Combine(folder.FullName, "samverkan.db")}",
                ["Samverkan__AdminPassword"] = AdminPassword,
                // The invitations are e-mail: written as .eml files into a folder the test reads, as a person reads their mail.
                ["Smtp__Enabled"] = "true",
                ["Smtp__PickupDirectory"] = mail,
                ["Smtp__PollSeconds"] = "0.5",
            });
            app.Output.ShouldNotContain("Samverkan demo:");
            File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} started\n"); // TIMING
            try
            {
                await RunAsync(app.BaseAddress.ToString().TrimEnd('/'), new Mailbox(mail));
            }
            catch (Exception e) when (e is not ShouldAssertException)
            {
                if (current is { IsClosed: false })
                {
                    await current.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-failure"), FullPage = true });
                }

                // A timeout says little by itself: the app's own log says what it was doing.
                var log = app.Output;
                throw new InvalidOperationException($"{e.Message}\n--- the app's log (last 6000 characters) ---\n{log[Math.Max(0, log.Length - 6000)..]}", e);
            }
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The app may still hold the database file for a moment; the temp folder is the system's to clean.
            }
        }
    }

    /// <summary>The secretariat's page, for a screenshot when a step times out.</summary>
    private static IPage? current;

    private static async Task RunAsync(string baseUrl, Mailbox mailbox)
    {
        var swedish = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, swedish).DateTime);
        var year = today.Year;
        var lastYear = year - 1;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AdoptionMatrixBrowserTests.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000); // a loaded two-core machine is slow; the steps are the same
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        current = page;

        // ---- 2. The administrator signs in; the empty installation says what to do first. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 2. The administrator signs in; the empty\n"); // TIMING
        await page.GotoAsync(baseUrl + "/");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await SignInAsync(page, "admin", AdminPassword);
        await page.WaitForURLAsync(baseUrl + "/");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe(
            "Installationen är tom. Börja med att skapa ert län. Sedan skapar du ett konto för länets sekretariat under Konton, och sekretariatet följer checklistan: parter från SCB:s lista, avtalet, organen, kostnadsmodellen.");
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-empty-start"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "skapa ert län" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/counties");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldStartWith("Installationen har inga län ännu.");
        await AxeAsync(page);
        await ShouldFitAsync(page, "new-county-admin-counties");
        var create = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Skapa länet", Exact = true }) });
        await create.GetByLabel("Län (SCB:s länskod)").SelectOptionAsync(new SelectOptionValue { Label = "21 Gävleborgs län" });
        await create.GetByRole(AriaRole.Button, new() { Name = "Skapa länet", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/counties/21/setup");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Kom igång: Gävleborgs län");
        (await page.Locator("p.lead").InnerTextAsync()).ShouldBe("0 av 8 steg klara. Gör stegen i ordning; varje länk leder dit steget görs.");
        (await ChecklistAsync(page)).ShouldBe(
        [
            "Återstår: ○ Parter – Ingen region, 0 kommuner av 10 i SCB:s lista",
            "Återstår: ○ Organisationsnummer och registratorer – Inga parter ännu",
            "Återstår: ○ Samverkansavtal – Inget avtal ännu",
            "Återstår: ○ Antaget av alla fullmäktige – Inget avtal ännu",
            "Återstår: ○ Politiska organ – 0 organ",
            "Återstår: ○ Kostnadsfördelning – Ingen kostnadsmodell (behövs bara om parterna delar kostnader)",
            "Återstår: ○ Ärendeserier – 0 serier, 0 mallar för beredningsgång",
            "Återstår: ○ Konton – 0 konton",
        ]);
        await AxeAsync(page);
        await ShouldFitAsync(page, "new-county-setup-empty");

        // ---- 3. The administrator invites the county's secretariat; the invitation's link sets the password. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 3. The administrator invites the county'\n"); // TIMING
        await page.GetByRole(AriaRole.Link, new() { Name = "Konton", Exact = true }).Last.ClickAsync();
        await page.WaitForURLAsync("**/admin/accounts?county=21");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Konton – Gävleborgs län");
        await AxeAsync(page);
        await InviteAsync(page, "sekretariat.gavleborg", "Greta Gran, Region Gävleborg", "greta.gran@regiongavleborg.example.se", "Sekretariat");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Inbjudan till sekretariat.gavleborg är skickad till greta.gran@regiongavleborg.example.se.");
        (await page.Locator("table tbody tr").Filter(new() { HasText = "sekretariat.gavleborg" }).Locator("td").Nth(4).InnerTextAsync()).ShouldBe("Inbjudan skickad");
        var invitation = await mailbox.NextToAsync("greta.gran@regiongavleborg.example.se");
        invitation.Subject.ShouldBe("Ditt konto i Samverkan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await SetPasswordAsync(page, invitation, "sekretariat.gavleborg");
        await SignInAsync(page, "sekretariat.gavleborg", PersonPassword);
        await page.WaitForURLAsync("**/counties/21");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Gävleborgs län");
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-overview-empty"), FullPage = true });

        // ---- 4. The parties from SCB's list, each with its organisation number and its registry's address. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 4. The parties from SCB's list, each wit\n"); // TIMING
        await menu.GetByRole(AriaRole.Link, new() { Name = "Parter", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/parties");
        (await page.Locator("section[aria-labelledby=from-reference] p").InnerTextAsync()).ShouldBe(
            "SCB:s lista har 11 parter som inte är parter ännu: " + string.Join(", ", Parties) + ".");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till alla 11" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe(
            "11 parter har lagts till från SCB:s lista. Fyll i organisationsnummer och registratorns e-post för var och en.");
        var partyRows = page.Locator("table").First.Locator("tbody tr");
        (await partyRows.Locator("th").AllInnerTextsAsync()).Order(StringComparer.Ordinal).ShouldBe(Parties.Order(StringComparer.Ordinal));
        (await page.Locator("table").First.Locator("tbody .status-ended").CountAsync()).ShouldBe(22);
        (await page.Locator("section[aria-labelledby=from-reference] p").InnerTextAsync()).ShouldBe("Regionen och alla kommuner i SCB:s lista för Gävleborgs län är parter.");
        await AxeAsync(page);
        await ShouldFitAsync(page, "new-county-parties");

        for (var i = 0; i < Parties.Length; i++)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = Parties[i], Exact = true }).ClickAsync();
            (await page.Locator("h1").InnerTextAsync()).ShouldBe(Parties[i]);
            if (i == 0)
            {
                await AxeAsync(page);
                await ShouldFitAsync(page, "new-county-party");
            }

            await page.GetByLabel("Organisationsnummer", new() { Exact = true }).FillAsync(OrgNo(i + 1));
            await page.GetByLabel("Registratorns e-postadress", new() { Exact = true }).FillAsync(RegistryEmail(Parties[i]));
            await page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
            (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Uppgifterna är sparade.");
            await page.GetByRole(AriaRole.Link, new() { Name = "Parter", Exact = true }).Last.ClickAsync();
            await page.WaitForURLAsync("**/counties/21/parties");
        }

        (await page.Locator("table").First.Locator("tbody .status-ended").CountAsync()).ShouldBe(0);
        (await partyRows.Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Gävle", Exact = true }) }).InnerTextAsync()).ShouldBe(
            $"Gävle\tKommun\t2180\t{OrgNo(7)}\t{RegistryEmail("Gävle")}\t–\t–");

        // ---- 5. The agreement drafted, then adopted by ten of the eleven councils. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 5. The agreement drafted, then adopted b\n"); // TIMING
        await menu.GetByRole(AriaRole.Link, new() { Name = "Inställning" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/setup");
        (await page.Locator("p.lead").InnerTextAsync()).ShouldStartWith("3 av 8 steg klara.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Samverkansavtal", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/agreements/draft");
        await AxeAsync(page);
        (await page.GetByRole(AriaRole.Group, new() { Name = "Parter" }).GetByRole(AriaRole.Checkbox, new() { Checked = true }).CountAsync()).ShouldBe(11);
        await page.GetByLabel("Rubrik", new() { Exact = true }).FillAsync(AgreementTitle);
        await page.GetByLabel("Diarienummer", new() { Exact = true }).FillAsync("RG 2025-77");
        await page.GetByLabel("Gäller från", new() { Exact = true }).FillAsync($"{year}-01-01");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(
            "§ 1 Parter\nRegion Gävleborg och länets tio kommuner.\n\n§ 4 Ekonomi\nKostnaderna fördelas efter kommunernas folkmängd den 31 december året före.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkastet" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/counties/21/agreements/[0-9a-f-]{36}$"));
        var agreementUrl = page.Url;
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe(
            $"{AgreementTitle} är sparad som utkast. Registrera varje fullmäktiges antagandebeslut här när de kommer.");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(AgreementTitle);
        var matrix = page.Locator("table").First.Locator("tbody tr");
        (await matrix.CountAsync()).ShouldBe(11);
        (await matrix.Locator(".status-adopting").CountAsync()).ShouldBe(11);
        await AxeAsync(page);

        var adopted = Parties.Where(p => p != Pending).ToList();
        for (var i = 0; i < adopted.Count; i++)
        {
            var council = i == 0 ? "RF" : "KF";
            await page.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = adopted[i] });
            await page.GetByLabel("Fullmäktiges beslutsdatum").FillAsync($"{lastYear}-11-{10 + i:00}");
            await page.GetByLabel("Beslutsreferens").FillAsync($"{council} {lastYear}-11-{10 + i:00} § {40 + i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).ClickAsync();
            (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe($"Antagandebeslutet för {adopted[i]} är registrerat.");
        }

        (await matrix.Locator(".status-inforce").CountAsync()).ShouldBe(10);
        (await matrix.Filter(new() { HasText = Pending }).Locator("td").Last.InnerTextAsync()).ShouldBe("Väntar på beslut");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("Antagen av\n10 av 11 parter");
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-adoptions"), FullPage = true });

        // ---- 6. A body from a template, with its own rules. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 6. A body from a template, with its own \n"); // TIMING
        await menu.GetByRole(AriaRole.Link, new() { Name = "Inställning" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Politiska organ", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/bodies/new");
        await AxeAsync(page);
        await page.GetByLabel("Börja från en mall").SelectOptionAsync(new SelectOptionValue { Label = "Som Västmanlands strategiska regionala beredning (SRB)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Fyll i från mallen" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/bodies/new?template=strategisk-regional-beredning");
        (await page.GetByLabel("Lägsta antal ledamöter", new() { Exact = true }).InputValueAsync()).ShouldBe("25");
        (await page.GetByLabel("Förkortning").InputValueAsync()).ShouldBe("SRB");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync(BodyName);
        await page.GetByLabel("Avtalet organet arbetar under").SelectOptionAsync(new SelectOptionValue { Label = AgreementTitle });
        await page.GetByLabel("Högsta antal ledamöter", new() { Exact = true }).FillAsync("28");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inrätta organet" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/counties/21/bodies/[0-9a-f-]{36}$"));
        var bodyUrl = page.Url;
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe($"{BodyName} är inrättat. Utse ledamöterna under Ledamöter.");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"{BodyName} (SRB)");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("Antal ledamöter\n25 till 28 (i dag 0)");
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-body"), FullPage = true });

        var bodyPages = page.GetByRole(AriaRole.Navigation, new() { Name = "Organets sidor" });
        await bodyPages.GetByRole(AriaRole.Link, new() { Name = "Regler" }).ClickAsync();
        await page.WaitForURLAsync("**/rules");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Regler för {BodyName} (SRB)");
        (await page.GetByLabel("Lägsta antal ledamöter", new() { Exact = true }).InputValueAsync()).ShouldBe("25");
        (await page.GetByLabel("Högsta antal ledamöter", new() { Exact = true }).InputValueAsync()).ShouldBe("28");
        (await page.GetByLabel("Ledamöter per kommun").InputValueAsync()).ShouldBe("2");
        (await page.GetByLabel("Kallelsen skickas senast så många dagar före").InputValueAsync()).ShouldBe("14");
        await AxeAsync(page);

        // ---- 7. The cost model, the population, the first instalment refused, the last adoption, the invoices. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 7. The cost model, the population, the f\n"); // TIMING
        await menu.GetByRole(AriaRole.Link, new() { Name = "Inställning" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kostnadsfördelning", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/cost-sharing");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kostnadsmodell och index" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/cost-model");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skapa kostnadsmodell" }).ClickAsync();
        await page.WaitForURLAsync("**/cost-model");
        (await page.GetByLabel("Basår", new() { Exact = true }).InputValueAsync()).ShouldBe(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Kostnadsnivå basåret (hela kronor)").FillAsync("12000000");
        await page.GetByLabel("Fakturan hänvisar till avsnittet").FillAsync("§ 4 Ekonomi");
        await page.GetByLabel("Bankgiro (frivilligt)").FillAsync("5050-1055");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa kostnadsmodell" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/cost-model");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Kostnadsmodellen är skapad.");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain($"{year}: 12 000 000 kr");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Kostnader" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/cost-sharing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera folkmängd" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/population");
        await AxeAsync(page);
        // SCB's figures go into the page's own template: a row per municipality, the figure left to fill in.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner en mall" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("folkmangd-mall-21.csv");
        var template = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).TrimStart('\uFEFF');
        var lines = template.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("kommunkod;kommun;folkmängd");
        lines.Skip(1).Select(l => l.Split(';')[0]).Order(StringComparer.Ordinal).ShouldBe(Population.Keys.Order(StringComparer.Ordinal));
        var filled = string.Join("\r\n", lines.Select((l, n) => n == 0 ? l : l + Population[l.Split(';')[0]].ToString(CultureInfo.InvariantCulture))) + "\r\n";
        await page.GetByLabel("Folkmängd per 31 december år").FillAsync(lastYear.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Fil (CSV)").SetInputFilesAsync(new FilePayload { Name = "folkmangd-21.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(filled) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain($"Folkmängden per {lastYear}-12-31 för 10 kommuner är importerad.");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Kostnader" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/cost-sharing");
        (await page.Locator("h2#chain").InnerTextAsync()).ShouldBe($"Kostnadsnivå {year}: 12 000 000 kr");
        var shares = page.Locator("section[aria-labelledby=rows] tbody tr");
        (await shares.CountAsync()).ShouldBe(10);
        (await shares.Filter(new() { HasText = "Gävle" }).First.Locator("td").AllInnerTextsAsync())
            .ShouldBe(["2180", "104 048", "36,1955 %", "4 343 462 kr", "2 171 731 kr", "2 171 731 kr"]);
        (await page.Locator("section[aria-labelledby=rows] tfoot").InnerTextAsync()).ShouldContain("287 461");
        (await page.Locator("section[aria-labelledby=rows] tfoot").InnerTextAsync()).ShouldContain("12 000 000 kr");
        (await page.Locator("#refusal-1").InnerTextAsync()).ShouldBe(
            $"Delbetalning 1 kan inte faktureras\n\nÖverenskommelsen gäller inte den {year}-02-01, förfallodagen för delbetalning 1 för {year}: {Pending} har inte antagit den. Den gäller först när alla parters fullmäktige har antagit den, och ingen faktura skapas innan dess.");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Fakturera delbetalning 1" }).CountAsync()).ShouldBe(0);
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-cost-sharing-refused"), FullPage = true });

        await page.GotoAsync(agreementUrl);
        await page.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Pending });
        await page.GetByLabel("Fullmäktiges beslutsdatum").FillAsync($"{lastYear}-12-14");
        await page.GetByLabel("Beslutsreferens").FillAsync($"KF {lastYear}-12-14 § 188");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe($"Antagandebeslutet för {Pending} är registrerat.");
        (await page.Locator(".status").First.InnerTextAsync()).ShouldBe("Gäller");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Kostnader" }).ClickAsync();
        (await page.Locator("#refusal-1").CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fakturera delbetalning 1" }).ClickAsync();
        var agreedDue = new DateOnly(year, 2, 1);
        var due = agreedDue < today ? today.AddDays(30) : agreedDue;
        (await page.Locator("#confirm").InnerTextAsync()).ShouldContain("10 fakturor på sammanlagt 5 999 998 kr skapas");
        (await page.Locator("#confirm").InnerTextAsync()).ShouldContain(agreedDue < today
            ? $"Förfallodag: {due:yyyy-MM-dd} – den avtalade förfallodagen {agreedDue:yyyy-MM-dd} har passerat, så fakturorna förfaller 30 dagar efter fakturadatum."
            : $"Förfallodag: {due:yyyy-MM-dd} (den avtalade förfallodagen).");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa 10 fakturor" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe(
            $"10 fakturor för delbetalning 1 skapades ({year}-0001–{year}-0010), sammanlagt 5 999 998 kr.");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Fakturor" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/invoices");
        (await page.Locator("table caption").InnerTextAsync()).ShouldBe($"Fakturaregister {year}: 10 fakturor, netto 5 999 998 kr");
        var gavleInvoice = page.Locator("table tbody tr").Filter(new() { HasText = "Gävle" }).First;
        (await gavleInvoice.Locator("td").Nth(2).InnerTextAsync()).ShouldBe("2 171 731 kr");
        (await gavleInvoice.Locator("td").Nth(4).InnerTextAsync()).ShouldBe($"{due:yyyy-MM-dd}");
        await AxeAsync(page);
        await gavleInvoice.GetByRole(AriaRole.Link).ClickAsync();
        (await page.Locator("dl.facts dd").AllInnerTextsAsync()).ShouldBe(
        [
            $"Gävle, org.nr {OrgNo(7)}", $"Region Gävleborg, org.nr {OrgNo(1)}", $"Regional samverkan {year}, delbetalning 1 av 2", $"{AgreementTitle} (RG 2025-77)", "2 171 731 kr",
            $"{today:yyyy-MM-dd}", $"{due:yyyy-MM-dd}", "Skickad",
        ]);
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-invoice"), FullPage = true });

        // ---- 8. The case register: a series and a flow template, a case with the template's steps, an outcome. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 8. The case register: a series and a flo\n"); // TIMING
        await menu.GetByRole(AriaRole.Link, new() { Name = "Inställning" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ärendeserier", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/flow-templates");
        await AxeAsync(page);
        await page.GetByLabel("Kod", new() { Exact = true }).FillAsync("RG");
        await page.GetByLabel("Namn", new() { Exact = true }).First.FillAsync("Region Gävleborg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till serien" }).ClickAsync();
        (await page.Locator("table").First.Locator("tbody tr").InnerTextAsync()).ShouldBe("RG\tRegion Gävleborg\t");
        var templateForm = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Spara mallen" }) });
        await templateForm.GetByLabel("Namn", new() { Exact = true }).FillAsync("Strategi (SRB bereder, varje fullmäktige beslutar)");
        await templateForm.Locator("#by-0").SelectOptionAsync(new SelectOptionValue { Label = $"{BodyName} (SRB)" });
        await templateForm.Locator("#role-0").SelectOptionAsync(new SelectOptionValue { Label = "Bereder" });
        await templateForm.Locator("#days-0").FillAsync("60");
        await templateForm.Locator("#by-1").SelectOptionAsync(new SelectOptionValue { Label = "Varje parts fullmäktige" });
        await templateForm.Locator("#role-1").SelectOptionAsync(new SelectOptionValue { Label = "Beslutar" });
        await templateForm.GetByRole(AriaRole.Button, new() { Name = "Spara mallen" }).ClickAsync();
        (await page.Locator("h3").Filter(new() { HasText = "Strategi (SRB" }).CountAsync()).ShouldBe(1);
        (await page.Locator("main ol li").AllInnerTextsAsync()).ShouldBe(
            [$"{BodyName} (SRB) – bereder, senast 60 dagar efter registreringen", "Varje parts fullmäktige – beslutar"]);
        await AxeAsync(page);

        await menu.GetByRole(AriaRole.Link, new() { Name = "Ärenden" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/cases");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("0 ärenden.");
        await AxeAsync(page);
        var register = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }) });
        await register.GetByLabel("Rubrik").FillAsync("Regional utvecklingsstrategi för Gävleborg");
        await register.GetByLabel("Ärendetyp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Strategi, handlingsplan eller agenda" });
        await register.GetByLabel("Ansvarigt organ").SelectOptionAsync(new SelectOptionValue { Label = $"{BodyName} (SRB)" });
        await register.GetByLabel("Handläggare").FillAsync("Greta Gran");
        await register.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/counties/21/cases/[0-9a-f-]{36}\?saved=registered$"));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Ärendet är registrerat.");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"RG 1-{year} Regional utvecklingsstrategi för Gävleborg");
        await page.GetByLabel("Mall för beredningsgång").SelectOptionAsync(new SelectOptionValue { Label = "Strategi (SRB bereder, varje fullmäktige beslutar)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till mallens steg" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Mallens steg är tillagda.");
        var steps = page.Locator("ol.flow > li");
        (await steps.CountAsync()).ShouldBe(2);
        (await steps.Nth(0).Locator("h3").InnerTextAsync()).ShouldBe("1. SRB – bereder");
        (await steps.Nth(1).Locator("h3").InnerTextAsync()).ShouldBe("2. Varje parts fullmäktige – beslutar");
        await AxeAsync(page);
        var first = steps.Nth(0);
        await first.GetByLabel("Utfall").SelectOptionAsync(new SelectOptionValue { Label = "Berett" });
        await first.GetByLabel("Datum").FillAsync($"{today.AddDays(-1):yyyy-MM-dd}");
        await first.GetByLabel("Referens").FillAsync($"SRB {today.AddDays(-1):yyyy-MM-dd} § 5");
        await first.GetByRole(AriaRole.Button, new() { Name = "Registrera utfall" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Stegets utfall är registrerat.");
        (await steps.Nth(0).Locator("p").Nth(1).InnerTextAsync()).ShouldBe($"Berett, SRB {today.AddDays(-1):yyyy-MM-dd} § 5, {today.AddDays(-1):yyyy-MM-dd}");
        (await steps.Nth(1).InnerTextAsync()).ShouldContain("0 av 11 har beslutat.");
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-case"), FullPage = true });

        // ---- 9. Minutes: two people, their seats, their accounts; a meeting, its agenda; signed, checked, published. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 9. Minutes: two people, their seats, the\n"); // TIMING
        await menu.GetByRole(AriaRole.Link, new() { Name = "Personer" }).ClickAsync();
        await page.WaitForURLAsync("**/counties/21/people");
        await AxeAsync(page);
        await AddPersonAsync(page, "Anna", "Ordh", "anna.ordh@gavle.example.se", "Gävle", "S");
        await AddPersonAsync(page, "Bertil", "Juste", "bertil.juste@sandviken.example.se", "Sandviken", "M");
        (await page.Locator("table caption").InnerTextAsync()).ShouldBe("2 personer");

        await page.GotoAsync(bodyUrl);
        await bodyPages.GetByRole(AriaRole.Link, new() { Name = "Ledamöter" }).ClickAsync();
        await page.WaitForURLAsync("**/members");
        await AxeAsync(page);
        await AppointAsync(page, "Ordh, Anna", "Gävle", "Ordförande", "S", "Majoritet");
        await AppointAsync(page, "Juste, Bertil", "Sandviken", "Ledamot", "M", "Opposition");
        (await page.Locator("section[aria-labelledby=members] tbody tr").CountAsync()).ShouldBe(2);

        await menu.GetByRole(AriaRole.Link, new() { Name = "Konton" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/accounts?county=21");
        await InviteAsync(page, "anna.ordh", "Anna Ordh, Gävle", "anna.ordh@gavle.example.se", "Ledamot", seat: "Anna Ordh, SRB");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Inbjudan till anna.ordh är skickad till anna.ordh@gavle.example.se.");
        await InviteAsync(page, "bertil.juste", "Bertil Juste, Sandviken", "bertil.juste@sandviken.example.se", "Ledamot", seat: "Bertil Juste, SRB");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Inbjudan till bertil.juste är skickad till bertil.juste@sandviken.example.se.");
        await AxeAsync(page);

        // The meeting is planned ahead with its agenda, then moved to yesterday: minutes are kept of a held meeting.
        await page.GotoAsync(bodyUrl);
        await bodyPages.GetByRole(AriaRole.Link, new() { Name = "Sammanträden" }).ClickAsync();
        await page.WaitForURLAsync("**/meetings");
        await AxeAsync(page);
        await page.GetByText("Planera sammanträde").ClickAsync();
        await page.GetByLabel("Datum").FillAsync($"{today.AddDays(7):yyyy-MM-dd}");
        await page.GetByLabel("Plats").FillAsync("Residenset, Gävle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planera" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{today.AddDays(7):yyyy-MM-dd}" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/counties/21/meetings/[0-9a-f-]{36}$"));
        var meetingUrl = page.Url;
        await AxeAsync(page);
        await page.GetByLabel("Rubrik").FillAsync("Regional utvecklingsstrategi för Gävleborg");
        await page.GetByLabel("Diarienummer").FillAsync($"RG 1-{year}");
        await page.GetByLabel("Förslag till beslut").FillAsync("Beredningen föreslår att strategin antas av parternas fullmäktige.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till", Exact = true }).ClickAsync();
        (await page.Locator("table tbody tr").CountAsync()).ShouldBe(1);
        await page.GetByText("Flytta sammanträdet").ClickAsync();
        await page.GetByLabel("Datum").FillAsync($"{today.AddDays(-1):yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Flytta", Exact = true }).ClickAsync();
        (await page.Locator("p.notice").InnerTextAsync()).ShouldBe("Sammanträdet har hållits. Till protokollet");
        await page.GetByRole(AriaRole.Link, new() { Name = "Till protokollet" }).ClickAsync();
        await page.WaitForURLAsync("**/minutes");
        await AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Påbörja protokoll" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är påbörjat.");
        (await page.Locator("section.card h3").AllInnerTextsAsync()).ShouldBe(["§ 1 Regional utvecklingsstrategi för Gävleborg"]);
        await page.GetByLabel("Anna Ordh").CheckAsync();
        await page.GetByLabel("Bertil Juste").CheckAsync();
        await page.GetByLabel("Justerare").SelectOptionAsync(new SelectOptionValue { Label = "Bertil Juste (Sandviken)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro och justerare" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Närvaro och justerare är sparade.");
        var minutesUrl = page.Url;
        await AxeAsync(page);

        var chair = await PersonAsync(browser, baseUrl, mailbox, "anna.ordh", "anna.ordh@gavle.example.se");
        await chair.GotoAsync(minutesUrl);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Underteckna som ordförande" }).ClickAsync();
        (await chair.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är undertecknat.");
        (await chair.Locator("dl.facts dd").First.InnerTextAsync()).ShouldBe("Undertecknat av ordföranden, väntar på justering");
        await chair.ShouldBeAccessibleAsync();

        var checker = await PersonAsync(browser, baseUrl, mailbox, "bertil.juste", "bertil.juste@sandviken.example.se");
        await checker.GotoAsync(minutesUrl);
        await checker.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }).ClickAsync();
        (await checker.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är justerat.");
        (await checker.Locator("dl.facts dd").First.InnerTextAsync()).ShouldBe("Justerat");

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Expediera och publicera" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Protokollet är expedierat och publicerat.");
        (await page.Locator("dl.facts dd").First.InnerTextAsync()).ShouldBe("Justerat och expedierat");
        await AxeAsync(page);
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath("new-county-minutes"), FullPage = true });

        // Anyone reads the published minutes on the open pages.
        var anonymous = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        anonymous.SetDefaultTimeout(60_000);
        await anonymous.GotoAsync(baseUrl + "/public");
        await anonymous.GetByRole(AriaRole.Link, new() { Name = BodyName }).ClickAsync();
        await anonymous.GetByRole(AriaRole.Link, new() { Name = $"Protokoll {today.AddDays(-1):yyyy-MM-dd}" }).ClickAsync();
        (await anonymous.Locator("h2").AllInnerTextsAsync()).ShouldBe(["§ 1 Regional utvecklingsstrategi för Gävleborg"]);
        (await anonymous.Locator("main").InnerTextAsync()).ShouldContain("Beredningen föreslår att strategin antas av parternas fullmäktige.");
        await anonymous.ShouldBeAccessibleAsync();

        // ---- 10. The fund: set up under an adopted supplement to the agreement. ----
        File.AppendAllText("/tmp/nc-timing.log", $"{DateTime.Now:HH:mm:ss.fff} 10. The fund: set up under an adopted su\n"); // TIMING
        await page.GotoAsync(baseUrl + "/counties/21/funds/new");
        await AxeAsync(page);
        (await page.Locator("main p").Last.InnerTextAsync()).ShouldBe(
            "Länets överenskommelser har inget tillägg ännu. Lägg först till tillägget om fonden under Överenskommelser.");
        // TODO(product gap): a supplement cannot be added to an agreement anywhere — not on the agreement page, not under
        // Ändringar, not through the API (there is no endpoint) — so no county outside the demo can set up a fund, and
        // the page's link "Överenskommelser" points at /counties/21/agreements, which is no page. The chain stops here.
        var link = await page.GetByRole(AriaRole.Link, new() { Name = "Överenskommelser" }).GetAttributeAsync("href");
        link.ShouldBe("/counties/21/agreements");

        // The setup checklist at the end: every step done.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Inställning" }).ClickAsync();
        (await page.Locator("p.lead").InnerTextAsync()).ShouldBe("Länet är klart att användas.");
        await ShouldFitAsync(page, "new-county-setup-done");
    }

    private static double axeSeconds; // TIMING

    private static async Task AxeAsync(IPage page) // TIMING
    {
        if (Environment.GetEnvironmentVariable("NC_NOAXE") == "1") return; // TIMING
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await page.ShouldBeAccessibleAsync();
        axeSeconds += sw.Elapsed.TotalSeconds;
        File.AppendAllText("/tmp/nc-timing.log", $"  axe {sw.Elapsed.TotalSeconds:0.00} total {axeSeconds:0.0}\n");
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await page.GotoAsync(new Uri(new Uri(page.Url), "/account/login").ToString());
        }

        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }

    /// <summary>The invitation's one-time link, followed: the person chooses a password and is sent to sign in.</summary>
    private static async Task SetPasswordAsync(IPage page, MimeMessage invitation, string userName)
    {
        var text = invitation.TextBody ?? string.Empty;
        var link = Regex.Match(text, @"http://\S+/account/set-password\?\S+").Value;
        link.ShouldNotBeEmpty(text);
        await page.GotoAsync(link);
        (await page.Locator("main p").First.InnerTextAsync()).ShouldStartWith($"Kontot: {userName}.");
        await AxeAsync(page);
        await page.GetByLabel("Nytt lösenord").FillAsync(PersonPassword);
        await page.GetByLabel("Samma lösenord igen").FillAsync(PersonPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Lösenordet är sparat. Logga in med ditt användarnamn och det nya lösenordet.");
    }

    /// <summary>A member of the body in a browser of their own: the invitation read, the password chosen, signed in.</summary>
    private static async Task<IPage> PersonAsync(IBrowser browser, string baseUrl, Mailbox mailbox, string userName, string email)
    {
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        var invitation = await mailbox.NextToAsync(email);
        await SetPasswordAsync(page, invitation, userName);
        await SignInAsync(page, userName, PersonPassword);
        await page.WaitForURLAsync(baseUrl + "/counties/21");
        return page;
    }

    private static async Task InviteAsync(IPage page, string userName, string displayName, string email, string role, string? seat = null)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }) });
        await form.GetByLabel("Användarnamn").FillAsync(userName);
        await form.GetByLabel("Namn som visas").FillAsync(displayName);
        await form.GetByLabel("E-post").FillAsync(email);
        await form.GetByLabel("Roll", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        if (seat is not null)
        {
            await form.GetByLabel("Uppdrag (för ledamot)").SelectOptionAsync(new SelectOptionValue { Label = seat });
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
    }

    private static async Task AddPersonAsync(IPage page, string firstName, string lastName, string email, string party, string politicalParty)
    {
        await page.GetByLabel("Förnamn").FillAsync(firstName);
        await page.GetByLabel("Efternamn").FillAsync(lastName);
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Part (region eller kommun)").SelectOptionAsync(new SelectOptionValue { Label = party });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Förtroendevald" }).CheckAsync();
        await page.GetByLabel("Politiskt parti (för förtroendevalda)").SelectOptionAsync(new SelectOptionValue { Label = politicalParty });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till", Exact = true }).ClickAsync();
        (await page.Locator("table tbody tr").Filter(new() { HasText = $"{firstName} {lastName}" }).CountAsync()).ShouldBe(1);
    }

    private static async Task AppointAsync(IPage page, string person, string party, string role, string politicalParty, string side)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Utse ledamot" }) });
        await form.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = person });
        await form.GetByLabel("Utsedd av").SelectOptionAsync(new SelectOptionValue { Label = party });
        await form.GetByLabel("Roll").SelectOptionAsync(new SelectOptionValue { Label = role });
        var options = await form.GetByLabel("Parti", new() { Exact = true }).Locator("option").AllInnerTextsAsync();
        await form.GetByLabel("Parti", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = options.First(o => o.EndsWith($"({politicalParty})", StringComparison.Ordinal)) });
        await form.GetByLabel(side, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Utse ledamot" }).ClickAsync();
        (await page.Locator("section[aria-labelledby=members] tbody tr").Filter(new() { HasText = role }).Filter(new() { HasText = party }).CountAsync()).ShouldBe(1);
    }

    private static async Task<IReadOnlyList<string>> ChecklistAsync(IPage page) =>
        (await page.Locator("ol.checklist li").AllInnerTextsAsync()).Select(t => Regex.Replace(t, @"\s+", " ").Trim()).ToList();

    /// <summary>
    /// A setup page at a phone's width (390 px), screenshots at both widths: the page does not scroll sideways and
    /// nothing sticks out of it, except inside a box that scrolls (every table is wrapped in one).
    /// </summary>
    private static async Task ShouldFitAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath(name), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        try
        {
            await page.ScreenshotAsync(new() { Path = AdoptionMatrixBrowserTests.ScreenshotPath(name + "-390"), FullPage = true });
            var sticking = await page.EvaluateAsync<string>(@"() => {
                const out = [];
                for (const e of document.querySelectorAll('main *')) {
                    if (e.closest('.table-scroll, .visually-hidden') || out.some(o => o.e.contains(e))) continue;
                    const r = e.getBoundingClientRect();
                    if (r.width > 0 && r.right > window.innerWidth + 1) {
                        out.push({ e, text: e.tagName.toLowerCase() + ' ' + Math.round(r.right) + 'px ' + (e.textContent || '').trim().slice(0, 30) });
                    }
                }
                return out.map(o => o.text).join('; ');
            }");
            sticking.ShouldBeEmpty($"{page.Url} at 390 px");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{page.Url} scrolls sideways at 390 px");
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 900);
        }
    }

    /// <summary>The mail the app writes into its pickup folder, read one message at a time as it arrives.</summary>
    private sealed class Mailbox(string folder)
    {
        private readonly HashSet<string> read = [];

        public async Task<MimeMessage> NextToAsync(string address)
        {
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until)
            {
                if (Directory.Exists(folder))
                {
                    foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
                    {
                        if (read.Contains(file))
                        {
                            continue;
                        }

                        MimeMessage message;
                        try
                        {
                            message = await MimeMessage.LoadAsync(file);
                        }
                        catch (Exception e) when (e is IOException or FormatException)
                        {
                            continue; // still being written
                        }

                        if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                        {
                            read.Add(file);
                            return message;
                        }
                    }
                }

                await Task.Delay(250);
            }

            throw new TimeoutException($"No mail to {address} arrived in {folder} within a minute.");
        }
    }
}
