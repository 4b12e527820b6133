using System.Globalization;
using System.Text;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Meetings;

/// <summary>
/// iCalendar (RFC 5545) invitations: Europe/Stockholm with its VTIMEZONE, a stable UID per meeting, SEQUENCE raised on
/// every change, METHOD:CANCEL when the meeting is cancelled. Lines end in CRLF and are folded at 75 octets.
/// </summary>
public static class Calendar
{
    public static string Invitation(Meeting meeting, string bodyName, string organizerEmail, IEnumerable<string> attendees, DateTimeOffset now)
    {
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Samverkan//Samverkan//SV",
            "CALSCALE:GREGORIAN",
            cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Stockholm",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            $"UID:{meeting.CalendarUid}",
            $"DTSTAMP:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            $"SEQUENCE:{meeting.Sequence}",
            $"DTSTART;TZID=Europe/Stockholm:{Local(meeting.StartsAt)}",
            $"DTEND;TZID=Europe/Stockholm:{Local(meeting.EndsAt)}",
            $"SUMMARY:{Escape(bodyName + (meeting.IsExtra ? ", extra sammanträde" : ", sammanträde"))}",
            $"LOCATION:{Escape(meeting.Location)}",
            $"DESCRIPTION:{Escape("Föredragningslista:\n" + string.Join("\n", meeting.Agenda.OrderBy(a => a.Number).Select(a => $"{a.Number}. {a.Title}")))}",
            $"ORGANIZER;CN={ParameterValue(bodyName)}:mailto:{Address(organizerEmail)}",
        };
        lines.AddRange(attendees.Select(a => $"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{Address(a)}"));
        lines.Add(cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    /// <summary>A subscription feed (METHOD:PUBLISH) with every meeting; cancelled ones stay in it as CANCELLED so calendars drop them.</summary>
    public static string Feed(string name, IEnumerable<(Meeting Meeting, string BodyName)> meetings, DateTimeOffset now)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samverkan//Samverkan//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", $"X-WR-CALNAME:{Escape(name)}" };
        lines.AddRange(TimeZone);
        foreach (var (meeting, bodyName) in meetings.OrderBy(m => m.Meeting.StartsAt))
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:{meeting.CalendarUid}",
                $"DTSTAMP:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
                $"SEQUENCE:{meeting.Sequence}",
                $"DTSTART;TZID=Europe/Stockholm:{Local(meeting.StartsAt)}",
                $"DTEND;TZID=Europe/Stockholm:{Local(meeting.EndsAt)}",
                $"SUMMARY:{Escape(bodyName + (meeting.IsExtra ? ", extra sammanträde" : ", sammanträde"))}",
                $"LOCATION:{Escape(meeting.Location)}",
                meeting.Status == MeetingStatus.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
                "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    private static readonly string[] TimeZone =
    [
        "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

    private static string Local(DateTimeOffset time) =>
        time.ToSwedish().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// RFC 5545 §3.3.11: backslash, semicolon, comma and every line break (CRLF, a bare LF or a bare CR) are escaped
    /// in TEXT values; other control characters are not allowed there and are dropped.
    /// </summary>
    public static string Escape(string text) => new string(text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
        .Where(c => !char.IsControl(c)).ToArray());

    /// <summary>RFC 5545 §3.2: a parameter value is always quoted; DQUOTE and control characters cannot occur in it and are dropped.</summary>
    public static string ParameterValue(string text) => "\"" + new string(text.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>An address in a mailto: value: nothing that could end the line or the property.</summary>
    private static string Address(string email) => new string(email.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c is not ':' and not ';' and not '"').ToArray());

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}
