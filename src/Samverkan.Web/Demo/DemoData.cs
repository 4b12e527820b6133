using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Features.Funds;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Demo;

/// <summary>
/// On first start with an empty database in demo mode: the three counties of the source documents with their
/// agreements and bodies, and one account per role. Every person is generated (fictional); no real politician appears.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<DemoData> logger, TimeProvider time,
    Access access, CountySetup setup, Features.Bodies.BodySetup bodySetup, Features.CostSharing.CostModelDesk costModels, FundDesk funds,
    Features.Cases.CaseSetup caseSetup)
{
    /// <summary>The counties of the source documents, in the order their models draw fictional people (see SeedAsync).</summary>
    private static readonly string[] DemoCounties = ["17", "19", "24"];

    public const string Password = "Samverkan-demo-2026";

    public static readonly (string UserName, string Description)[] Accounts =
    [
        ("admin", "systemadministratör, alla län"),
        ("sekretariat.vastmanland", "sekretariatet, Västmanlands län (19)"),
        ("sekretariat.vasterbotten", "sekretariatet, Västerbottens län (24)"),
        ("sekretariat.varmland", "sekretariatet, Värmlands län (17)"),
        ("tjansteperson.vasteras", "tjänsteperson för Västerås stad"),
        ("tjansteperson.karlstad", "tjänsteperson för Karlstads kommun"),
        ("tjansteperson.umea", "tjänsteperson för Umeå kommun (kommundirektör; skriver under Umeås samverkansavtal)"),
        ("ledamot.srb", "ledamot i Strategisk regional beredning, Västmanland"),
        ("ordforande.srb", "ordförande i Strategisk regional beredning, Västmanland"),
    ];

    public const string DemoPopulationSource = "Demovärde (framskrivet från SCB 2021) – ersätt med SCB:s siffror";

    private const int DemoPopulationUntil = 2025;

    private readonly Random populationRandom = new(2021);

    /// <summary>
    /// Demo data only when <c>Samverkan:DemoData</c> is set explicitly and the database is empty (whatever the
    /// environment's name); otherwise the first administrator comes from <c>Samverkan:AdminPassword</c>.
    /// </summary>
    public async Task EnsureAsync(IConfiguration configuration)
    {
        await EnsureRolesAsync();
        await EnsurePoliticalPartiesAsync();
        if (!configuration.GetValue<bool>("Samverkan:DemoData"))
        {
            await EnsureAdministratorAsync(configuration["Samverkan:AdminPassword"]);
            return;
        }

        if (!await db.Counties.AnyAsync() && !await users.Users.AnyAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SeedAsync();
            await transaction.CommitAsync();
            logger.LogInformation("Demo data loaded: three counties, their agreements and bodies.");
        }
        else if (!await users.Users.AnyAsync(u => u.UserName == Accounts[1].UserName))
        {
            logger.LogWarning("Samverkan:DemoData is set but the database already holds data that is not demo data; no demo data or demo accounts were loaded.");
            await EnsureAdministratorAsync(configuration["Samverkan:AdminPassword"]);
            return;
        }

        PrintAccounts();
    }

    /// <summary>Why a first administrator password is refused, or null when it is acceptable.</summary>
    public static string? WeakPasswordReason(string password)
    {
        if (password.Length < 12)
        {
            return "it is shorter than 12 characters";
        }

        if (string.Equals(password, Password, StringComparison.OrdinalIgnoreCase))
        {
            return "it is the published demo password";
        }

        if (password.Distinct().Count() < 6)
        {
            return "it has fewer than 6 different characters";
        }

        return null;
    }

    /// <summary>The Riksdag's parties from the shipped reference list, in every installation (members and board seats name them).</summary>
    private async Task EnsurePoliticalPartiesAsync()
    {
        var existing = await db.PoliticalParties.Select(p => p.Abbreviation).ToListAsync();
        foreach (var (abbreviation, name) in Infrastructure.Reference.NationalReference.PoliticalParties.Where(p => !existing.Contains(p.Abbreviation)))
        {
            db.PoliticalParties.Add(new PoliticalParty(abbreviation, name));
        }

        await db.SaveChangesAsync();
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Outside demo mode the first administrator comes from configuration (Samverkan:AdminPassword).</summary>
    private async Task EnsureAdministratorAsync(string? password)
    {
        if (await users.Users.AnyAsync())
        {
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("There are no accounts and Samverkan:AdminPassword is not set: nobody can sign in. " +
                "Set Samverkan__AdminPassword (at least 12 characters) and restart to create the account 'admin'.");
            return;
        }

        if (WeakPasswordReason(password) is { } reason)
        {
            throw new InvalidOperationException($"Samverkan:AdminPassword is refused because {reason}. Choose a long, unique password and restart.");
        }

        await CreateUserAsync("admin", "Systemadministratör", Roles.Administrator, null, null, null, password);
        logger.LogInformation("Created the administrator account 'admin' from Samverkan:AdminPassword.");
    }

    private static void PrintAccounts()
    {
        Console.WriteLine();
        Console.WriteLine("Samverkan demo: log in with any of these accounts, password " + Password);
        foreach (var (userName, description) in Accounts)
        {
            Console.WriteLine($"  {userName,-26} {description}");
        }

        Console.WriteLine();
    }

    /// <summary>
    /// The counties in a fixed order: each county model draws its fictional people from the one sequence of
    /// <see cref="DemoBuilder"/>, so moving a county changes every name after it.
    /// </summary>
    private async Task SeedAsync()
    {
        var demo = new DemoBuilder(db, bodySetup, caseSetup);
        await demo.LoadPoliticalPartiesAsync();
        using var system = access.ActAsSystem("demo");
        var counties = await AddCountiesAsync();

        var (vastmanland, vastmanlandRegion, vastmanlandMunicipalities) = counties["19"];
        var srbMembership = await Vastmanland.SeedAsync(demo, vastmanland, vastmanlandRegion, vastmanlandMunicipalities);
        var srbChair = db.Bodies.Local.Single(b => b.ShortName == "SRB").Memberships.Single(m => m.Role == MembershipRole.Chair);
        await Vasterbotten.SeedAsync(demo, counties["24"].County, counties["24"].Region, counties["24"].Municipalities);
        var varmland = await Varmland.SeedAsync(demo, counties["17"].County, counties["17"].Region, counties["17"].Municipalities);

        // The fund is set up as a secretariat sets one up, through the fund desk, under the supplement saved first.
        await db.SaveChangesAsync();
        var awaitingCouncil = await VarmlandFund.SeedAsync(db, funds, "17", varmland.Agreement, varmland.Parties);
        VarmlandFund.TakeUpAtCouncil(db, varmland.Council, awaitingCouncil, varmland.Parties);
        // After Värmland, so that the fictional names drawn before stay as they were.
        var umeaOfficial = await VasterbottenCollaboration.SeedAsync(demo, counties["24"].County, counties["24"].Region, counties["24"].Municipalities);
        await VasterbottenCases.SeedAsync(demo, counties["24"].County, counties["24"].Region, counties["24"].Municipalities, time.TodayInSweden());
        await db.SaveChangesAsync();
        await Vastmanland.SeedCostModelAsync(costModels, vastmanland.Id, db.Agreements.Local.Single(a => a.CountyId == vastmanland.Id).Id);

        await CreateUserAsync("admin", "Systemadministratör", Roles.Administrator, null, null, null, Password);
        await CreateUserAsync("sekretariat.vastmanland", "Sekretariatet Västmanland", Roles.Secretariat, vastmanland.Id, null, null, Password);
        await CreateUserAsync("sekretariat.vasterbotten", "Sekretariatet Västerbotten", Roles.Secretariat, counties["24"].County.Id, null, null, Password);
        await CreateUserAsync("sekretariat.varmland", "Sekretariatet Värmland", Roles.Secretariat, counties["17"].County.Id, null, null, Password);
        await CreateUserAsync("tjansteperson.vasteras", "Tjänsteperson Västerås", Roles.PartyOfficial, vastmanland.Id,
            vastmanlandMunicipalities.Single(m => m.Name == "Västerås").Id, null, Password);
        await CreateUserAsync("tjansteperson.karlstad", "Tjänsteperson Karlstad", Roles.PartyOfficial, counties["17"].County.Id,
            counties["17"].Municipalities.Single(m => m.Name == "Karlstad").Id, null, Password);
        await CreateUserAsync("tjansteperson.umea", "Tjänsteperson Umeå", Roles.PartyOfficial, counties["24"].County.Id,
            counties["24"].Municipalities.Single(m => m.Name == "Umeå").Id, null, Password, umeaOfficial.Email);
        await CreateUserAsync("ledamot.srb", srbMembership.Person!.FullName, Roles.Member, vastmanland.Id, null, srbMembership.Id, Password);
        await CreateUserAsync("ordforande.srb", srbChair.Person!.FullName, Roles.Member, vastmanland.Id, null, srbChair.Id, Password);
    }

    /// <summary>
    /// The seed counties made as a county makes itself: created, its parties added from the shipped reference list and
    /// their details entered through <see cref="CountySetup"/>; then the municipalities' population.
    /// </summary>
    private async Task<Dictionary<string, (County County, Party Region, List<Party> Municipalities)>> AddCountiesAsync()
    {
        var population = ReferenceData.Population();
        var counties = new Dictionary<string, (County County, Party Region, List<Party> Municipalities)>();
        foreach (var code in DemoCounties)
        {
            var county = await setup.CreateCountyAsync(new CountyRequest(code, null), CancellationToken.None);
            var parties = await setup.AddPartiesFromReferenceAsync(code, CancellationToken.None);
            foreach (var party in parties)
            {
                await setup.UpdatePartyAsync(party.Id, new PartyRequest(party.Kind, party.Name, party.MunicipalityCode,
                    ReferenceData.DemoOrganisationNumber(party.Kind, party.MunicipalityCode ?? code), party.CouncilName, party.ExecutiveBoardName,
                    $"registrator@{DemoBuilder.Slug(party.Name)}.demo.invalid", null, null), CancellationToken.None);
            }

            var municipalities = parties.Where(p => p.Kind == PartyKind.Municipality).ToList();
            foreach (var party in municipalities)
            {
                foreach (var figure in population.Where(p => p.MunicipalityCode == party.MunicipalityCode))
                {
                    db.PopulationFigures.Add(new PopulationFigure(party, figure.Year, figure.Population));
                }

                // 2022–2025 are demo values projected from SCB's 2021 figure, so that the cost pages work at once; a
                // secretariat replaces them with SCB's figures under Folkmängd.
                var latest = population.Where(p => p.MunicipalityCode == party.MunicipalityCode).MaxBy(p => p.Year);
                if (latest is not null)
                {
                    var growth = 1m + populationRandom.Next(-4, 9) / 1000m;
                    var projected = (decimal)latest.Population;
                    for (var year = latest.Year + 1; year <= DemoPopulationUntil; year++)
                    {
                        projected *= growth;
                        db.PopulationFigures.Add(new PopulationFigure(party, year, (int)decimal.Round(projected), DemoPopulationSource));
                    }
                }
            }

            counties[county.Code] = (county, parties.Single(p => p.Kind == PartyKind.Region), municipalities);
        }

        return counties;
    }

    private async Task CreateUserAsync(string userName, string displayName, string role, Guid? countyId, Guid? partyId, Guid? membershipId, string password,
        string? email = null)
    {
        var user = new AppUser
        {
            UserName = userName,
            Email = email,
            DisplayName = displayName,
            CountyId = countyId,
            PartyId = partyId,
            MembershipId = membershipId,
            EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }
}