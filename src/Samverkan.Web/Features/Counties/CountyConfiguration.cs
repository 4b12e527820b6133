using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Features.Cases;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Reference;

namespace Samverkan.Web.Features.Counties;

// A county's setup as a file: what the secretariat configured, never who sits where (no personal data). Parties are
// named by "region" or their municipality code, bodies by a key (the short name, else the name), so that a file
// exported from one county reads in another.

public sealed record ConfigurationFile(string? Format, int? FormatVersion, string? SourceCountyCode, string? SourceCountyName, DateTimeOffset? ExportedAt,
    IReadOnlyList<ConfigurationParty>? Parties, IReadOnlyList<ConfigurationAgreement>? Agreements, IReadOnlyList<ConfigurationBody>? Bodies,
    ConfigurationCostModel? CostModel, IReadOnlyList<SeriesRequest>? CaseSeries, IReadOnlyList<ConfigurationTemplate>? FlowTemplates,
    IReadOnlyList<ConfigurationFund>? Funds)
{
    public const string FormatName = "samverkan-county-configuration";
}

public sealed record ConfigurationParty(string? Ref, PartyKind? Kind, string? Name, string? MunicipalityCode, string? OrganisationNumber, string? CouncilName,
    string? ExecutiveBoardName, string? RegistryEmail, string? PeppolId, string? BuyerReference);

public sealed record ConfigurationAgreement(string? Key, string? Title, string? CaseNumber, string? Text, DateOnly? ValidFrom, DateOnly? ValidTo, bool? AllParties,
    IReadOnlyList<string>? Parties);

public sealed record ConfigurationSeatSource(string? Body, int? Count);

public sealed record ConfigurationBody(string? Key, string? Name, string? ShortName, BodyKind? Kind, string? Agreement, string? OwnerParty, string? ReportsTo,
    BodyRulesRequest? Rules, IReadOnlyList<ConfigurationSeatSource>? MembersFrom);

public sealed record ConfigurationCostModel(string? Agreement, CostModelRequest? Model);

public sealed record ConfigurationStep(string? Body, bool? EveryPartyCouncil, StepRole? Role, int? DueAfterDays, bool? MunicipalitiesOnly);

public sealed record ConfigurationTemplate(string? Name, IReadOnlyList<ConfigurationStep>? Steps);

public sealed record ConfigurationFund(string? Name, string? Agreement, string? DecidingParty, DateOnly? ValidUntil, IReadOnlyList<string>? Criteria,
    IReadOnlyList<Funds.FundSourceInput>? Sources, IReadOnlyList<Funds.FundGoalInput>? Goals);

/// <summary>What reading a file made of a county, and what it left for the secretariat to do by hand.</summary>
public sealed record ConfigurationImportResult(string CountyCode, string CountyName, int Parties, int Agreements, int Bodies, bool CostModel, int CaseSeries,
    int FlowTemplates, IReadOnlyList<string> LeftToDo);

