using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Reference;

namespace Samverkan.Web.Features.Counties;

/// <summary>A county to create (the administrator's): two digits and a name; the name defaults to the reference list's.</summary>
public sealed record CountyRequest(string? Code, string? Name);

/// <summary>A party to add or change; <c>Version</c> is the version read before a change, so a concurrent edit is told.</summary>
public sealed record PartyRequest(PartyKind? Kind, string? Name, string? MunicipalityCode, string? OrganisationNumber, string? CouncilName,
    string? ExecutiveBoardName, string? RegistryEmail, string? PeppolId, string? BuyerReference, int? Version = null);

/// <summary>One political party's seats in the region's executive board; none (or 0) for a party without seats.</summary>
public sealed record BoardSeatRequest(string? PoliticalParty, int? Seats, Domain.Bodies.PoliticalSide? Side);

/// <summary>
/// How a county comes to exist and who its parties are, for the administrator's and the secretariat's pages, the API
/// and the demo loader alike: a county (administrator), its region and municipalities from the shipped reference list
/// or one by one, and every party's details later. Each change is checked, audited and saved in one transaction.
/// </summary>
public sealed class CountySetup(AppDbContext db, Access access)
{
    public Task<County> CreateCountyAsync(CountyRequest request, CancellationToken cancellationToken) => ConflictRetry.RunAsync(db, async () =>
    {
        access.EnsureAdministrator("skapa ett län");
        var input = new InputCheck();
        var code = input.Required(request.Code?.Trim(), "code", "Ange länskoden (två siffror, t.ex. 21).");
        if (code is not null && (code.Length != 2 || !code.All(char.IsAsciiDigit)))
        {
            input.Add("code", $"Länskoden '{code}' ska bestå av två siffror, t.ex. 21.");
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? (code is null ? null : NationalReference.County(code)?.Name) : request.Name.Trim();
        if (name is null && code is not null)
        {
            input.Add("name", "Ange länets namn; koden finns inte i SCB:s lista.");
        }

        input.ThrowIfAny();
        if (await db.Counties.AnyAsync(c => c.Code == code, cancellationToken))
        {
            throw new DomainRuleException("CountyExists", $"Det finns redan ett län med koden {code}.", RuleSeverity.Conflict);
        }

        var county = new County(code!, name!);
        db.Counties.Add(county);
        await db.SaveChangesAsync(cancellationToken);
        return county;
    }, cancellationToken);

    /// <summary>The region (when it has none) and every municipality of the county not yet a party, from the shipped list.</summary>
    public Task<List<Party>> AddPartiesFromReferenceAsync(string countyCode, CancellationToken cancellationToken) => ConflictRetry.RunAsync(db, async () =>
    {
        var county = await ManagedCountyAsync(countyCode, cancellationToken);
        var reference = NationalReference.County(county.Code)
            ?? throw new DomainRuleException("NoReference", $"Länskoden {county.Code} finns inte i SCB:s lista; lägg till parterna en i taget.");
        var existing = await db.Parties.Where(p => p.CountyId == county.Id).ToListAsync(cancellationToken);
        var added = new List<Party>();
        if (existing.All(p => p.Kind != PartyKind.Region))
        {
            added.Add(new Party(county.Id, PartyKind.Region, reference.RegionName, null, null));
        }

        foreach (var row in NationalReference.MunicipalitiesOf(county.Code).Where(m => existing.All(p => p.MunicipalityCode != m.Code)))
        {
            added.Add(new Party(county.Id, PartyKind.Municipality, row.Name, row.Code, null));
        }

        db.Parties.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }, cancellationToken);

    public Task<Party> AddPartyAsync(string countyCode, PartyRequest request, CancellationToken cancellationToken) => ConflictRetry.RunAsync(db, async () =>
    {
        var county = await ManagedCountyAsync(countyCode, cancellationToken);
        var input = new InputCheck();
        var kind = input.Required(request.Kind, "kind", "Välj om parten är regionen eller en kommun.");
        var name = input.Required(request.Name?.Trim(), "name", "Ange partens namn.");
        string? code = null;
        if (kind == PartyKind.Municipality)
        {
            code = CheckMunicipalityCode(input, county, request.MunicipalityCode);
        }

        CheckDetails(input, request);
        input.ThrowIfAny();

        var parties = await db.Parties.Where(p => p.CountyId == county.Id).ToListAsync(cancellationToken);
        if (kind == PartyKind.Region && parties.Any(p => p.Kind == PartyKind.Region))
        {
            throw new DomainRuleException("OneRegion", $"{county.Name} har redan en region som part.", RuleSeverity.Conflict);
        }

        if (code is not null && await db.Parties.AnyAsync(p => p.MunicipalityCode == code, cancellationToken))
        {
            throw new DomainRuleException("PartyExists", $"Kommunen med kod {code} är redan part.", RuleSeverity.Conflict);
        }

        var party = new Party(county.Id, kind!.Value, name!, code, request.OrganisationNumber);
        Describe(party, request);
        db.Parties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
        return party;
    }, cancellationToken);

    /// <summary>A party's name, organisation number, bodies and addresses; refused when somebody changed it since it was read.</summary>
    public Task<Party> UpdatePartyAsync(Guid partyId, PartyRequest request, CancellationToken cancellationToken, Guid? countyId = null) => ConflictRetry.RunAsync(db, async () =>
    {
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == partyId, cancellationToken)
            ?? throw new NotFoundException("Parten finns inte.");
        if (countyId is { } expected && party.CountyId != expected)
        {
            throw new NotFoundException("Parten finns inte i länet.");
        }

        access.EnsureManage(party.CountyId);
        var input = new InputCheck();
        input.Required(request.Name?.Trim(), "name", "Ange partens namn.");
        input.Required(request.CouncilName?.Trim(), "councilName", "Ange fullmäktiges namn.");
        input.Required(request.ExecutiveBoardName?.Trim(), "executiveBoardName", "Ange styrelsens namn.");
        CheckDetails(input, request);
        input.ThrowIfAny();
        StaleVersionException.Ensure(party.Version, request.Version, $"Någon annan har ändrat uppgifterna om {party.Name} under tiden. Läs in sidan igen och gör ändringen på nytt.");

        party.Describe(request.Name!, request.OrganisationNumber, request.CouncilName!, request.ExecutiveBoardName!);
        party.SetAddresses(request.RegistryEmail, request.PeppolId, request.BuyerReference);
        await db.SaveChangesAsync(cancellationToken);
        return party;
    }, cancellationToken);

