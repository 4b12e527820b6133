using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Infrastructure;
using MinutesEntity = Samverkan.Domain.Meetings.Minutes;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// The minutes of a meeting: drafted by the secretariat, signed by the chair, checked by the appointed member, dispatched.
/// Each form changes through <see cref="MinutesDesk"/> and shows its errors beside itself.
/// </summary>
public sealed class MinutesModel(AppDbContext db, MinutesDesk desk, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    private Dictionary<Guid, string> partyNames = [];

    [FromRoute]
    public Guid Id { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public Body Body { get; private set; } = null!;

    public MinutesEntity? Minutes { get; private set; }

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public IReadOnlyList<Membership> Members { get; private set; } = [];

    public IReadOnlyList<string> Present { get; private set; } = [];

    public string? CheckerName { get; private set; }

    public bool IsChair { get; private set; }

    public bool IsChecker { get; private set; }

    public string? Message { get; private set; }

    public string StatusLabel => Minutes?.Status switch
    {
        MinutesStatus.Draft => "Utkast",
        MinutesStatus.Signed => "Undertecknat av ordföranden, väntar på justering",
        MinutesStatus.Checked => "Justerat",
        MinutesStatus.Dispatched => "Justerat och expedierat",
        _ => "–",
    };

    public static string KindLabel(DecisionKind kind) => kind switch
    {
        DecisionKind.Recommendation => "rekommendation",
        DecisionKind.Information => "information",
        DecisionKind.Position => "ställningstagande",
        DecisionKind.Decision => "beslut",
        DecisionKind.Advice => "råd",
        _ => kind.ToString(),
    };

    /// <summary>The consultation forum's minutes record advice and positions, never decisions (seed 003): they never say "Beslut".</summary>
    public static string DecisionHeading(MinutesEntity minutes) => minutes.Advisory ? "Råd/ställningstagande" : "Beslut";

    /// <summary>The kinds of paragraph the minutes may hold: an advisory body's never include a decision.</summary>
    public static IEnumerable<DecisionKind> Kinds(MinutesEntity minutes) =>
        Enum.GetValues<DecisionKind>().Where(k => !minutes.Advisory || !DecisionKinds.IsDecision(k));

    public static string PositionLabel(PartyPosition position) => position switch
    {
        PartyPosition.Agree => "instämmer",
        PartyPosition.Object => "invänder",
        PartyPosition.Abstain => "avstår",
        _ => position.ToString(),
    };

    public string PartyName(Guid id) => partyNames.GetValueOrDefault(id, "okänd part");

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        await LoadAsync();
        if (Minutes is null)
        {
            return NotFound();
        }

        return File(MinutesDocument.Pdf(Minutes, Meeting, Body, partyNames), "application/pdf", $"protokoll-{Meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }

    /// <summary>The minutes start from the agenda: one paragraph per agenda item, with the proposal as the draft decision.</summary>
    public Task<IActionResult> OnPostCreateAsync() =>
        ChangeAsync("create", null, ct => desk.OpenAsync(Id, fromAgenda: true, ct, County.Id), "Protokollet är påbörjat.");

    public Task<IActionResult> OnPostItemAsync(string? title, string? discussion, string? decision, DecisionKind? kind) =>
        ChangeAsync("item", null, ct => desk.AddItemAsync(Id, new MinutesItemRequest(title, discussion, decision, kind), ct, County.Id), "Paragrafen är tillagd.");

    /// <summary>The forum's advice or position on a paragraph.</summary>
    public Task<IActionResult> OnPostAdviceAsync(Guid itemId, string? advice, DecisionKind? kind) =>
        ChangeAsync("advice", itemId, ct => desk.RecordAdviceAsync(Id, itemId, new AdviceRequest(advice, kind), ct, County.Id), "Samrådets råd är antecknat.");

    /// <summary>Every party's position on one paragraph in one form; a party left at "–" is not recorded.</summary>
    public Task<IActionResult> OnPostPositionsAsync(Guid itemId, Dictionary<Guid, PartyPosition?>? positions, Dictionary<Guid, string?>? notes) =>
        ChangeAsync("positions", itemId, ct => desk.RecordPositionsAsync(Id, itemId, (positions ?? []).Where(p => p.Value is not null)
            .Select(p => new PositionRequest(p.Key, p.Value, notes?.GetValueOrDefault(p.Key))).ToList(), ct, County.Id), "Ställningstagandena är antecknade.");

    public Task<IActionResult> OnPostAttendanceAsync(Guid[]? present, Guid? checkerId) =>
        ChangeAsync("attendance", null, ct => desk.RecordRollCallAsync(Id, new RollCallRequest(present ?? [], checkerId), ct, County.Id), "Närvaro och justerare är sparade.");

    public Task<IActionResult> OnPostSignAsync() => ChangeAsync("sign", null, ct => desk.SignAsync(Id, ct, County.Id), "Protokollet är undertecknat.");

    public Task<IActionResult> OnPostCheckAsync() => ChangeAsync("check", null, ct => desk.CheckAsync(Id, ct, County.Id), "Protokollet är justerat.");

    public Task<IActionResult> OnPostDispatchAsync() => ChangeAsync("dispatch", null, ct => desk.DispatchAsync(Id, ct, County.Id), "Protokollet är expedierat och publicerat.");

    public Task<IActionResult> OnPostCorrectAsync(string? text) =>
        ChangeAsync("correct", null, ct => desk.CorrectAsync(Id, new CorrectionRequest(text), ct, County.Id), "Rättelsen är antecknad.");

    private async Task<IActionResult> ChangeAsync(string form, Guid? item, Func<CancellationToken, Task> change, string message)
    {
        await LoadCountyAsync();
        return await ChangeAsync(form, change, () =>
        {
            TempData["Message"] = message;
            return Redirect($"/counties/{County.Code}/meetings/{Id}/minutes");
        }, LoadAsync, item);
    }

    private Membership? OwnSeat() => Access.MembershipId is { } id ? Body.ActiveMemberships(Today).FirstOrDefault(m => m.Id == id) : null;

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        (Meeting, Body) = await MeetingQueries.ReadAsync(db, Access, Id, HttpContext.RequestAborted);
        if (Meeting.CountyId != County.Id)
        {
            throw new NotFoundException("Sammanträdet finns inte i det här länet.");
        }

        Minutes = await db.Minutes.AsNoTracking().WithContent().FirstOrDefaultAsync(m => m.MeetingId == Meeting.Id);
        Parties = await CountyQueries.PartiesAsync(db, County.Id);
        partyNames = Parties.ToDictionary(p => p.Id, p => p.Name);
        Members = Body.ActiveMemberships(Today).Where(m => m.CountsAsMember).OrderBy(m => m.Person!.LastName, StringComparer.Create(SwedishText.Culture, false)).ToList();
        var names = Body.Memberships.ToDictionary(m => m.Id, m => m.Person!.FullName);
        Present = Minutes?.Attendance.Where(a => a.Present).Select(a => names.GetValueOrDefault(a.MembershipId, "okänd")).Order().ToList() ?? [];
        CheckerName = Minutes?.CheckerMembershipId is { } checker ? names.GetValueOrDefault(checker) : null;
        var own = OwnSeat();
        IsChair = own?.Role == MembershipRole.Chair;
        IsChecker = own is not null && own.Id == Minutes?.CheckerMembershipId;
    }
}
