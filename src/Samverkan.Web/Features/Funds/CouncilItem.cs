using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Funds;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Funds;

/// <summary>
/// The paragraph of the Council's minutes an initiative is taken up under: the meeting, the minutes and the item whose
/// positions are the parties' stands. Stands are written through <see cref="Minutes.RecordPosition"/>, the same path
/// as the minutes' own form, so the paragraph and the initiative can never disagree.
/// </summary>
public sealed record CouncilItem(Meeting Meeting, Body Body, Minutes Minutes, MinutesItem Item)
{
    public IReadOnlyList<(Guid PartyId, PartyPosition Position)> Positions => Item.Positions.Select(p => (p.PartyId, p.Position)).ToList();

    public string Label => $"{Body.Name} {SwedishText.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Meeting.StartsAt, Clock.Sweden).DateTime))} § {Item.Paragraph}";

    /// <summary>The initiative's paragraph, or null when it is not linked to one.</summary>
    public static async Task<CouncilItem?> OfAsync(AppDbContext db, Initiative initiative, CancellationToken cancellationToken, bool tracking = false) =>
        initiative.CouncilMinutesItemId is { } itemId ? await FindAsync(db, itemId, cancellationToken, tracking) : null;

    public static async Task<CouncilItem?> FindAsync(AppDbContext db, Guid minutesItemId, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = db.Minutes.WithContent();
        var minutes = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Items.Any(i => i.Id == minutesItemId), cancellationToken);
        if (minutes is null)
        {
            return null;
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == minutes.MeetingId, cancellationToken);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, cancellationToken);
        return new CouncilItem(meeting, body, minutes, minutes.Items.First(i => i.Id == minutesItemId));
    }

    /// <summary>Links an initiative to a recommendation in the minutes of the county's council, checked against the caller's county.</summary>
    public static async Task LinkAsync(AppDbContext db, Access access, Initiative initiative, Guid minutesItemId, CancellationToken cancellationToken)
    {
        var council = await FindAsync(db, minutesItemId, cancellationToken) ?? throw InputValidationException.For("minutesItemId", "Paragrafen finns inte.");
        access.EnsureRead(council.Minutes.CountyId);
        if (council.Minutes.CountyId != initiative.CountyId)
        {
            throw InputValidationException.For("minutesItemId", "Paragrafen finns inte.");
        }

        if (council.Body.Kind != BodyKind.CountyCouncil)
        {
            throw new DomainRuleException("CouncilItemBody", "Ställningstagandet tas i länets råd; välj en paragraf i rådets protokoll.");
        }

        if (council.Item.Kind != DecisionKind.Recommendation)
        {
            throw new DomainRuleException("CouncilItemKind", "Paragrafen måste vara ett ställningstagande (rekommendation) där parternas ställningstaganden antecknas.");
        }

        initiative.TakeUpAtCouncil(council.Meeting.Id, council.Item.Id);
    }
}
