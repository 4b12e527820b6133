using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Bodies;

/// <summary>
/// The body's overview: its rules, today's composition check, the next meetings and the SRB's collaboration groups;
/// members, meetings and a group's reports are changed on their own pages (<see cref="MembersModel"/>,
/// <see cref="MeetingsModel"/>, <see cref="ReportsModel"/>).
/// </summary>
public sealed class DetailsModel(AppDbContext db, Access access, TimeProvider time) : BodyPageModel(db, access, time)
{
    public IReadOnlyList<CompositionViolation> Violations { get; private set; } = [];

    public int MemberCount { get; private set; }

    /// <summary>The next few meetings, not cancelled.</summary>
    public IReadOnlyList<Meeting> NextMeetings { get; private set; } = [];

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    /// <summary>The county's bodies by id, to name those the rules draw members from.</summary>
    public IReadOnlyDictionary<Guid, string> BodyNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        await LoadBodyAsync();
        Message = TempData["Message"] as string;
        Violations = await BodyQueries.CheckAsync(Db, Body, Today);
        MemberCount = Body.ActiveMemberships(Today).Count(m => m.CountsAsMember);
        BodyNames = await Db.Bodies.AsNoTracking().Where(b => b.CountyId == County.Id).ToDictionaryAsync(b => b.Id, b => b.Name);
        var now = TimeSource.GetUtcNow();
        NextMeetings = (await Db.Meetings.AsNoTracking().Where(m => m.BodyId == Body.Id && m.Status != MeetingStatus.Cancelled).ToListAsync())
            .Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt).Take(3).ToList();
        if (Body.Rules.SetsUpCollaborationGroups)
        {
            Groups = await CollaborationGroups.GroupsAsync(Db, Body.Id);
        }
    }
}
