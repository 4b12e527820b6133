using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

public enum MeetingStatus
{
    Planned,
    NoticeSent,
    Cancelled,
}

/// <summary>
/// A meeting (sammanträde) of a body. The notice goes out at least the body's notice days before (SRB: 14, seed 001
/// §2.3); every change after that raises <see cref="Sequence"/> so calendar invitations update (RFC 5545).
/// </summary>
public sealed class Meeting : ICountyOwned
{
    private readonly List<AgendaItem> agenda = [];

    private Meeting()
    {
        Location = string.Empty;
    }

    public Meeting(Body body, DateTimeOffset startsAt, DateTimeOffset endsAt, string location, bool isExtra = false)
    {
        if (endsAt <= startsAt)
        {
            throw new DomainRuleException("MeetingTime", "Sammanträdet måste sluta efter att det börjar.");
        }

        if (string.IsNullOrWhiteSpace(location))
        {
            throw new DomainRuleException("MeetingLocation", "Ange var sammanträdet hålls.");
        }

        Id = Guid.NewGuid();
        CountyId = body.CountyId;
        BodyId = body.Id;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        Location = location.Trim();
        IsExtra = isExtra;
        Status = MeetingStatus.Planned;
        Advisory = body.Rules.AdvisoryOnly;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid BodyId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string Location { get; private set; }

    /// <summary>Held on the chair's or one third of the members' request, beyond the plan.</summary>
    public bool IsExtra { get; private set; }

    public MeetingStatus Status { get; private set; }

    /// <summary>The body only advises (the consultation forum, seed 003): its minutes record advice and positions, never decisions.</summary>
    public bool Advisory { get; private set; }

    public DateTimeOffset? NoticeSentAt { get; private set; }

    public string? NoticeSentBy { get; private set; }

    /// <summary>RFC 5545 SEQUENCE: raised on every change after the notice.</summary>
    public int Sequence { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => agenda;

    /// <summary>A stable identifier for calendar programs.</summary>
    public string CalendarUid => $"{Id:N}@samverkan";

    public AgendaItem AddAgendaItem(string title, string? caseReference, string? presenter, string? proposedDecision, string? topic = null)
    {
        EnsureNotCancelled();
        var item = new AgendaItem(this, agenda.Count + 1, title, caseReference, presenter, proposedDecision, topic);
        agenda.Add(item);
        Changed();
        return item;
    }

    /// <summary>The case number (diarienummer) a minutes paragraph handles, through the agenda item it minutes.</summary>
    public string? CaseReferenceOf(Guid? agendaItemId) => agendaItemId is { } id ? agenda.FirstOrDefault(a => a.Id == id)?.CaseReference : null;

    /// <summary>Puts a case of the register on the agenda: a new item carrying the case's number and link.</summary>
    public AgendaItem AddCaseItem(Guid caseId, string caseNumber, string title, string? presenter, string? proposedDecision)
    {
        var item = AddAgendaItem(title, caseNumber, presenter, proposedDecision);
        item.LinkCase(caseId, caseNumber);
        return item;
    }

    /// <summary>Links an existing agenda item to a case in the register.</summary>
    public void LinkAgendaItemToCase(Guid itemId, Guid caseId, string caseNumber)
    {
        EnsureNotCancelled();
        Item(itemId).LinkCase(caseId, caseNumber);
        Changed();
    }

    /// <summary>Changes an item's texts; after the notice the members get the updated agenda (SEQUENCE raised).</summary>
    public void EditAgendaItem(Guid itemId, string title, string? caseReference, string? presenter, string? proposedDecision)
    {
        EnsureNotCancelled();
        Item(itemId).Edit(title, caseReference, presenter, proposedDecision);
        Changed();
    }

    /// <summary>Removes an item; the items after it move up one number.</summary>
    public void RemoveAgendaItem(Guid itemId)
    {
        EnsureNotCancelled();
        var item = Item(itemId);
        agenda.Remove(item);
        foreach (var later in agenda.Where(a => a.Number > item.Number))
        {
            later.SetNumber(later.Number - 1);
        }

        Changed();
    }

    /// <summary>Moves an item one place up (-1) or down (+1) on the agenda.</summary>
    public void MoveAgendaItem(Guid itemId, int step)
    {
        EnsureNotCancelled();
        var item = Item(itemId);
        var target = item.Number + Math.Sign(step);
        var other = agenda.FirstOrDefault(a => a.Number == target);
        if (other is null)
        {
            return;
        }

        other.SetNumber(item.Number);
        item.SetNumber(target);
        Changed();
    }

    /// <summary>
    /// Seed 003: "RUN AU:s ärendelista samverkas" – the consultation forum meets after RUN AU and takes up its agenda.
    /// Every item of <paramref name="source"/> becomes an item of this (the forum's) meeting, every field copied, and
    /// remembers the item it came from so that the same agenda is not shared twice.
    /// </summary>
    public IReadOnlyList<AgendaItem> TakeAgendaFrom(Meeting source)
    {
        EnsureNotCancelled();
        if (!Advisory)
        {
            throw new DomainRuleException("ShareToForum", "En föredragningslista delas till samrådsforumets sammanträde.");
        }

        if (source.Advisory || source.CountyId != CountyId)
        {
            throw new DomainRuleException("ShareToForum", "Föredragningslistan kan bara delas från ett annat organ i länet till samrådet.");
        }

        if (source.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("MeetingCancelled", "Sammanträdet är inställt.", RuleSeverity.Conflict);
        }

        if (StartsAt < source.StartsAt)
        {
            throw new DomainRuleException("ForumMeetsAfter", "Samrådet sammanträder efter det organ vars föredragningslista det tar upp.");
        }

        if (source.agenda.Count == 0)
        {
            throw new DomainRuleException("NoticeAgenda", "Föredragningslistan är tom; det finns inget att dela.");
        }

        if (agenda.Any(a => a.SharedFromItemId is { } from && source.agenda.Any(s => s.Id == from)))
        {
            throw new DomainRuleException("AgendaAlreadyShared", "Föredragningslistan är redan delad till det här sammanträdet.", RuleSeverity.Conflict);
        }

        var copies = new List<AgendaItem>();
        foreach (var item in source.agenda.OrderBy(a => a.Number))
        {
            var copy = AgendaItem.CopyOf(item, this, agenda.Count + 1);
            agenda.Add(copy);
            copies.Add(copy);
        }

        Changed();
        return copies;
    }

    private AgendaItem Item(Guid itemId) =>
        agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainRuleException("AgendaItem", "Ärendet finns inte på föredragningslistan.");

    /// <summary>Days left before the meeting on the given day, counted in calendar days in Sweden.</summary>
    public static int DaysBefore(DateOnly meetingDay, DateOnly today) => meetingDay.DayNumber - today.DayNumber;

    /// <summary>Sends the notice; refused when fewer than the body's notice days remain (SRB: 14 days, seed 001 §2.3).</summary>
    public void SendNotice(BodyRules rules, DateOnly meetingDay, DateOnly today, DateTimeOffset now, string sentBy)
    {
        EnsureNotCancelled();
        var left = DaysBefore(meetingDay, today);
        if (left < rules.NoticeDaysBefore)
        {
            throw new DomainRuleException("NoticeDeadline",
                $"Kallelsen ska skickas senast {rules.NoticeDaysBefore} dagar före sammanträdet den {SwedishText.Date(meetingDay)}; nu återstår {left} dagar.");
        }

        if (agenda.Count == 0)
        {
            throw new DomainRuleException("NoticeAgenda", "Kallelsen ska åtföljas av en föredragningslista; lägg till minst ett ärende.");
        }

        Status = MeetingStatus.NoticeSent;
        NoticeSentAt = now.ToUniversalTime();
        NoticeSentBy = sentBy;
        Version++;
    }

    public void Cancel()
    {
        EnsureNotCancelled();
        Status = MeetingStatus.Cancelled;
        Sequence++;
        Version++;
    }

    public void Reschedule(DateTimeOffset startsAt, DateTimeOffset endsAt, string location)
    {
        EnsureNotCancelled();
        if (endsAt <= startsAt)
        {
            throw new DomainRuleException("MeetingTime", "Sammanträdet måste sluta efter att det börjar.");
        }

        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        Location = location.Trim();
        Changed();
    }

    private void Changed()
    {
        if (Status == MeetingStatus.NoticeSent)
        {
            Sequence++;
        }

        Version++;
    }

    private void EnsureNotCancelled()
    {
        if (Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("MeetingCancelled", "Sammanträdet är inställt.", RuleSeverity.Conflict);
        }
    }
}

/// <summary>An item on the agenda (föredragningslista).</summary>
public sealed class AgendaItem : ICountyOwned
{
    private AgendaItem()
    {
        Title = string.Empty;
    }

    internal AgendaItem(Meeting meeting, int number, string title, string? caseReference, string? presenter, string? proposedDecision, string? topic)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("AgendaTitle", "Ärendet måste ha en rubrik.");
        }

        Id = Guid.NewGuid();
        MeetingId = meeting.Id;
        CountyId = meeting.CountyId;
        Number = number;
        Title = title.Trim();
        CaseReference = Clean(caseReference);
        Presenter = Clean(presenter);
        ProposedDecision = Clean(proposedDecision);
        Topic = topic;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid CountyId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>Diarienummer, e.g. "RS 759-2022".</summary>
    public string? CaseReference { get; private set; }

    public string? Presenter { get; private set; }

    public string? ProposedDecision { get; private set; }

    /// <summary>Which of the SRB's mandatory items the case belongs to, if any.</summary>
    /// <summary>The body's mandatory topic this item prepares, as its rules spell it.</summary>
    public string? Topic { get; private set; }

    /// <summary>The case in the county's register this item handles, if linked.</summary>
    public Guid? CaseId { get; private set; }

    internal void LinkCase(Guid caseId, string caseNumber)
    {
        CaseId = caseId;
        CaseReference = caseNumber;
    }

    /// <summary>The item on another body's agenda this one was shared from (RUN AU's item on the forum's agenda).</summary>
    public Guid? SharedFromItemId { get; private set; }

    /// <summary>A copy of every field of <paramref name="item"/> for another meeting's agenda; extend it with every new field.</summary>
    internal static AgendaItem CopyOf(AgendaItem item, Meeting meeting, int number) =>
        new(meeting, number, item.Title, item.CaseReference, item.Presenter, item.ProposedDecision, item.Topic) { SharedFromItemId = item.Id, CaseId = item.CaseId };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal void SetNumber(int number) => Number = number;

    internal void Edit(string title, string? caseReference, string? presenter, string? proposedDecision)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("AgendaItemTitle", "Ärendet behöver en rubrik.");
        }

        if (CaseId is not null && CaseReference != Clean(caseReference))
        {
            CaseId = null; // another number: no longer this case's item
        }

        Title = title.Trim();
        CaseReference = Clean(caseReference);
        Presenter = Clean(presenter);
        ProposedDecision = Clean(proposedDecision);
    }
}
