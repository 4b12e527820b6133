using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// A county sets up its bodies: creates one (from a template's rules or from nothing) and changes its rules later. The
/// rules are the county's own configuration (<see cref="BodyRules"/>); every check of the body reads them. Used by the
/// body pages, the API and the demo loader alike; only the county's secretariat (or an administrator) sets up bodies,
/// and every id in the request is checked against the county.
/// </summary>
public sealed class BodySetup(AppDbContext db, Access access, TimeProvider time)
{
    public const string RulesChanged = "Någon annan har ändrat organets regler under tiden. Läs in sidan igen och gör om ändringen.";

    public Task<Body> CreateAsync(Guid countyId, CreateBodyRequest request, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            access.EnsureManage(countyId);
            var input = new InputCheck();
            var name = input.Required(request.Name?.Trim(), "name", "Ange organets namn.");
            if (name is { Length: > 200 })
            {
                input.Add("name", "Namnet får vara högst 200 tecken.");
            }

            if (request.ShortName?.Trim() is { Length: > 30 })
            {
                input.Add("shortName", "Förkortningen får vara högst 30 tecken.");
            }

            var kind = input.Required(request.Kind, "kind", "Välj vilken sorts organ det är.");
            if (kind is { } k && !Enum.IsDefined(k))
            {
                input.Add("kind", "Okänd sorts organ.");
            }

            if (request.AgreementId is { } agreementId && !await db.Agreements.AnyAsync(a => a.Id == agreementId && a.CountyId == countyId, cancellationToken))
            {
                input.Add("agreementId", "Avtalet (agreementId) finns inte i länet.");
            }

            if (request.OwnerPartyId is { } partyId && !await db.Parties.AnyAsync(p => p.Id == partyId && p.CountyId == countyId, cancellationToken))
            {
                input.Add("ownerPartyId", "Parten (ownerPartyId) finns inte i länet.");
            }

            if (request.ParentBodyId is { } parentId && !await db.Bodies.AnyAsync(b => b.Id == parentId && b.CountyId == countyId, cancellationToken))
            {
                input.Add("parentBodyId", "Organet som det rapporterar till (parentBodyId) finns inte i länet.");
            }

            var (startsOn, endsOn) = Term(request, input);
            var rules = await RulesAsync(countyId, null, request.Rules ?? new BodyRulesRequest(), input, cancellationToken);
            if (name is not null && await db.Bodies.AnyAsync(b => b.CountyId == countyId && b.Name == name, cancellationToken))
            {
                input.Add("name", $"Länet har redan ett organ som heter {name}.");
            }

            input.ThrowIfAny();
            var body = new Body(countyId, kind!.Value, name!, string.IsNullOrWhiteSpace(request.ShortName) ? null : request.ShortName.Trim(), rules!,
                request.OwnerPartyId, request.ParentBodyId);
            body.ServeAgreement(request.AgreementId);
            body.AddTerm(startsOn, endsOn);
            db.Bodies.Add(body);
            await db.SaveChangesAsync(cancellationToken);
            return body;
        }, cancellationToken);

    /// <summary>Changes the body's rules as a whole, from the version the form was read at.</summary>
    public Task<Body> ChangeRulesAsync(Guid bodyId, BodyRulesRequest request, int? version, CancellationToken cancellationToken, Guid? countyId = null) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var body = await BodyQueries.LoadReadableAsync(db, access, bodyId, cancellationToken);
            if (countyId is { } county && body.CountyId != county)
            {
                throw new NotFoundException("Organet finns inte i det här länet.");
            }

            access.EnsureManage(body.CountyId);
            StaleVersionException.Ensure(body.Version, version, RulesChanged);
            var input = new InputCheck();
            var rules = await RulesAsync(body.CountyId, body.Id, request, input, cancellationToken);
            input.ThrowIfAny();
            body.ChangeRules(rules!);
            await db.SaveChangesAsync(cancellationToken);
            return body;
        }, cancellationToken);

    /// <summary>The term given, or the current one of the electoral cycle: from 1 January after the latest general election, four years.</summary>
    private (DateOnly StartsOn, DateOnly EndsOn) Term(CreateBodyRequest request, InputCheck input)
    {
        var today = time.TodayInSweden();
        var afterElection = today.Year - 1 - (((today.Year - 1 - Body.ElectionYear) % 4) + 4) % 4 + 1;
        var startsOn = request.TermStartsOn ?? new DateOnly(afterElection, 1, 1);
        var endsOn = request.TermEndsOn ?? new DateOnly(startsOn.Year + 3, 12, 31);
        if (endsOn <= startsOn)
        {
            input.Add("termEndsOn", "Mandatperioden måste sluta efter att den börjar.");
        }

        return (startsOn, endsOn);
    }

    private async Task<BodyRules?> RulesAsync(Guid countyId, Guid? bodyId, BodyRulesRequest r, InputCheck input, CancellationToken cancellationToken)
    {
        void Range(int? value, string field, int min, int max, string what)
        {
            if (value is { } v && (v < min || v > max))
            {
                input.Add("rules." + field, $"{what} ska vara ett heltal mellan {min} och {max}.");
            }
        }

        Range(r.MinMembers, "minMembers", 1, 500, "Lägsta antalet ledamöter");
        Range(r.MaxMembers, "maxMembers", 1, 500, "Högsta antalet ledamöter");
        Range(r.MinMeetingsPerYear, "minMeetingsPerYear", 0, 52, "Antalet sammanträden per år");
        Range(r.NoticeDays, "noticeDays", 0, 90, "Antalet dagar före sammanträdet som kallelsen ska skickas");
        Range(r.SeatsPerMunicipality, "seatsPerMunicipality", 1, 20, "Antalet ledamöter per kommun");
        Range(r.RegionMinSeats, "regionMinSeats", 0, 100, "Regionens lägsta antal ledamöter");
        Range(r.RegionMaxSeats, "regionMaxSeats", 0, 100, "Regionens högsta antal ledamöter");
        Range(r.ExtraMeetingSharePercent, "extraMeetingSharePercent", 1, 100, "Andelen ledamöter som kan begära extra sammanträde (procent)");
        if (r.MinMembers is { } min && r.MaxMembers is { } max && min > max)
        {
            input.Add("rules.maxMembers", $"Högsta antalet ledamöter ({max}) kan inte vara mindre än det lägsta ({min}).");
        }

        if (r.RegionMinSeats is { } low && r.RegionMaxSeats is { } high && low > high)
        {
            input.Add("rules.regionMaxSeats", $"Regionens högsta antal ledamöter ({high}) kan inte vara mindre än dess lägsta ({low}).");
        }

        if (r.AdvisoryOnly == true && r.SetsUpCollaborationGroups == true)
        {
            input.Add("rules.setsUpCollaborationGroups", "Ett rådgivande organ fattar inga beslut och kan därför inte inrätta samverkansgrupper.");
        }

        var topics = (r.MandatoryTopics ?? []).Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).ToList();
        if (topics.FirstOrDefault(t => t.Length > 200) is { } longTopic)
        {
            input.Add("rules.mandatoryTopics", $"En obligatorisk uppgift får vara högst 200 tecken (”{longTopic[..40]}…”).");
        }

        if (topics.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            input.Add("rules.mandatoryTopics", $"”{twice.Key}” står två gånger bland de obligatoriska uppgifterna.");
        }

        var sources = new List<SeatSource>();
        var fromList = r.MembersFrom ?? [];
        for (var i = 0; i < fromList.Count; i++)
        {
            var source = fromList[i];
            var field = $"rules.membersFrom[{i}]";
            if (source.BodyId is not { } sourceId)
            {
                input.Add(field + ".bodyId", $"Rad {i + 1}: välj organet som ledamöterna hämtas ur.");
            }
            else if (sourceId == bodyId)
            {
                input.Add(field + ".bodyId", $"Rad {i + 1}: organet kan inte hämta ledamöter ur sig självt.");
            }
            else if (!await db.Bodies.AnyAsync(b => b.Id == sourceId && b.CountyId == countyId, cancellationToken))
            {
                input.Add(field + ".bodyId", $"Rad {i + 1}: organet (bodyId) finns inte i länet.");
            }

            if (source.Count is not { } count || count < 1 || count > 100)
            {
                input.Add(field + ".count", $"Rad {i + 1}: ange hur många ledamöter som hämtas ur organet (1–100).");
            }
            else if (source.BodyId is { } id)
            {
                sources.Add(new SeatSource(id, count));
            }
        }

        if (sources.GroupBy(s => s.BodyId).Any(g => g.Count() > 1))
        {
            input.Add("rules.membersFrom", "Samma organ står två gånger bland organen som ledamöterna hämtas ur.");
        }

        if (r.MaxMembers is { } most && sources.Sum(s => s.Count) > most)
        {
            input.Add("rules.membersFrom", $"Organet hämtar {sources.Sum(s => s.Count)} ledamöter ur andra organ men får ha högst {most}.");
        }

        if (input.HasAny)
        {
            return null;
        }

        return r.ToRules();
    }
}
