using System.Security.Cryptography;
using System.Text;
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

public enum DecisionKind
{
    Recommendation,
    Information,
    Position,

    /// <summary>A decision of a deciding body (beslut).</summary>
    Decision,

    /// <summary>Advice (råd) of an advisory body such as the consultation forum.</summary>
    Advice,
}

public static class DecisionKinds
{
    /// <summary>What an advisory body may never record: a decision, or a recommendation (a decision to recommend).</summary>
    public static bool IsDecision(DecisionKind kind) => kind is DecisionKind.Decision or DecisionKind.Recommendation;
}

public enum PartyPosition
{
    Agree,
    Object,
    Abstain,
}

/// <summary>The one consensus rule of the collaboration: the SRB's recommendations and the Council's stand on a fund initiative.</summary>
public static class Consensus
{
    /// <summary>One objection is enough to break consensus; an abstention does not.</summary>
    public static bool NoObjection(IEnumerable<PartyPosition> positions) => positions.All(p => p != PartyPosition.Object);
}

/// <summary>
/// The minutes (protokoll) of a meeting. Draft → signed by the chair → checked (justerat) by the member appointed at
/// the meeting → dispatched. Signing and checking record who, when and a SHA-256 of the content; once checked the
/// minutes cannot be edited, only corrected by a recorded correction (seed 001 §2.3).
/// </summary>
public sealed class Minutes : ICountyOwned
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
    /// The person who chaired the meeting signs first: the chair, or a vice chair when the chair was recorded absent.
    /// <paramref name="seats"/> are the body's memberships on the meeting's day; <paramref name="signedBy"/> is how the
    /// signature reads on the minutes (the person's name and role).
    /// </summary>
    public void Sign(Membership signer, IEnumerable<Membership> seats, string signedBy, DateTimeOffset now)
    {
        if (Status != MinutesStatus.Draft)
        {
            throw new DomainRuleException("SigningOrder", "Protokollet är redan undertecknat.", RuleSeverity.Conflict);
        }

        if (signer.BodyId != BodyId)
        {
            throw new DomainRuleException("SignerIsChair", "Protokollet undertecknas av ordföranden.");
        }

        bool Absent(Membership m) => attendance.Any(a => a.MembershipId == m.Id && !a.Present);
        var chair = seats.FirstOrDefault(m => m.Role == MembershipRole.Chair && m.BodyId == BodyId);
        var chairAbsent = chair is not null && Absent(chair);
        if (signer.Role == MembershipRole.Chair && Absent(signer))
        {
            throw new DomainRuleException("SignerChaired",
                "Ordföranden var frånvarande vid sammanträdet; protokollet undertecknas av den vice ordförande som ledde det.");
        }

        if (signer.Role is MembershipRole.FirstViceChair or MembershipRole.ViceChair)
        {
            if (!chairAbsent || Absent(signer))
            {
                throw new DomainRuleException("SignerChaired", chairAbsent
                    ? "Vice ordföranden var också frånvarande och kan inte underteckna protokollet."
                    : "Ordföranden var närvarande och undertecknar protokollet; vice ordföranden undertecknar bara när ordföranden var frånvarande.");
            }
        }
        else if (signer.Role != MembershipRole.Chair)
        {
            throw new DomainRuleException("SignerIsChair", "Protokollet undertecknas av ordföranden, eller av vice ordföranden när ordföranden var frånvarande.");
        }

        if (items.Count == 0)
        {
            throw new DomainRuleException("MinutesEmpty", "Protokollet har inga paragrafer att underteckna.");
        }

        if (CheckerMembershipId is null)
        {
            throw new DomainRuleException("CheckerAppointed", "Utse justeraren innan protokollet undertecknas.");
        }

        Status = MinutesStatus.Signed;
        SignedBy = signedBy;
        SignedAt = now.ToUniversalTime();
        SignedHash = ContentHash();
        Version++;
    }

    /// <summary>The appointed member checks after the chair has signed; the content must be what the chair signed.</summary>
    public void Check(Membership checker, string checkedBy, DateTimeOffset now)
    {
        if (Status != MinutesStatus.Signed)
        {
            throw new DomainRuleException("SigningOrder", Status == MinutesStatus.Draft
                ? "Protokollet justeras efter att ordföranden har undertecknat det."
                : "Protokollet är redan justerat.", RuleSeverity.Conflict);
        }

        if (checker.Id != CheckerMembershipId)
        {
            throw new DomainRuleException("CheckerAppointed", "Protokollet justeras av den ledamot som utsågs till justerare vid sammanträdet.");
        }

        var hash = ContentHash();
        if (hash != SignedHash)
        {
            throw new DomainRuleException("ContentChanged", "Protokollet har ändrats efter undertecknandet och kan inte justeras.", RuleSeverity.Conflict);
        }

        Status = MinutesStatus.Checked;
        CheckedBy = checkedBy;
        CheckedAt = now.ToUniversalTime();
        CheckedHash = hash;
        Version++;
    }

    public void Dispatch(DateTimeOffset now, DateOnly today, IEnumerable<string> receivers)
    {
        if (Status != MinutesStatus.Checked)
        {
            throw new DomainRuleException("DispatchChecked", "Bara ett justerat protokoll kan expedieras.", RuleSeverity.Conflict);
        }

        Status = MinutesStatus.Dispatched;
        DispatchedAt = now.ToUniversalTime();
        DispatchedTo = string.Join("; ", receivers);
        PublishedOn = today;
        Version++;
    }

    /// <summary>After checking, a mistake is put right by a recorded correction, never by editing.</summary>
    public MinutesCorrection Correct(string text, string by, DateTimeOffset now)
    {
        if (Status is MinutesStatus.Draft or MinutesStatus.Signed)
        {
            throw new DomainRuleException("CorrectDraft", "Protokollet är inte justerat ännu; ändra det i stället.");
        }

        var correction = new MinutesCorrection(this, text, by, now);
        corrections.Add(correction);
        Version++;
        return correction;
    }

    /// <summary>SHA-256 over the minutes' content in a fixed form, hex-encoded.</summary>
    public string ContentHash()
    {
        var text = new StringBuilder();
        foreach (var a in attendance.OrderBy(a => a.MembershipId))
        {
            text.Append("närvaro|").Append(a.MembershipId).Append('|').Append(a.Present).Append('\n');
        }

        text.Append("justerare|").Append(CheckerMembershipId).Append('\n');
        foreach (var i in items.OrderBy(i => i.Paragraph))
        {
            text.Append('§').Append(i.Paragraph).Append('|').Append(i.Title).Append('|').Append(i.Discussion).Append('|').Append(i.Decision).Append('|').Append(i.Kind).Append('\n');
            foreach (var p in i.Positions.OrderBy(p => p.PartyId))
            {
                text.Append("ställning|").Append(p.PartyId).Append('|').Append(p.Position).Append('|').Append(p.Note).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
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

/// <summary>A paragraph of the minutes: what was said in brief and the decision, of a kind.</summary>
public sealed class MinutesItem : ICountyOwned
{
    private readonly List<RecommendationPosition> positions = [];

    private MinutesItem()
    {
        Title = string.Empty;
        Decision = string.Empty;
    }

    internal MinutesItem(Minutes minutes, int paragraph, string title, string? discussion, string decision, DecisionKind kind)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(decision))
        {
            throw new DomainRuleException("MinutesItemText", "En paragraf behöver rubrik och beslut.");
        }

        Id = Guid.NewGuid();
        MinutesId = minutes.Id;
        CountyId = minutes.CountyId;
        Paragraph = paragraph;
        Title = title.Trim();
        Discussion = string.IsNullOrWhiteSpace(discussion) ? null : discussion.Trim();
        Decision = decision.Trim();
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid MinutesId { get; private set; }

    public Guid CountyId { get; private set; }

    public int Paragraph { get; private set; }

    internal void SetParagraph(int paragraph) => Paragraph = paragraph;

    public string Title { get; private set; }

    public string? Discussion { get; private set; }

    public string Decision { get; private set; }

    public DecisionKind Kind { get; private set; }

    /// <summary>The agenda item the paragraph minutes, when the minutes were started from the agenda.</summary>
    public Guid? AgendaItemId { get; internal init; }

    public IReadOnlyList<RecommendationPosition> Positions => positions;

    /// <summary>The committee strives for consensus: a recommendation has it when no party objects.</summary>
    public bool IsConsensus => Kind == DecisionKind.Recommendation && Consensus.NoObjection(positions.Select(p => p.Position));

    internal void SetAdvice(string advice, DecisionKind kind)
    {
        if (string.IsNullOrWhiteSpace(advice))
        {
            throw new DomainRuleException("AdviceText", "Skriv rådet eller ställningstagandet.");
        }

        Decision = advice.Trim();
        Kind = kind;
    }

    internal void RecordPosition(Guid partyId, PartyPosition position, string? note)
    {
        if (Kind != DecisionKind.Recommendation)
        {
            throw new DomainRuleException("PositionOnRecommendation", "Parternas ställningstaganden antecknas för rekommendationer.");
        }

        positions.RemoveAll(p => p.PartyId == partyId);
        positions.Add(new RecommendationPosition(this, partyId, position, note));
    }
}

/// <summary>A party's position on a recommendation, with any objection or reservation.</summary>
public sealed class RecommendationPosition : ICountyOwned
{
    private RecommendationPosition()
    {
    }

    internal RecommendationPosition(MinutesItem item, Guid partyId, PartyPosition position, string? note)
    {
        Id = Guid.NewGuid();
        MinutesItemId = item.Id;
        CountyId = item.CountyId;
        PartyId = partyId;
        Position = position;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid Id { get; private set; }

    public Guid MinutesItemId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public PartyPosition Position { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>Whether a member attended; each party pays its own members' fees from this (seed 001 §5).</summary>
public sealed class Attendance : ICountyOwned
{
    private Attendance()
    {
    }

    internal Attendance(Minutes minutes, Membership member, bool present)
    {
        Id = Guid.NewGuid();
        MinutesId = minutes.Id;
        CountyId = minutes.CountyId;
        MembershipId = member.Id;
        Present = present;
    }

    public Guid Id { get; private set; }

    public Guid MinutesId { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid MembershipId { get; private set; }

    public bool Present { get; private set; }
}

/// <summary>A recorded correction of checked minutes.</summary>
public sealed class MinutesCorrection : ICountyOwned
{
    private MinutesCorrection()
    {
        Text = string.Empty;
        By = string.Empty;
    }

    internal MinutesCorrection(Minutes minutes, string text, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("CorrectionText", "Beskriv rättelsen.");
        }

        Id = Guid.NewGuid();
        MinutesId = minutes.Id;
        CountyId = minutes.CountyId;
        Text = text.Trim();
        By = by;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid MinutesId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Text { get; private set; }

    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }
}
