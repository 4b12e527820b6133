using System.Security.Cryptography;
using System.Text;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Features.Shared;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure.Documents;
using Samverkan.Web.Infrastructure;

/// <summary>Meetings with agendas, checked and dispatched minutes, and the agenda documents.</summary>
public sealed partial class NationalData
{
    private const int Documents = 50_000;

    private static readonly string[] AgendaTopics =
    [
        "Regional utvecklingsstrategi – uppföljning", "Länstransportplan för regional transportinfrastruktur", "Regional kulturplan",
        "Trafikförsörjningsprogram, aktualisering", "Nära vård – gemensam färdplan", "Gemensamma EU-frågor", "Kompetensförsörjning i länet",
        "Bredbandsstrategi", "Regional livsmedelsstrategi", "Besöksnäringens utveckling", "Klimat- och energistrategi", "Smart specialisering",
        "Digital infrastruktur", "Folkhälsa och social hållbarhet", "Bostadsförsörjning", "Integration och etablering", "Verksamhetsplan och budget",
        "Rapport från arbetsutskottet", "Information från regiondirektören", "Kostnadsnivå för regional samverkan", "Remissvar", "Uppföljning av överenskommelsen",
    ];

    /// <summary>A small PDF all generated agenda documents share: the metadata is what the national data is about.</summary>
    private static readonly byte[] SharedDocument = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private readonly List<(Guid CountyId, Guid Id)> meetingIds = [];
    private readonly List<(Guid CountyId, Guid Id)> minutesIds = [];

    private sealed record AgendaRef(Guid Id, Guid MeetingId, Guid CountyId, string Title);

    /// <summary>
    /// Six to ten meetings a year for every body with a history, 2006–2025 (a year the demo already has meetings in is
    /// left as it is): each with an agenda (items of the register's cases among them), the notice sent three weeks
    /// before, and minutes made as the secretariat and the members would: a paragraph per item, numbered on through the
    /// body's year, attendance, the parties' positions on a recommendation, signed by the chair, checked and dispatched.
    /// </summary>
    private async Task<List<AgendaRef>> WriteMeetingsAsync(Dictionary<(Guid CountyId, int Year), List<CaseRef>> cases)
    {
        var meetings = new List<Meeting>();
        var allMinutes = new List<Minutes>();
        foreach (var place in places)
        {
            var receivers = CountyQueries.Ordered(place.Parties).Select(p => $"{p.ExecutiveBoardName}, {p.Name}").ToList();
            var location = place.County.Code == "19" ? "Regionhuset, Västerås" : $"Regionens hus, {place.Seat}";
            foreach (var body in place.Bodies)
            {
                for (var year = FirstYear; year <= LastYear; year++)
                {
                    if (place.MeetingYears.Contains((body.Id, year)))
                    {
                        continue;
                    }

                    var paragraph = 0;
                    var yearCases = cases.GetValueOrDefault((place.County.Id, year)) ?? [];
                    foreach (var day in MeetingDays(year, 6 + random.Next(5)))
                    {
                        var start = Clock.FromSwedish(day, new TimeOnly(body.Kind == BodyKind.OfficialsGroup ? 13 : 9, 0));
                        var meeting = new Meeting(body, start, start.AddHours(3), location);
                        meeting.AddAgendaItem("Mötets öppnande och val av justerare", null, "Ordföranden", null);
                        for (var items = 4 + random.Next(4); items > 0; items--)
                        {
                            if (yearCases.Count > 0 && random.Next(2) == 0)
                            {
                                var linked = yearCases[random.Next(yearCases.Count)];
                                meeting.AddCaseItem(linked.Id, linked.Number, linked.Title, "Handläggare", "Att anta förslaget.");
                            }
                            else
                            {
                                meeting.AddAgendaItem(AgendaTopics[random.Next(AgendaTopics.Length)], null, "Regional utvecklingsdirektör",
                                    "Att ställa sig bakom förslaget.");
                            }
                        }

                        var noticeDay = day.AddDays(-21);
                        meeting.SendNotice(body.Rules, day, noticeDay, Clock.FromSwedish(noticeDay, new TimeOnly(8, 0)), Secretariat);
                        meetings.Add(meeting);
                        if (MinutesOf(place, body, meeting, day, receivers, ref paragraph) is { } minutes)
                        {
                            allMinutes.Add(minutes);
                        }
                    }
                }
            }
        }

        await writer.WriteEntitiesAsync("Meetings", meetings);
        await writer.WriteEntitiesAsync("AgendaItems", meetings.SelectMany(m => m.Agenda));
        await writer.WriteEntitiesAsync("Minutes", allMinutes);
        await writer.WriteEntitiesAsync("MinutesItems", allMinutes.SelectMany(m => m.Items));
        await writer.WriteEntitiesAsync("Attendances", allMinutes.SelectMany(m => m.Attendance));
        await writer.WriteEntitiesAsync("RecommendationPositions", allMinutes.SelectMany(m => m.Items).SelectMany(i => i.Positions));
        meetingIds.AddRange(meetings.Select(m => (m.CountyId, m.Id)));
        minutesIds.AddRange(allMinutes.Select(m => (m.CountyId, m.Id)));
        return meetings.SelectMany(m => m.Agenda.Where(a => a.Number > 1)).Select(a => new AgendaRef(a.Id, a.MeetingId, a.CountyId, a.Title)).ToList();
    }

