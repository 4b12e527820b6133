using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

/// <summary>A body's meetings in a year against its minimum (SRB: at least six a year, seed 001 §2.3).</summary>
public sealed record MeetingPlan(int Year, int Planned, int Minimum)
{
    public bool MeetsMinimum => Planned >= Minimum;

    public static MeetingPlan For(BodyRules rules, int year, IEnumerable<Meeting> meetings, TimeZoneInfo zone) => new(
        year,
        meetings.Count(m => m.Status != MeetingStatus.Cancelled && TimeZoneInfo.ConvertTime(m.StartsAt, zone).Year == year),
        rules.MinMeetingsPerYear);
}

/// <summary>A member's request for an extra meeting, with a reason.</summary>
public sealed class ExtraMeetingRequest : ICountyOwned
{
    private ExtraMeetingRequest()
    {
        Reason = string.Empty;
    }

    public ExtraMeetingRequest(Body body, Membership member, string reason, DateTimeOffset requestedAt)
    {
        if (member.BodyId != body.Id || !member.CountsAsMember)
        {
            throw new DomainRuleException("ExtraMeetingMember", "Bara organets ledamöter kan begära ett extra sammanträde.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("ExtraMeetingReason", "Ange skälet till att ett extra sammanträde behövs.");
        }

        Id = Guid.NewGuid();
        CountyId = body.CountyId;
        BodyId = body.Id;
        MembershipId = member.Id;
        ByChair = member.Role == MembershipRole.Chair;
        Reason = reason.Trim();
        RequestedAt = requestedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid BodyId { get; private set; }

    public Guid MembershipId { get; private set; }

    public bool ByChair { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The meeting called in answer; none while the request is open.</summary>
    public Guid? AnsweredByMeetingId { get; private set; }

    public bool IsOpen => AnsweredByMeetingId is null;

    public void Answer(Meeting meeting) => AnsweredByMeetingId = meeting.Id;
}

/// <summary>Seed 001 §2.3: a meeting must be held when the chair asks, or when at least one third of the members ask.</summary>
public static class ExtraMeetingRule
{
    public sealed record Outcome(bool MustBeHeld, int Requesting, int Members, string Explanation);

    public static Outcome Evaluate(IEnumerable<ExtraMeetingRequest> requests, int votingMembers)
    {
        var open = requests.Where(r => r.IsOpen).ToList();
        var requesting = open.Select(r => r.MembershipId).Distinct().Count();
        if (open.Any(r => r.ByChair))
        {
            return new(true, requesting, votingMembers, "Ordföranden har begärt ett sammanträde; det ska hållas.");
        }

        var needed = (votingMembers + 2) / 3;
        return requesting * 3 >= votingMembers && requesting > 0
            ? new(true, requesting, votingMembers, $"{requesting} av {votingMembers} ledamöter har begärt ett sammanträde, minst en tredjedel; det ska hållas.")
            : new(false, requesting, votingMembers, $"{requesting} av {votingMembers} ledamöter har begärt ett sammanträde; det krävs minst {needed} (en tredjedel).");
    }
}
