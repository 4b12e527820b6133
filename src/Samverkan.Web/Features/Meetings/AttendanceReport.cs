using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Common;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Meetings;

/// <summary>One member's attendance at one meeting, for the appointing party's fees and allowances (seed 001 §5).</summary>
public sealed record AttendanceLine(string Party, string Member, string Body, DateOnly MeetingDay, bool Present);

/// <summary>Attendance per party and period, from the minutes; each party pays its own members' meeting fees.</summary>
public static class AttendanceReport
{
    public static readonly string[] Headers = ["Part", "Ledamot", "Organ", "Sammanträde", "Närvarande"];

    public static async Task<List<AttendanceLine>> LinesAsync(AppDbContext db, Guid countyId, DateOnly from, DateOnly to, Guid? partyId, CancellationToken cancellationToken = default)
    {
        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Attendance).Where(m => m.CountyId == countyId).ToListAsync(cancellationToken);
        var meetingIds = minutes.Select(m => m.MeetingId).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().WithMembers().Where(b => b.CountyId == countyId).ToDictionaryAsync(b => b.Id, cancellationToken);
        var lines = new List<AttendanceLine>();
        foreach (var m in minutes)
        {
            var day = meetings[m.MeetingId].StartsAt.SwedishDay();
            if (day < from || day > to)
            {
                continue;
            }

            var body = bodies[m.BodyId];
            foreach (var a in m.Attendance)
            {
                var seat = body.Memberships.FirstOrDefault(x => x.Id == a.MembershipId);
                if (seat is null || (partyId is { } p && seat.AppointingPartyId != p))
                {
                    continue;
                }

                lines.Add(new AttendanceLine(seat.AppointingParty!.Name, seat.Person!.FullName, body.Name, day, a.Present));
            }
        }

        var order = StringComparer.Create(SwedishText.Culture, false);
        return lines.OrderBy(l => l.Party, order).ThenBy(l => l.Member, order).ThenBy(l => l.MeetingDay).ToList();
    }

    public static IEnumerable<object?[]> Rows(IEnumerable<AttendanceLine> lines) =>
        lines.Select(l => new object?[] { l.Party, l.Member, l.Body, l.MeetingDay, l.Present ? "ja" : "nej" });

    public static RouteGroupBuilder MapAttendanceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/counties/{countyCode}/attendance", JsonAsync).WithSummary("Attendance per member and meeting in a period (from, to), optionally for one party.");
        api.MapGet("/counties/{countyCode}/attendance/csv", CsvAsync).WithSummary("The attendance report as CSV.");
        api.MapGet("/counties/{countyCode}/attendance/xlsx", XlsxAsync).WithSummary("The attendance report as XLSX.");
        return api;
    }

    /// <summary>The secretariat sees every party; a party official sees their own party's members.</summary>
    public static async Task<(Guid CountyId, Guid? PartyId)> ScopeAsync(Access access, string countyCode, Guid? partyId, CancellationToken cancellationToken)
    {
        var county = await access.ReadCountyAsync(countyCode, cancellationToken);
        if (access.CanManage(county.Id))
        {
            return (county.Id, partyId);
        }

        var own = access.PartyId ?? throw new ForbiddenException("Närvarorapporten är för sekretariatet och parternas tjänstepersoner.");
        if (partyId is { } asked && asked != own)
        {
            throw new ForbiddenException("Du kan bara ta fram närvaro för den part du företräder.");
        }

        return (county.Id, own);
    }

    private static async Task<Ok<List<AttendanceLine>>> JsonAsync(string countyCode, DateOnly? from, DateOnly? to, Guid? partyId, Access access, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (countyId, party) = await ScopeAsync(access, countyCode, partyId, cancellationToken);
        var year = time.TodayInSweden().Year;
        return TypedResults.Ok(await LinesAsync(db, countyId, from ?? new DateOnly(year, 1, 1), to ?? new DateOnly(year, 12, 31), party, cancellationToken));
    }

    private static async Task<FileContentHttpResult> CsvAsync(string countyCode, DateOnly? from, DateOnly? to, Guid? partyId, Access access, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (countyId, party) = await ScopeAsync(access, countyCode, partyId, cancellationToken);
        var year = time.TodayInSweden().Year;
        var lines = await LinesAsync(db, countyId, from ?? new DateOnly(year, 1, 1), to ?? new DateOnly(year, 12, 31), party, cancellationToken);
        return TypedResults.File(Tabular.Csv(Headers, Rows(lines)), "text/csv; charset=utf-8", $"narvaro-{countyCode}.csv");
    }

    private static async Task<FileContentHttpResult> XlsxAsync(string countyCode, DateOnly? from, DateOnly? to, Guid? partyId, Access access, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (countyId, party) = await ScopeAsync(access, countyCode, partyId, cancellationToken);
        var year = time.TodayInSweden().Year;
        var lines = await LinesAsync(db, countyId, from ?? new DateOnly(year, 1, 1), to ?? new DateOnly(year, 12, 31), party, cancellationToken);
        return TypedResults.File(Tabular.Xlsx("Närvaro", Headers, Rows(lines)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"narvaro-{countyCode}.xlsx");
    }
}