    /// <summary>
    /// The region's executive board by political party, as a whole (the rule "every party of the regional board is
    /// represented" reads it): every row names a party of the installation, seats 1–101 and the side.
    /// </summary>
    public Task<IReadOnlyList<ExecutiveBoardSeat>> SetBoardSeatsAsync(string countyCode, IReadOnlyList<BoardSeatRequest>? seats, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var county = await ManagedCountyAsync(countyCode, cancellationToken);
            var region = await db.Parties.FirstOrDefaultAsync(p => p.CountyId == county.Id && p.Kind == PartyKind.Region, cancellationToken)
                ?? throw new DomainRuleException("NoRegion", $"{county.Name} har ingen region som part ännu; lägg till regionen först.");
            var political = await db.PoliticalParties.ToDictionaryAsync(p => p.Abbreviation, cancellationToken);
            var input = new InputCheck();
            var rows = new List<(PoliticalParty Party, int Seats, Domain.Bodies.PoliticalSide Side)>();
            foreach (var (row, i) in (seats ?? []).Select((r, i) => (r, i)))
            {
                if (row.Seats is null or 0)
                {
                    continue;
                }

                var field = $"seats[{i}]";
                if (row.PoliticalParty is null || !political.TryGetValue(row.PoliticalParty.Trim(), out var party))
                {
                    input.Add($"{field}.politicalParty", $"Rad {i + 1}: partiet {row.PoliticalParty} finns inte bland installationens partier.");
                    continue;
                }

                if (row.Seats is < 0 or > 101)
                {
                    input.Add($"{field}.seats", $"{party.Abbreviation}: antalet platser är 1–101.");
                }

                if (row.Side is not { } side || !Enum.IsDefined(side))
                {
                    input.Add($"{field}.side", $"{party.Abbreviation}: ange om partiet hör till majoriteten eller oppositionen.");
                    continue;
                }

                if (rows.Any(r => r.Party.Id == party.Id))
                {
                    input.Add($"{field}.politicalParty", $"{party.Abbreviation} står på två rader.");
                    continue;
                }

                rows.Add((party, row.Seats!.Value, side));
            }

            input.ThrowIfAny();
            db.ExecutiveBoardSeats.RemoveRange(await db.ExecutiveBoardSeats.Where(s => s.PartyId == region.Id).ToListAsync(cancellationToken));
            var added = rows.Select(r => new ExecutiveBoardSeat(region, r.Party, r.Seats, r.Side)).ToList();
            db.ExecutiveBoardSeats.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<ExecutiveBoardSeat>)added;
        }, cancellationToken);

    private async Task<County> ManagedCountyAsync(string countyCode, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        return county;
    }

    private static string? CheckMunicipalityCode(InputCheck input, County county, string? value)
    {
        var code = input.Required(value?.Trim(), "municipalityCode", "Ange kommunkoden (fyra siffror, t.ex. 2180).");
        if (code is null)
        {
            return null;
        }

        if (code.Length != 4 || !code.All(char.IsAsciiDigit))
        {
            input.Add("municipalityCode", $"Kommunkoden '{code}' ska bestå av fyra siffror, t.ex. 2180.");
            return null;
        }

        var known = NationalReference.Municipalities.FirstOrDefault(m => m.Code == code);
        if (known is not null && known.CountyCode != county.Code)
        {
            input.Add("municipalityCode", $"Kommunkoden {code} ({known.Name}) hör till {known.CountyName}, inte till {county.Name}.");
        }

        return code;
    }

    private static void CheckDetails(InputCheck input, PartyRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.OrganisationNumber) && !OrganisationNumber.IsValid(request.OrganisationNumber))
        {
            input.Add("organisationNumber", $"Organisationsnumret '{request.OrganisationNumber.Trim()}' är inte giltigt: tio siffror (NNNNNN-NNNN) där den sista är en kontrollsiffra.");
        }

        if (!string.IsNullOrWhiteSpace(request.RegistryEmail) && !MailAddress.TryCreate(request.RegistryEmail.Trim(), out _))
        {
            input.Add("registryEmail", $"Registratorns e-postadress '{request.RegistryEmail.Trim()}' är inte giltig.");
        }

        if (!string.IsNullOrWhiteSpace(request.PeppolId) && !IsPeppolId(request.PeppolId.Trim()))
        {
            input.Add("peppolId", "Peppol-id ska skrivas som schema:id, t.ex. 0007:2120001234 (organisationsnummer) eller 0088:7300000000000 (GLN).");
        }
    }

    private static bool IsPeppolId(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && parts[0].Length == 4 && parts[0].All(char.IsAsciiDigit) && parts[1].Length is > 0 and <= 50
            && parts[1].All(char.IsAsciiLetterOrDigit);
    }

    private static void Describe(Party party, PartyRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.CouncilName) || !string.IsNullOrWhiteSpace(request.ExecutiveBoardName))
        {
            party.Describe(party.Name, request.OrganisationNumber, string.IsNullOrWhiteSpace(request.CouncilName) ? party.CouncilName : request.CouncilName,
                string.IsNullOrWhiteSpace(request.ExecutiveBoardName) ? party.ExecutiveBoardName : request.ExecutiveBoardName);
        }

        party.SetAddresses(request.RegistryEmail, request.PeppolId, request.BuyerReference);
    }
}
