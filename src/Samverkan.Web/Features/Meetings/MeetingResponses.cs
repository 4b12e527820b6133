using Samverkan.Domain.Bodies;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;

namespace Samverkan.Web.Features.Meetings;

public sealed record AgendaItemResponse(Guid Id, int Number, string Title, string? CaseReference, string? Presenter, string? ProposedDecision, string? Topic,
    Guid? CaseId)
{
    public static AgendaItemResponse From(AgendaItem a) => new(a.Id, a.Number, a.Title, a.CaseReference, a.Presenter, a.ProposedDecision, a.Topic, a.CaseId);
}

public sealed record MeetingResponse(Guid Id, Guid BodyId, string Body, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, bool IsExtra,
    MeetingStatus Status, DateTimeOffset? NoticeSentAt, DateOnly NoticeDeadline, int Sequence, IReadOnlyList<AgendaItemResponse> Agenda)
{
    public static MeetingResponse From(Meeting m, Body body)
    {
        var day = m.StartsAt.SwedishDay();
        return new(m.Id, body.Id, body.Name, m.StartsAt, m.EndsAt, m.Location, m.IsExtra, m.Status, m.NoticeSentAt, day.AddDays(-body.Rules.NoticeDaysBefore),
            m.Sequence, m.Agenda.OrderBy(a => a.Number).Select(AgendaItemResponse.From).ToList());
    }
}

public sealed record MandatoryItemResponse(string Topic, string Label, DateOnly? LastPrepared, bool Missing);

public sealed record MeetingPlanResponse(int Year, int Planned, int Minimum, bool MeetsMinimum);

public sealed record ExtraMeetingResponse(bool MustBeHeld, int Requesting, int Members, string Explanation);

public sealed record NoticeResponse(Guid MeetingId, DateTimeOffset SentAt, int Recipients);

public sealed record DocumentResponse(Guid Id, Guid AgendaItemId, string FileName, string ContentType, long Size, bool IsPublic, string Hash)
{
    public static DocumentResponse From(AgendaDocument d) => new(d.Id, d.AgendaItemId, d.FileName, d.ContentType, d.Size, d.IsPublic, d.Hash);
}
