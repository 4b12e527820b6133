using System.Text;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// iCalendar (RFC 5545), written by Ical.Net: invitations (METHOD:REQUEST, SEQUENCE raised on every change;
/// METHOD:CANCEL with STATUS:CANCELLED once the meeting is cancelled) and subscription feeds (METHOD:PUBLISH), in
/// Europe/Stockholm with its VTIMEZONE and a stable UID per meeting. Ical.Net escapes TEXT values, quotes parameter
/// values and folds the lines; this class only keeps out what Ical.Net passes through as given.
/// </summary>
public static partial class Calendar
{
    private const string TimeZoneId = "Europe/Stockholm";

    public static string Invitation(Meeting meeting, string bodyName, string organizerEmail, IEnumerable<string> attendees, DateTimeOffset now)
    {
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var calendar = NewCalendar(cancelled ? CalendarMethods.Cancel : CalendarMethods.Request, meeting.StartsAt);
        var invitation = Event(meeting, bodyName, now);
        invitation.Description = Text("Föredragningslista:\n" + string.Join("\n", meeting.Agenda.OrderBy(a => a.Number).Select(a => $"{a.Number}. {a.Title}")));
        invitation.Organizer = new Organizer("mailto:" + Address(organizerEmail)) { CommonName = ParameterText(bodyName) };
        foreach (var attendee in attendees)
        {
            invitation.Attendees.Add(new Attendee("mailto:" + Address(attendee)) { Role = ParticipationRole.RequiredParticipant, Rsvp = true });
        }

        calendar.Events.Add(invitation);
        return Serialize(calendar);
    }

    /// <summary>A subscription feed (METHOD:PUBLISH) with every meeting; cancelled ones stay in it as CANCELLED so calendars drop them.</summary>
    public static string Feed(string name, IEnumerable<(Meeting Meeting, string BodyName)> meetings, DateTimeOffset now)
    {
        var ordered = meetings.OrderBy(m => m.Meeting.StartsAt).ToList();
        var calendar = NewCalendar(CalendarMethods.Publish, ordered.Count > 0 ? ordered[0].Meeting.StartsAt : now);
        calendar.AddProperty("X-WR-CALNAME", Text(name));
        foreach (var (meeting, bodyName) in ordered)
        {
            calendar.Events.Add(Event(meeting, bodyName, now));
        }

        return Serialize(calendar);
    }

    private static Ical.Net.Calendar NewCalendar(string method, DateTimeOffset earliest)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Samverkan//Samverkan//SV", Scale = CalendarScales.Gregorian, Method = method };
        // The zone's current rules (CET/CEST, last Sunday of March and October), valid from the earliest meeting on.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, earliest.ToSwedish().DateTime, includeHistoricalData: false));
        return calendar;
    }

    private static CalendarEvent Event(Meeting meeting, string bodyName, DateTimeOffset now) => new()
    {
        Uid = meeting.CalendarUid,
        DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
        Sequence = meeting.Sequence,
        DtStart = new CalDateTime(meeting.StartsAt.ToSwedish().DateTime, TimeZoneId),
        DtEnd = new CalDateTime(meeting.EndsAt.ToSwedish().DateTime, TimeZoneId),
        Summary = Text(bodyName + (meeting.IsExtra ? ", extra sammanträde" : ", sammanträde")),
        Location = Text(meeting.Location),
        Status = meeting.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
    };

    private static string Serialize(Ical.Net.Calendar calendar) => KeepCharactersWhole(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);

    /// <summary>
    /// RFC 5545 §3.3.11: control characters other than line breaks are not allowed in TEXT and are dropped; Ical.Net
    /// escapes every line break (CRLF, LF or a bare CR) and writes the rest as it is given.
    /// </summary>
    private static string Text(string text) => new(text.Where(c => c is '\r' or '\n' || !char.IsControl(c)).ToArray());

    /// <summary>RFC 5545 §3.2: DQUOTE and control characters cannot occur in a parameter value; Ical.Net would write a line break as it is.</summary>
    private static string ParameterText(string text) => new(text.Where(c => c != '"' && !char.IsControl(c)).ToArray());

    /// <summary>An address in a mailto: value: nothing that could end the line or the property, nor what a URI refuses.</summary>
    private static string Address(string email) => new(email.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c is not ':' and not ';' and not '"').ToArray());

    /// <summary>
    /// Ical.Net 5.2.4 folds at 75 octets counting each UTF-16 unit on its own, so it may fold between the two halves
    /// of a surrogate pair (an emoji), which then cannot be written as UTF-8. Only when that has happened is the
    /// text unfolded and folded again between whole characters.
    /// </summary>
    private static string KeepCharactersWhole(string ics)
    {
        if (!SplitSurrogatePair().IsMatch(ics))
        {
            return ics;
        }

        var output = new StringBuilder();
        foreach (var line in ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n").SkipLast(1))
        {
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > 75)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }

                output.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }

    [GeneratedRegex(@"[\uD800-\uDBFF]\r\n [\uDC00-\uDFFF]")]
    private static partial Regex SplitSurrogatePair();
}
