using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

public enum MinutesStatus
{
    Draft,
    Signed,
    Checked,
    Dispatched,
}

/// <summary>
/// The minutes (protokoll) of a meeting. Draft → signed by the chair → checked (justerat) by the member appointed at
/// the meeting → dispatched. Signing and checking record who, when and a SHA-256 of the content; once checked the
/// minutes cannot be edited, only corrected by a recorded correction (seed 001 §2.3).
/// </summary>
public sealed partial class Minutes : ICountyOwned
{
    private readonly List<MinutesItem> items = [];
    private readonly List<Attendance> attendance = [];
    private readonly List<MinutesCorrection> corrections = [];

    private Minutes()
    {
    }

    /// <summary>Minutes are opened from the meeting's day, not before: nothing can be minuted before it is said.</summary>
    public static Minutes Open(Meeting meeting, DateOnly meetingDay, DateOnly today)
    {
        if (meetingDay > today)
        {
            throw new DomainRuleException("MinutesBeforeMeeting",
                $"Protokollet kan påbörjas först på sammanträdesdagen {SwedishText.Date(meetingDay)}.");
        }

        return new Minutes(meeting, meetingDay.Year);
    }

    public Minutes(Meeting meeting, int year)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("MinutesCancelled", "Ett inställt sammanträde har inget protokoll.", RuleSeverity.Conflict);
        }

        Id = Guid.NewGuid();
        CountyId = meeting.CountyId;
        MeetingId = meeting.Id;
        BodyId = meeting.BodyId;
        Year = year;
        Status = MinutesStatus.Draft;
        Advisory = meeting.Advisory;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid BodyId { get; private set; }

    /// <summary>Paragraphs (§) are numbered continuously per body and year.</summary>
    public int Year { get; private set; }

    public MinutesStatus Status { get; private set; }

    /// <summary>The minutes of an advisory body (the consultation forum): advice and positions, never a decision.</summary>
    public bool Advisory { get; private set; }

    /// <summary>The member appointed at the meeting to check the minutes (justerare).</summary>
    public Guid? CheckerMembershipId { get; private set; }

    public string? SignedBy { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public string? SignedHash { get; private set; }

    public string? CheckedBy { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    public string? CheckedHash { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>Who the minutes were sent to: the regional board, every municipal executive board and those a case concerns.</summary>
    public string? DispatchedTo { get; private set; }

    /// <summary>The day checked minutes were published on the public pages.</summary>
    public DateOnly? PublishedOn { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<MinutesItem> Items => items;

    public IReadOnlyList<Attendance> Attendance => attendance;

    public IReadOnlyList<MinutesCorrection> Corrections => corrections;

    public MinutesItem AddItem(int paragraph, string title, string? discussion, string decision, DecisionKind kind, Guid? agendaItemId = null)
    {
        EnsureEditable();
        EnsureMayRecord(kind);
        if (items.Any(i => i.Paragraph == paragraph))
        {
            throw new DomainRuleException("ParagraphTaken", $"§ {paragraph} finns redan i protokollet.", RuleSeverity.Conflict);
        }

        var item = new MinutesItem(this, paragraph, title, discussion, decision, kind) { AgendaItemId = agendaItemId };
        items.Add(item);
        Version++;
        return item;
    }

    /// <summary>
    /// Paragraph numbers (§) follow the meetings' order within the body's year: the draft minutes are numbered on from
    /// the highest paragraph of the minutes before them; signed minutes keep their numbers for good. Returns the
    /// items whose number changes, with their new numbers (the caller stores them in two steps, past the unique index).
    /// </summary>
    public static IReadOnlyList<(MinutesItem Item, int Paragraph)> Renumbering(IEnumerable<(Minutes Minutes, DateTimeOffset MeetingStartsAt)> bodyYear)
    {
        var changes = new List<(MinutesItem, int)>();
        var all = bodyYear.ToList();
        // Signed numbers are fixed; the drafts continue after the highest of them, in the meetings' order.
        var last = all.Where(x => x.Minutes.Status != MinutesStatus.Draft).SelectMany(x => x.Minutes.items).Select(i => i.Paragraph).DefaultIfEmpty(0).Max();
        foreach (var (minutes, _) in all.Where(x => x.Minutes.Status == MinutesStatus.Draft).OrderBy(x => x.MeetingStartsAt))
        {
            foreach (var item in minutes.items.OrderBy(i => i.Paragraph))
            {
                last++;
                if (item.Paragraph != last)
                {
                    changes.Add((item, last));
                }
            }
        }

        return changes;
    }

    /// <summary>Gives a draft's paragraph its number from <see cref="Renumbering"/> (or a temporary one on the way).</summary>
    public void Renumber(MinutesItem item, int paragraph)
    {
        EnsureEditable();
        if (!items.Contains(item))
        {
            throw new DomainRuleException("MinutesItem", "Paragrafen hör inte till protokollet.");
        }

        item.SetParagraph(paragraph);
        Version++;
    }

    public void RecordPosition(Guid itemId, Guid partyId, PartyPosition position, string? note)
    {
        EnsureEditable();
        Item(itemId).RecordPosition(partyId, position, note);
        Version++;
    }

    public void RecordAttendance(Membership member, bool present)
    {
        EnsureEditable();
        attendance.RemoveAll(a => a.MembershipId == member.Id);
        attendance.Add(new Attendance(this, member, present));
        Version++;
    }

    public void AppointChecker(Membership member)
    {
        EnsureEditable();
        if (!member.CountsAsMember || member.BodyId != BodyId)
        {
            throw new DomainRuleException("CheckerMember", "Justeraren ska vara en ledamot i organet.");
        }

        if (member.Role == MembershipRole.Chair)
        {
            throw new DomainRuleException("CheckerNotChair", "Ordföranden skriver under protokollet; justeraren ska vara en annan ledamot.");
        }

        CheckerMembershipId = member.Id;
        Version++;
    }

    /// <summary>
    /// Records the advisory body's advice or position on a paragraph (seed 003: "Ej beslutande organ – enbart
    /// rådgivande inför regionala utvecklingsnämndens beslut").
    /// </summary>
    public MinutesItem RecordAdvice(Guid itemId, string advice, DecisionKind kind)
    {
        EnsureEditable();
        if (!Advisory)
        {
            throw new DomainRuleException("AdviceByAdvisoryBody", "Råd och ställningstaganden antecknas i ett rådgivande organs protokoll; ett beslutande organ fattar beslut.");
        }

        EnsureMayRecord(kind);
        if (kind is not (DecisionKind.Advice or DecisionKind.Position))
        {
            throw new DomainRuleException("AdviceKind", "Ange ett råd eller ett ställningstagande.");
        }

        var item = Item(itemId);
        item.SetAdvice(advice, kind);
        Version++;
        return item;
    }

    /// <summary>The consultation forum never decides: its minutes refuse every decision, whoever asks.</summary>
    private void EnsureMayRecord(DecisionKind kind)
    {
        if (Advisory && DecisionKinds.IsDecision(kind))
        {
            throw new DomainRuleException("ForumNeverDecides", "Samrådet är inte ett beslutande organ; det ger enbart råd och ställningstaganden inför nämndens beslut.");
        }
    }

    private MinutesItem Item(Guid id) => items.FirstOrDefault(i => i.Id == id) ?? throw new DomainRuleException("MinutesItem", "Paragrafen finns inte i protokollet.");

    private void EnsureEditable()
    {
        if (Status is MinutesStatus.Checked or MinutesStatus.Dispatched)
        {
            throw new DomainRuleException("NoEditAfterCheck", "Protokollet är justerat och kan inte ändras; gör en rättelse i stället.", RuleSeverity.Conflict);
        }

        if (Status == MinutesStatus.Signed)
        {
            throw new DomainRuleException("NoEditAfterSigning", "Protokollet är undertecknat av ordföranden och kan inte ändras före justeringen.", RuleSeverity.Conflict);
        }
    }
}
