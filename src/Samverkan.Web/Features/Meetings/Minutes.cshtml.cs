using System.Security.Claims;
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

/// <summary>The minutes of a meeting: drafted by the secretariat, signed by the chair, checked by the appointed member, dispatched.</summary>
public sealed class MinutesModel(AppDbContext db, Access access, TimeProvider time) : CountyPageModel(access, time)
{
    private readonly TimeProvider clock = time;
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

    public List<string> Errors { get; } = [];

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
    public Task<IActionResult> OnPostCreateAsync() => ChangeAsync(true, async () =>
    {
        var minutes = MinutesEntity.Open(Meeting, Meeting.StartsAt.SwedishDay(), Today);
        db.Minutes.Add(minutes);
        var paragraph = await MinutesRegister.NextParagraphAsync(db, minutes, HttpContext.RequestAborted);
        foreach (var item in Meeting.Agenda.OrderBy(a => a.Number))
        {
            minutes.AddItem(paragraph++, item.Title, null, item.ProposedDecision ?? "Antecknas.", DecisionKind.Information, item.Id);
        }
        await Task.CompletedTask;
    }, "Protokollet är påbörjat.");

    public Task<IActionResult> OnPostItemAsync(string title, string? discussion, string decision, DecisionKind kind) => ChangeAsync(true, async () =>
    {
        var paragraph = await MinutesRegister.NextParagraphAsync(db, Minutes!, HttpContext.RequestAborted);
        Minutes!.AddItem(paragraph, title, discussion, decision, kind);
    }, "Paragrafen är tillagd.");

    /// <summary>The forum's advice or position on a paragraph.</summary>
    public Task<IActionResult> OnPostAdviceAsync(Guid itemId, string? advice, DecisionKind kind) => ChangeAsync(true, () =>
    {
        Minutes!.RecordAdvice(itemId, advice ?? string.Empty, kind);
        return Task.CompletedTask;
    }, "Samrådets råd är antecknat.");

    /// <summary>Every party's position on one paragraph in one form.</summary>
    public Task<IActionResult> OnPostPositionsAsync(Guid itemId, Dictionary<Guid, PartyPosition?> positions, Dictionary<Guid, string?> notes) => ChangeAsync(true, () =>
    {
        foreach (var (partyId, position) in positions.Where(p => p.Value is not null))
        {
            if (Parties.All(p => p.Id != partyId))
            {
                throw new DomainRuleException("PositionParty", "Välj en part i länet.");
            }

            Minutes!.RecordPosition(itemId, partyId, position!.Value, notes.GetValueOrDefault(partyId));
        }

        return Task.CompletedTask;
    }, "Ställningstagandena är antecknade.");

    public Task<IActionResult> OnPostPositionAsync(Guid itemId, Guid partyId, PartyPosition position, string? note) => ChangeAsync(true, () =>
    {
        if (Parties.All(p => p.Id != partyId))
        {
            throw new DomainRuleException("PositionParty", "Välj en part i länet.");
        }

        Minutes!.RecordPosition(itemId, partyId, position, note);
        return Task.CompletedTask;
    }, "Ställningstagandet är antecknat.");

    public Task<IActionResult> OnPostAttendanceAsync(Guid[] present, Guid? checkerId) => ChangeAsync(true, () =>
    {
        foreach (var member in Members)
        {
            Minutes!.RecordAttendance(member, present.Contains(member.Id));
        }

        if (checkerId is { } id)
        {
            Minutes!.AppointChecker(Members.First(m => m.Id == id));
        }

        return Task.CompletedTask;
    }, "Närvaro och justerare är sparade.");

    public Task<IActionResult> OnPostSignAsync() => ChangeAsync(false, async () =>
    {
        var seat = OwnSeat() ?? throw new ForbiddenException("Protokollet undertecknas av den som var ordförande vid sammanträdet, själv.");
        Minutes!.Sign(seat, Body.ActiveMemberships(Meeting.StartsAt.SwedishDay()), await MinutesRegister.SignatureAsync(db, seat), clock.GetUtcNow());
    }, "Protokollet är undertecknat.");

    public Task<IActionResult> OnPostCheckAsync() => ChangeAsync(false, async () =>
    {
        var checker = OwnSeat() ?? throw new ForbiddenException("Protokollet justeras av den utsedda justeraren själv.");
        Minutes!.Check(checker, await MinutesRegister.SignatureAsync(db, checker), clock.GetUtcNow());
        await Cases.CaseCouncils.RecordHandledStepsAsync(db, Minutes, Body, Meeting.StartsAt.SwedishDay(), Today, HttpContext.RequestAborted);
    }, "Protokollet är justerat.");

    public Task<IActionResult> OnPostDispatchAsync() => ChangeAsync(true, () =>
    {
        Dispatching.Dispatch(db, clock, Minutes!, Meeting, Body, Parties);
        return Task.CompletedTask;
    }, "Protokollet är expedierat och publicerat.");

    public Task<IActionResult> OnPostCorrectAsync(string text) => ChangeAsync(true, () =>
    {
        Minutes!.Correct(text, User.Identity?.Name ?? "okänd", clock.GetUtcNow());
        return Task.CompletedTask;
    }, "Rättelsen är antecknad.");

    private async Task<IActionResult> ChangeAsync(bool manage, Func<Task> change, string message)
    {
        await LoadAsync();
        if (manage)
        {
            Access.EnsureManage(County.Id);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await change();
            await db.SaveChangesAsync();
            await MinutesRegister.RenumberAsync(db, Body.Id, Meeting.StartsAt.SwedishDay().Year);
            await transaction.CommitAsync();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Errors.Add("Någon annan har ändrat protokollet under tiden. Läs in sidan igen.");
            return Page();
        }

        TempData["Message"] = message;
        return RedirectToPage(new { countyCode = County.Code, id = Id });
    }

    private Membership? OwnSeat() =>
        Guid.TryParse(User.FindFirstValue(SamverkanClaims.Membership), out var id) ? Body.ActiveMemberships(Today).FirstOrDefault(m => m.Id == id) : null;

    private async Task LoadAsync()
    {
        await LoadCountyAsync();
        (Meeting, Body) = await MeetingQueries.LoadAsync(db, Access, Id, HttpContext.RequestAborted);
        if (Meeting.CountyId != County.Id)
        {
            throw new NotFoundException("Sammanträdet finns inte i det här länet.");
        }

        Minutes = await db.Minutes.WithContent().FirstOrDefaultAsync(m => m.MeetingId == Meeting.Id);
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