    /// <summary>Weekdays in as many different months as meetings (never July), in order.</summary>
    private IEnumerable<DateOnly> MeetingDays(int year, int count)
    {
        var months = Enumerable.Range(1, 12).Where(m => m != 7).OrderBy(_ => random.Next()).Take(count).Order().ToList();
        foreach (var month in months)
        {
            var day = new DateOnly(year, month, 3 + random.Next(22));
            yield return day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
        }
    }

    private Minutes? MinutesOf(Place place, Body body, Meeting meeting, DateOnly day, List<string> receivers, ref int paragraph)
    {
        var seats = InOrder(body.ActiveMemberships(day).Where(m => m.CountsAsMember)).ToList();
        var chair = seats.FirstOrDefault(m => m.Role == MembershipRole.Chair);
        var checker = seats.FirstOrDefault(m => m.Role == MembershipRole.Member) ?? seats.FirstOrDefault(m => m.Role != MembershipRole.Chair);
        if (chair is null || checker is null)
        {
            return null;
        }

        var minutes = new Minutes(meeting, day.Year);
        var recommends = body.Kind is BodyKind.CountyCouncil or BodyKind.StrategicRegionalCommittee;
        foreach (var item in meeting.Agenda)
        {
            var kind = item.Number == 1 ? DecisionKind.Information
                : meeting.Advisory ? (random.Next(3) == 0 ? DecisionKind.Information : DecisionKind.Advice)
                : recommends && random.Next(3) == 0 ? DecisionKind.Recommendation
                : random.Next(4) == 0 ? DecisionKind.Information : DecisionKind.Decision;
            var decision = kind switch
            {
                DecisionKind.Information when item.Number == 1 => "Ordföranden öppnade mötet. Justerare utsågs.",
                DecisionKind.Information => "Informationen noterades.",
                DecisionKind.Advice => "Samrådet tillstyrker förslaget och lämnar det vidare till nämnden.",
                DecisionKind.Recommendation => $"{BodyLabels.Title(body)} rekommenderar regionen och kommunerna att ställa sig bakom förslaget.",
                _ => "Förslaget bifalls.",
            };
            var minuted = minutes.AddItem(++paragraph, item.Title, item.Number == 1 ? null : "Ärendet föredrogs.", decision, kind, item.Id);
            if (kind == DecisionKind.Recommendation)
            {
                foreach (var party in place.Parties)
                {
                    var position = random.Next(40) switch { 0 => PartyPosition.Abstain, 1 => PartyPosition.Object, _ => PartyPosition.Agree };
                    minutes.RecordPosition(minuted.Id, party.Id, position, position == PartyPosition.Agree ? null : "Avvaktar eget ställningstagande.");
                }
            }
        }

        foreach (var seat in seats)
        {
            minutes.RecordAttendance(seat, seat == chair || seat == checker || random.Next(100) < 92);
        }

        minutes.AppointChecker(checker);
        minutes.Sign(chair, seats, $"{chair.Person!.FullName}, ordförande", meeting.StartsAt.AddDays(1));
        var checkedAt = meeting.StartsAt.AddDays(2 + random.Next(5));
        minutes.Check(checker, $"{checker.Person!.FullName}, justerare", checkedAt);
        var dispatchedAt = checkedAt.AddDays(1);
        minutes.Dispatch(dispatchedAt, dispatchedAt.SwedishDay(), receivers);
        return minutes;
    }

    /// <summary>50 000 documents on agenda items drawn at random, all pointing at one small stored PDF.</summary>
    private async Task WriteDocumentsAsync(List<AgendaRef> agenda)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(SharedDocument));
        if (await writer.CountAsync("StoredFiles", $"\"Hash\" = '{hash}'") == 0)
        {
            await writer.WriteEntitiesAsync("StoredFiles", [new StoredFile { Hash = hash, Content = SharedDocument, Size = SharedDocument.Length }]);
        }

        // The first 50 000 of a shuffle: each item at most once.
        for (var i = 0; i < Math.Min(Documents, agenda.Count); i++)
        {
            var j = i + random.Next(agenda.Count - i);
            (agenda[i], agenda[j]) = (agenda[j], agenda[i]);
        }

        var documents = agenda.Take(Documents).Select(item => new AgendaDocument
        {
            CountyId = item.CountyId,
            MeetingId = item.MeetingId,
            AgendaItemId = item.Id,
            FileName = $"Underlag – {FileSafe(item.Title)}.pdf",
            ContentType = "application/pdf",
            Hash = hash,
            Size = SharedDocument.Length,
            IsPublic = random.Next(10) != 0,
            UploadedBy = Secretariat,
        }).ToList();
        await writer.WriteEntitiesAsync("AgendaDocuments", documents);
    }

    private static string FileSafe(string title)
    {
        var safe = new string(title.Select(c => c is ':' or '/' or '\\' or '"' ? ' ' : c).ToArray()).Trim();
        return safe.Length > 120 ? safe[..120].TrimEnd() : safe;
    }
}