/// <summary>
/// Exports a county's configuration and sets up a new county from such a file, for the setup page, the
/// administrator's county page and GET|POST /api/v1/counties/{code}/configuration alike. The import goes through the
/// very services a secretariat uses one form at a time (<see cref="CountySetup"/>, <see cref="AgreementDesk"/>,
/// <see cref="BodySetup"/>, <see cref="CostModelDesk"/>, <see cref="CaseSetup"/>) in one transaction: a file that is
/// refused anywhere leaves nothing behind, not even the county.
/// </summary>
public sealed class CountyConfiguration(AppDbContext db, Access access, TimeProvider time, CountySetup counties, AgreementDesk agreements, BodySetup bodies,
    CostModelDesk costModels, CaseSetup cases)
{
    public const string RegionRef = "region";

    /// <summary>The file's JSON as the API writes it: camelCase, enums by name, indented for a person to read and change.</summary>
    public static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The file a page uploads, read as the API reads its body; a file that is not such JSON is a 422 on the field "file".</summary>
    public static async Task<ConfigurationFile?> ReadAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            throw InputValidationException.For("file", "Välj en inställningsfil (JSON) att läsa in.");
        }

        try
        {
            await using var stream = upload.OpenReadStream();
            return await JsonSerializer.DeserializeAsync<ConfigurationFile>(stream, FileJson, cancellationToken);
        }
        catch (JsonException e)
        {
            throw InputValidationException.For("file", $"Filen kunde inte läsas som JSON (rad {(e.LineNumber ?? 0) + 1}): kontrollera att det är en inställningsfil från Samverkan.");
        }
    }

    public async Task<ConfigurationFile> ExportAsync(string countyCode, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        access.EnsureManage(county.Id);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).OrderBy(p => p.Kind).ThenBy(p => p.MunicipalityCode).ToListAsync(cancellationToken);
        var partyRef = parties.ToDictionary(p => p.Id, PartyRef);
        var agreementList = await db.Agreements.AsNoTracking().Include(a => a.Parties).Where(a => a.CountyId == county.Id).OrderBy(a => a.ValidFrom)
            .ToListAsync(cancellationToken);
        var agreementKey = agreementList.Select((a, i) => (a.Id, Key: $"avtal-{i + 1}")).ToDictionary(x => x.Id, x => x.Key);
        var bodyList = await db.Bodies.AsNoTracking().Where(b => b.CountyId == county.Id).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        var bodyKey = bodyList.ToDictionary(b => b.Id, b => b.ShortName ?? b.Name);
        var model = await db.CostModels.AsNoTracking().FirstOrDefaultAsync(m => m.CountyId == county.Id, cancellationToken);
        var series = await db.CaseSeries.AsNoTracking().Where(s => s.CountyId == county.Id).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var templates = await db.FlowTemplates.AsNoTracking().Where(t => t.CountyId == county.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var funds = await db.Funds.AsNoTracking().Where(f => f.CountyId == county.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        var goals = await db.CountyGoals.AsNoTracking().Where(g => g.CountyId == county.Id && g.FundId != null).OrderBy(g => g.Order).ToListAsync(cancellationToken);

        return new ConfigurationFile(ConfigurationFile.FormatName, 1, county.Code, county.Name, time.GetUtcNow(),
            parties.Select(p => new ConfigurationParty(partyRef[p.Id], p.Kind, p.Name, p.MunicipalityCode, p.HasOrganisationNumber ? p.OrganisationNumber : null,
                p.CouncilName, p.ExecutiveBoardName, p.RegistryEmail, p.PeppolId, p.BuyerReference)).ToList(),
            agreementList.Select(a => new ConfigurationAgreement(agreementKey[a.Id], a.Title, a.CaseNumber, a.Text, a.ValidFrom, a.ValidTo,
                a.Parties.Count == parties.Count, a.Parties.Select(p => partyRef.GetValueOrDefault(p.PartyId)).OfType<string>().ToList())).ToList(),
            bodyList.Select(b => new ConfigurationBody(bodyKey[b.Id], b.Name, b.ShortName, b.Kind,
                b.AgreementId is { } ag ? agreementKey.GetValueOrDefault(ag) : null, b.OwnerPartyId is { } owner ? partyRef.GetValueOrDefault(owner) : null,
                b.ParentBodyId is { } parent ? bodyKey.GetValueOrDefault(parent) : null, BodyRulesRequest.From(b.Rules) with { MembersFrom = null },
                b.Rules.MembersFrom.Select(s => new ConfigurationSeatSource(bodyKey.GetValueOrDefault(s.BodyId), s.Count)).ToList())).ToList(),
            model is null ? null : new ConfigurationCostModel(agreementKey.GetValueOrDefault(model.AgreementId), Neutral(CostModelRequest.From(model))),
            series.Select(s => new SeriesRequest(s.Code, s.Name, s.ForReferrals)).ToList(),
            templates.Select(t => new ConfigurationTemplate(t.Name, t.Steps.OrderBy(s => s.Order).Select(s => new ConfigurationStep(
                s.BodyId is { } b ? bodyKey.GetValueOrDefault(b) : null, s.EveryPartyCouncil, s.Role, s.DueAfterDays, s.MunicipalitiesOnly)).ToList())).ToList(),
            funds.Select(f => new ConfigurationFund(f.Name, agreementKey.GetValueOrDefault(f.AgreementId), f.DecidingPartyId is { } d ? partyRef.GetValueOrDefault(d) : null,
                f.ValidUntil, f.Criteria.ToList(), f.Sources.Select(s => new Funds.FundSourceInput(s.Name, s.Amount)).ToList(),
                goals.Where(g => g.FundId == f.Id).Select(g => new Funds.FundGoalInput(g.Document, g.Text)).ToList())).ToList());
    }

    /// <summary>
    /// Sets up the county <paramref name="countyCode"/> from a file: creates the county when it does not exist (the
    /// administrator's), or fills one that has no agreement and no body yet. Parties come from the file when it was
    /// exported from this very county, otherwise from SCB's list (a neighbour's municipalities are not this county's).
    /// </summary>
    public async Task<ConfigurationImportResult> ImportAsync(string countyCode, ConfigurationFile? file, CancellationToken cancellationToken)
    {
        // Who may comes before what the file says: another county's secretariat learns nothing from the answer.
        var code = countyCode.Trim();
        if (await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken) is { } existing)
        {
            access.EnsureManage(existing.Id);
        }
        else
        {
            access.EnsureAdministrator("skapa ett län");
        }

        if (file is null || file.Format != ConfigurationFile.FormatName || file.FormatVersion != 1)
        {
            throw InputValidationException.For("format", $"Filen är inte en inställningsfil från Samverkan (format {ConfigurationFile.FormatName}, version 1).");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await ImportInTransactionAsync(countyCode.Trim(), file, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        });
    }

    private async Task<ConfigurationImportResult> ImportInTransactionAsync(string countyCode, ConfigurationFile file, CancellationToken cancellationToken)
    {
        var leftToDo = new List<string>();
        var county = await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == countyCode, cancellationToken)
            ?? await At("county", () => counties.CreateCountyAsync(new CountyRequest(countyCode, null), cancellationToken));
        access.EnsureManage(county.Id);
        if (await db.Agreements.AnyAsync(a => a.CountyId == county.Id, cancellationToken) || await db.Bodies.AnyAsync(b => b.CountyId == county.Id, cancellationToken))
        {
            throw new DomainRuleException("CountyNotEmpty",
                $"{county.Name} har redan avtal eller organ. En inställningsfil läses bara in i ett nytt län; ändra ett befintligt län i formulären.", RuleSeverity.Conflict);
        }

        // Parties: this county's own when the file is its own, else SCB's list for this county.
        var sameCounty = file.SourceCountyCode == county.Code;
        if (sameCounty && file.Parties is { Count: > 0 })
        {
            var existing = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).Select(p => p.MunicipalityCode ?? RegionRef).ToListAsync(cancellationToken);
            for (var i = 0; i < file.Parties.Count; i++)
            {
                var p = file.Parties[i];
                if (existing.Contains(p.MunicipalityCode ?? RegionRef))
                {
                    continue;
                }

                await At($"parties[{i}]", () => counties.AddPartyAsync(county.Code, new PartyRequest(p.Kind, p.Name, p.MunicipalityCode, p.OrganisationNumber,
                    p.CouncilName, p.ExecutiveBoardName, p.RegistryEmail, p.PeppolId, p.BuyerReference), cancellationToken));
            }
        }
        else if (NationalReference.County(county.Code) is not null)
        {
            await At("parties", () => counties.AddPartiesFromReferenceAsync(county.Code, cancellationToken));
            leftToDo.Add("Fyll i parternas organisationsnummer och registratorernas e-postadresser.");
        }
        else
        {
            leftToDo.Add("Lägg till länets parter en i taget; länskoden finns inte i SCB:s lista.");
        }

        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == county.Id).ToListAsync(cancellationToken);
        var partyByRef = parties.ToDictionary(PartyRef);

        var agreementIds = new Dictionary<string, Guid>();
        foreach (var (a, i) in (file.Agreements ?? []).Select((a, i) => (a, i)))
        {
            var partyIds = a.AllParties == true ? parties.Select(p => p.Id).ToList()
                : (a.Parties ?? []).Select(r => partyByRef.GetValueOrDefault(r)?.Id).OfType<Guid>().ToList();
            var agreement = await At($"agreements[{i}]", () => agreements.CreateDraftAsync(county.Id,
                new AgreementDraftRequest(a.Title, a.Text, a.ValidFrom, a.ValidTo, sameCounty ? a.CaseNumber : null, partyIds), cancellationToken));
            agreementIds[a.Key ?? $"avtal-{i + 1}"] = agreement.Id;
            leftToDo.Add($"Registrera fullmäktiges beslut om {agreement.Title} när parterna har antagit det.");
        }

        var bodyIds = await ImportBodiesAsync(county.Id, file.Bodies ?? [], agreementIds, partyByRef, cancellationToken);
        var costModel = false;
        if (file.CostModel is { Model: { } m } cost)
        {
            var agreementId = cost.Agreement is { } key && agreementIds.TryGetValue(key, out var id) ? id
                : throw InputValidationException.For("costModel.agreement", "Kostnadsmodellens avtal (agreement) finns inte bland filens avtal.");
            if (!sameCounty)
            {
                // The neighbour's bankgiro is the neighbour region's own.
                m.Bankgiro = null;
                leftToDo.Add("Ange regionens bankgiro i kostnadsmodellen.");
            }

            await At("costModel.model", () => costModels.CreateAsync(agreementId, m, cancellationToken, county.Id));
            costModel = true;
        }

        foreach (var (s, i) in (file.CaseSeries ?? []).Select((s, i) => (s, i)))
        {
            await At($"caseSeries[{i}]", () => cases.AddSeriesAsync(county.Id, s, cancellationToken));
        }

        foreach (var (t, i) in (file.FlowTemplates ?? []).Select((t, i) => (t, i)))
        {
            var steps = (t.Steps ?? []).Select((s, j) => new TemplateStepRequest(s.Body is null ? null
                : bodyIds.TryGetValue(s.Body, out var b) ? b : throw InputValidationException.For($"flowTemplates[{i}].steps[{j}].body",
                    $"Mall {i + 1}, steg {j + 1}: organet {s.Body} finns inte bland filens organ."), s.EveryPartyCouncil, s.Role, s.DueAfterDays, s.MunicipalitiesOnly)).ToList();
            await At($"flowTemplates[{i}]", () => cases.AddTemplateAsync(county.Id, new TemplateRequest(t.Name, steps), cancellationToken));
        }

        foreach (var f in file.Funds ?? [])
        {
            leftToDo.Add($"Fonden {f.Name} skapas när ett tillägg om den är antaget: {string.Join("; ", f.Criteria ?? [])}.");
        }

        return new ConfigurationImportResult(county.Code, county.Name, parties.Count, agreementIds.Count, bodyIds.Count, costModel, file.CaseSeries?.Count ?? 0,
            file.FlowTemplates?.Count ?? 0, leftToDo);
    }

    /// <summary>Bodies in an order where every body another one reports to or draws members from is made first.</summary>
    private async Task<Dictionary<string, Guid>> ImportBodiesAsync(Guid countyId, IReadOnlyList<ConfigurationBody> list, Dictionary<string, Guid> agreementIds,
        Dictionary<string, Party> partyByRef, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, Guid>();
        var keys = list.Select((b, i) => b.Key ?? b.ShortName ?? b.Name ?? $"organ-{i + 1}").ToList();
        var pending = Enumerable.Range(0, list.Count).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(i => Needs(list[i]).All(ids.ContainsKey), -1);
            if (ready < 0)
            {
                var i = pending[0];
                var missing = Needs(list[i]).First(k => !ids.ContainsKey(k));
                throw InputValidationException.For($"bodies[{i}]", keys.Contains(missing)
                    ? $"Organen {keys[i]} och {missing} hänvisar till varandra i en ring; ett av dem måste komma först."
                    : $"Organet {keys[i]} hänvisar till organet {missing}, som inte finns i filen.");
            }

            var b = list[ready];
            var rules = (b.Rules ?? BodyRulesRequest.Defaults) with
            {
                MembersFrom = (b.MembersFrom ?? []).Select(s => new SeatSourceRequest(ids[s.Body!], s.Count)).ToList(),
            };
            Guid? agreementId = b.Agreement is { } a ? agreementIds.TryGetValue(a, out var ag) ? ag
                : throw InputValidationException.For($"bodies[{ready}].agreement", $"Organet {keys[ready]}: avtalet {a} finns inte bland filens avtal.") : null;
            var body = await At($"bodies[{ready}]", () => bodies.CreateAsync(countyId, new CreateBodyRequest(b.Name, b.ShortName, b.Kind, agreementId,
                b.OwnerParty is { } owner ? partyByRef.GetValueOrDefault(owner)?.Id : null, b.ReportsTo is { } parent ? ids[parent] : null, Rules: rules), cancellationToken));
            ids[keys[ready]] = body.Id;
            pending.Remove(ready);
        }

        return ids;

        static IEnumerable<string> Needs(ConfigurationBody b) =>
            (b.MembersFrom ?? []).Select(s => s.Body).Append(b.ReportsTo).OfType<string>();
    }

    /// <summary>Runs one step of the import; a refusal names where in the file it is (the field and the message).</summary>
    private static async Task<T> At<T>(string where, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (InputValidationException e)
        {
            throw new InputValidationException(e.Errors.ToDictionary(x => $"{where}.{x.Key}", x => x.Value.Select(m => $"{Place(where)}: {m}").ToArray()));
        }
        catch (DomainRuleException e)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [where] = [$"{Place(where)}: {e.Message}"] });
        }
    }

    private static string Place(string where) => where.Split('[', '.')[0] switch
    {
        "county" => "Länet",
        "parties" => "Parterna" + Index(where),
        "agreements" => "Avtal" + Index(where),
        "bodies" => "Organ" + Index(where),
        "costModel" => "Kostnadsmodellen",
        "caseSeries" => "Diarieserie" + Index(where),
        "flowTemplates" => "Mall" + Index(where),
        _ => where,
    };

    private static string Index(string where) =>
        where.IndexOf('[') is var start and >= 0 && int.TryParse(where[(start + 1)..where.IndexOf(']')], out var i) ? $" {i + 1} i filen" : string.Empty;

    private static string PartyRef(Party p) => p.Kind == PartyKind.Region ? RegionRef : p.MunicipalityCode ?? p.Name;

    /// <summary>The model's terms without what only this installation has (the version read).</summary>
    private static CostModelRequest Neutral(CostModelRequest request)
    {
        request.Version = null;
        return request;
    }
}
