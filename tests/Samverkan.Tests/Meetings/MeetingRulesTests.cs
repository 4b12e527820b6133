using Samverkan.Tests.Support;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Tests.Domain;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Meetings;

/// <summary>Seed 001 §2.3: notice 14 days before, six meetings a year, an extra meeting on the chair's or one third's request.</summary>
public sealed class MeetingRulesTests
{
    private static readonly Guid County = Guid.NewGuid();
    private static readonly Party Region = TestOrg.Region(County, "Region Västmanland");
    private static readonly DateOnly MeetingDay = new(2026, 3, 19);

    private static Body Srb() => new(County, BodyKind.StrategicRegionalCommittee, "Strategisk regional beredning", "SRB", TemplateRules.Srb, Region.Id);

    private static Meeting MeetingOn(Body body, DateOnly day, int hour = 9)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(1));
        return new Meeting(body, start, start.AddHours(3), "Regionhuset, Västerås");
    }

    [Fact]
    public void SendNotice_WhenLessThan14DaysBefore_IsRefused()
    {
        var meeting = MeetingOn(Srb(), MeetingDay);
        meeting.AddAgendaItem("Regional utvecklingsstrategi", "RV 2026-12", null, "Att tillstyrka remissen.");

        var e = Should.Throw<DomainRuleException>(() => meeting.SendNotice(TemplateRules.Srb, MeetingDay, MeetingDay.AddDays(-13), DateTimeOffset.UnixEpoch, "sekretariat"));

        e.Rule.ShouldBe("NoticeDeadline");
        e.Message.ShouldBe("Kallelsen ska skickas senast 14 dagar före sammanträdet den 2026-03-19; nu återstår 13 dagar.");
        meeting.Status.ShouldBe(MeetingStatus.Planned);
    }

    [Fact]
    public void SendNotice_Exactly14DaysBefore_IsSent()
    {
        var meeting = MeetingOn(Srb(), MeetingDay);
        meeting.AddAgendaItem("Trafikförsörjningsprogram", null, null, null);

        meeting.SendNotice(TemplateRules.Srb, MeetingDay, MeetingDay.AddDays(-14), DateTimeOffset.UnixEpoch, "sekretariat");

        meeting.Status.ShouldBe(MeetingStatus.NoticeSent);
    }

    [Fact]
    public void SendNotice_WithoutAnAgenda_IsRefused()
    {
        Should.Throw<DomainRuleException>(() => MeetingOn(Srb(), MeetingDay).SendNotice(TemplateRules.Srb, MeetingDay, MeetingDay.AddDays(-30), DateTimeOffset.UnixEpoch, "x"))
            .Rule.ShouldBe("NoticeAgenda");
    }

    [Fact]
    public void ChangesAfterTheNotice_RaiseTheCalendarSequence_AndCancellingToo()
    {
        var meeting = MeetingOn(Srb(), MeetingDay);
        meeting.AddAgendaItem("Nära vård", null, null, null);
        meeting.Sequence.ShouldBe(0);
        meeting.SendNotice(TemplateRules.Srb, MeetingDay, MeetingDay.AddDays(-20), DateTimeOffset.UnixEpoch, "x");

        meeting.AddAgendaItem("Gemensamma EU-frågor", null, null, null);
        meeting.Sequence.ShouldBe(1);
        meeting.Cancel();
        meeting.Sequence.ShouldBe(2);
        Should.Throw<DomainRuleException>(() => meeting.AddAgendaItem("För sent", null, null, null)).Rule.ShouldBe("MeetingCancelled");
    }

    [Fact]
    public void MeetingPlan_WithFiveMeetings_DoesNotMeetSixAYear_AndCancelledOnesDoNotCount()
    {
        var body = Srb();
        var meetings = Enumerable.Range(0, 6).Select(i => MeetingOn(body, new DateOnly(2026, 2 + i, 10))).ToList();
        MeetingPlan.For(body.Rules, 2026, meetings, Clock.Sweden).MeetsMinimum.ShouldBeTrue();

        meetings[0].Cancel();
        var plan = MeetingPlan.For(body.Rules, 2026, meetings, Clock.Sweden);

        plan.Planned.ShouldBe(5);
        plan.Minimum.ShouldBe(6);
        plan.MeetsMinimum.ShouldBeFalse();
        MeetingPlan.For(body.Rules, 2027, meetings, Clock.Sweden).Planned.ShouldBe(0);
    }

    private static (Body Body, List<Membership> Members) SrbWith(int members)
    {
        var body = Srb();
        var list = Enumerable.Range(0, members).Select(i => body.AddMembership(new Person(County, "Ledamot", $"Nummer{i}", null), Region,
            i == 0 ? MembershipRole.Chair : MembershipRole.Member, null, PoliticalSide.Majority, QualifyingOffice.None, null, new DateOnly(2023, 1, 1), null)).ToList();
        return (body, list);
    }

    [Fact]
    public void ExtraMeeting_RequestedByOneThirdOfTheMembers_MustBeHeld()
    {
        var (body, members) = SrbWith(26);
        var requests = members.Skip(1).Take(8).Select(m => new ExtraMeetingRequest(body, m, "Brådskande remiss", DateTimeOffset.UnixEpoch)).ToList();

        var eight = ExtraMeetingRule.Evaluate(requests, 26);
        eight.MustBeHeld.ShouldBeFalse();
        eight.Explanation.ShouldBe("8 av 26 ledamöter har begärt ett sammanträde; det krävs minst 9 (en tredjedel).");

        requests.Add(new ExtraMeetingRequest(body, members[9], "Brådskande remiss", DateTimeOffset.UnixEpoch));
        ExtraMeetingRule.Evaluate(requests, 26).MustBeHeld.ShouldBeTrue();
    }

    [Fact]
    public void ExtraMeeting_TheSameMemberTwice_CountsOnce()
    {
        var (body, members) = SrbWith(3);
        var requests = new[] { new ExtraMeetingRequest(body, members[1], "A", DateTimeOffset.UnixEpoch), new ExtraMeetingRequest(body, members[1], "B", DateTimeOffset.UnixEpoch) };

        ExtraMeetingRule.Evaluate(requests, 6).Requesting.ShouldBe(1);
    }

    [Fact]
    public void ExtraMeeting_RequestedByTheChair_MustBeHeld()
    {
        var (body, members) = SrbWith(26);

        ExtraMeetingRule.Evaluate([new ExtraMeetingRequest(body, members[0], "Ordförandens begäran", DateTimeOffset.UnixEpoch)], 26).MustBeHeld.ShouldBeTrue();
    }

    [Fact]
    public void Invitation_IsRfc5545_WithStockholmTime_StableUid_AndCancel()
    {
        var meeting = MeetingOn(Srb(), new DateOnly(2026, 6, 11));
        meeting.AddAgendaItem("Regional kulturplan, med ett mycket långt namn som gör raden längre än sjuttiofem oktetter", null, null, null);

        var ics = Calendar.Invitation(meeting, "Strategisk regional beredning", "srb@example.se", ["a@example.se"], new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

        ics.ShouldContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n");
        ics.ShouldContain("DTSTART;TZID=Europe/Stockholm:20260611T100000\r\n");
        ics.ShouldContain($"UID:{meeting.CalendarUid}\r\n");
        ics.ShouldContain("METHOD:REQUEST\r\n");
        ics.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        meeting.Cancel();
        var cancelled = Calendar.Invitation(meeting, "Strategisk regional beredning", "srb@example.se", ["a@example.se"], DateTimeOffset.UnixEpoch);
        cancelled.ShouldContain("METHOD:CANCEL\r\n");
        cancelled.ShouldContain("STATUS:CANCELLED\r\n");
        cancelled.ShouldContain("SEQUENCE:1\r\n");
    }

    [Fact]
    public void Invitation_NamesTheOrganizerAndEveryAttendee_AndCarriesTheAgenda()
    {
        var meeting = MeetingOn(Srb(), new DateOnly(2026, 6, 11));
        meeting.AddAgendaItem("Budget; prognos, 2027", null, null, null);

        var ics = Unfolded(Calendar.Invitation(meeting, "Strategisk regional beredning", "srb@example.se", ["a@example.se", "b@example.se"], DateTimeOffset.UnixEpoch));

        ics.ShouldContain("ORGANIZER;CN=Strategisk regional beredning:mailto:srb@example.se\r\n");
        ics.ShouldContain("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:a@example.se\r\n");
        ics.ShouldContain("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:b@example.se\r\n");
        ics.ShouldContain("DESCRIPTION:Föredragningslista:\\n1. Budget\\; prognos\\, 2027\r\n");
        ics.ShouldContain("DTSTAMP:19700101T000000Z\r\n");
        ics.ShouldContain("STATUS:CONFIRMED\r\n");

        // A line break in the organizer's name or in an address cannot start a property of its own.
        var injected = Calendar.Invitation(meeting, "SRB\r\nX-INJ:1", "srb@example.se\r\nX-INJ:2", ["a@example.se\nX-INJ:3"], DateTimeOffset.UnixEpoch);
        injected.Split("\r\n").ShouldNotContain(line => line.StartsWith("X-INJ", StringComparison.Ordinal));
        injected.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain("\r");
    }

    [Fact]
    public void Invitation_TimeZone_CarriesStockholmsSummerAndWinterRules()
    {
        var ics = Calendar.Invitation(MeetingOn(Srb(), new DateOnly(2026, 6, 11)), "SRB", "srb@example.se", [], DateTimeOffset.UnixEpoch);

        var zone = ics[ics.IndexOf("BEGIN:VTIMEZONE\r\n", StringComparison.Ordinal)..(ics.IndexOf("END:VTIMEZONE\r\n", StringComparison.Ordinal) + 15)];
        var summer = Component(zone, "DAYLIGHT");
        summer.ShouldContain("TZOFFSETFROM:+0100\r\n");
        summer.ShouldContain("TZOFFSETTO:+0200\r\n");
        summer.ShouldContain("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n");
        summer.ShouldMatch(@"DTSTART:\d{8}T020000\r\n");
        var winter = Component(zone, "STANDARD");
        winter.ShouldContain("TZOFFSETFROM:+0200\r\n");
        winter.ShouldContain("TZOFFSETTO:+0100\r\n");
        winter.ShouldContain("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n");
        winter.ShouldMatch(@"DTSTART:\d{8}T030000\r\n");

        // Read back: the zone is a well-formed VTIMEZONE with both observances, and the start is 10:00 summer time.
        var zoneOnly = Ical.Net.Calendar.Load("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n" + zone + "END:VCALENDAR\r\n")!;
        zoneOnly.TimeZones.Single().TzId.ShouldBe("Europe/Stockholm");
        zoneOnly.TimeZones.Single().TimeZoneInfos.Select(i => i.Name).Order().ShouldBe(["DAYLIGHT", "STANDARD"]);
        Ical.Net.Calendar.Load(ics)!.Events.Single().DtStart!.AsUtc.ShouldBe(new DateTime(2026, 6, 11, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Invitation_FoldsBetweenWholeCharacters_EvenAnEmojiAtTheFold()
    {
        var meeting = MeetingOn(Srb(), new DateOnly(2026, 6, 11));
        // Every offset of the emoji against the 75-octet fold, so that folds land on it.
        var titles = Enumerable.Range(1, 4).Select(i => new string('x', i) + string.Join(' ', Enumerable.Repeat("Samråd 🌲", 12))).ToList();
        titles.ForEach(title => meeting.AddAgendaItem(title, null, null, null));

        var ics = Calendar.Invitation(meeting, "SRB", "srb@example.se", [], DateTimeOffset.UnixEpoch);

        // Half a surrogate pair cannot be written as UTF-8: the strict encoder refuses it.
        Should.NotThrow(() => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(ics));
        var lines = ics.Split("\r\n");
        lines.ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        lines.ShouldNotContain(line => line.Length > 0 && (char.IsHighSurrogate(line[line.Length - 1]) || char.IsLowSurrogate(line[0]) || (line.Length > 1 && char.IsLowSurrogate(line[1]))));
        var description = Ical.Net.Calendar.Load(ics)!.Events.Single().Description!;
        titles.ShouldAllBe(title => description.Contains(title));
    }

    [Fact]
    public void Feed_PublishesEveryMeeting_UnderItsName_AndKeepsCancelledOnes()
    {
        var body = Srb();
        var kept = MeetingOn(body, new DateOnly(2026, 6, 11));
        var cancelled = MeetingOn(body, new DateOnly(2026, 9, 10));
        cancelled.Cancel();

        var ics = Calendar.Feed("Mina sammanträden, SRB", [(cancelled, body.Name), (kept, body.Name)], DateTimeOffset.UnixEpoch);

        ics.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        ics.ShouldContain("METHOD:PUBLISH\r\n");
        ics.ShouldContain("X-WR-CALNAME:Mina sammanträden\\, SRB\r\n");
        ics.ShouldContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n");
        var events = Ical.Net.Calendar.Load(ics)!.Events;
        events.Select(e => e.Uid).ShouldBe([kept.CalendarUid, cancelled.CalendarUid]);
        events.Select(e => e.Status).ShouldBe(["CONFIRMED", "CANCELLED"]);
        ics.ShouldNotContain("ORGANIZER");
    }

    private static string Unfolded(string ics) => ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    private static string Component(string zone, string name) =>
        zone[zone.IndexOf($"BEGIN:{name}\r\n", StringComparison.Ordinal)..zone.IndexOf($"END:{name}\r\n", StringComparison.Ordinal)];

    [Fact]
    public void GroupReports_AreDueTwiceAYear_AndOverdueWhenNotReceived()
    {
        GroupReport.Schedule(new DateOnly(2023, 2, 9), new DateOnly(2026, 12, 31)).Count().ShouldBe(8);
        var body = Srb();
        var group = new Body(County, BodyKind.CollaborationGroup, "Samverkansgrupp", null, BodyRules.Default, Region.Id, body.Id);
        var report = new GroupReport(group, new DateOnly(2026, 6, 30));

        report.IsOverdue(new DateOnly(2026, 6, 30)).ShouldBeFalse();
        report.IsOverdue(new DateOnly(2026, 7, 1)).ShouldBeTrue();
        report.NeedsReminder(new DateOnly(2026, 5, 31)).ShouldBeTrue();
        report.NeedsReminder(new DateOnly(2026, 5, 30)).ShouldBeFalse();
        report.Receive(new DateOnly(2026, 7, 3), "Lägesrapport");
        report.IsOverdue(new DateOnly(2026, 8, 1)).ShouldBeFalse();
    }

    [Fact]
    public void CollaborationGroup_IsSetUpByTheSrb_WithARemitAndDecision()
    {
        var standalone = new Body(County, BodyKind.CollaborationGroup, "Utan beredning", null, BodyRules.Default, Region.Id);

        Should.Throw<DomainRuleException>(() => new GroupCharter(standalone, "Uppdrag", null, "SRB 2026-01-01 § 1", null, new DateOnly(2026, 1, 1))).Rule.ShouldBe("GroupUnderSrb");
    }
}
