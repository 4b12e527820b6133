using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;

namespace Samverkan.Web.Features.Meetings;

public sealed record PositionResponse(Guid PartyId, string Party, PartyPosition Position, string? Note);

public sealed record MinutesItemResponse(Guid Id, int Paragraph, string Title, string? Discussion, string Decision, DecisionKind Kind, bool? Consensus,
    IReadOnlyList<PositionResponse> Positions);

public sealed record MinutesResponse(Guid Id, Guid MeetingId, MinutesStatus Status, string? Checker, string? SignedBy, DateTimeOffset? SignedAt, string? SignedHash,
    string? CheckedBy, DateTimeOffset? CheckedAt, string? CheckedHash, DateTimeOffset? DispatchedAt, string? DispatchedTo, DateOnly? PublishedOn,
    IReadOnlyList<string> Present, IReadOnlyList<MinutesItemResponse> Items, IReadOnlyList<string> Corrections, int Version, bool Advisory = false,
    string DecisionHeading = "Beslut")
{
    public static async Task<MinutesResponse> FromAsync(AppDbContext db, Minutes m, Body body, CancellationToken cancellationToken)
    {
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == m.CountyId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string Name(Guid membership) => body.Memberships.FirstOrDefault(x => x.Id == membership)?.Person?.FullName ?? "okänd";
        return new(m.Id, m.MeetingId, m.Status, m.CheckerMembershipId is { } c ? Name(c) : null, m.SignedBy, m.SignedAt, m.SignedHash, m.CheckedBy, m.CheckedAt,
            m.CheckedHash, m.DispatchedAt, m.DispatchedTo, m.PublishedOn,
            m.Attendance.Where(a => a.Present).Select(a => Name(a.MembershipId)).Order(StringComparer.Create(SwedishText.Culture, false)).ToList(),
            m.Items.OrderBy(i => i.Paragraph).Select(i => new MinutesItemResponse(i.Id, i.Paragraph, i.Title, i.Discussion, i.Decision, i.Kind,
                i.Kind == DecisionKind.Recommendation ? i.IsConsensus : null,
                i.Positions.Select(p => new PositionResponse(p.PartyId, parties.GetValueOrDefault(p.PartyId, "okänd"), p.Position, p.Note)).ToList())).ToList(),
            m.Corrections.OrderBy(c => c.At).Select(c => $"{c.At:yyyy-MM-dd} {c.By}: {c.Text}").ToList(), m.Version, m.Advisory, MinutesModel.DecisionHeading(m));
    }
}
