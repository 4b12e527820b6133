using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Cases;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

public sealed record CaseListResponse(IReadOnlyList<CaseRowResponse> Items, int Total, int Page, int PageSize);

public sealed record CaseRowResponse(Guid Id, string CaseNumber, string Title, string Kind, string Status, DateOnly RegisteredOn)
{
    public static CaseRowResponse From(CaseRow c) => new(c.Id, c.CaseNumber, c.Title, ApiText.Of(c.Kind), ApiText.Of(c.Status), c.RegisteredOn);
}

public sealed record CouncilDecisionResponse(Guid PartyId, string PartyName, string? Outcome, DateOnly? DecidedOn, string? Reference);

public sealed record StepResponse(Guid Id, int Order, Guid? BodyId, string Body, bool EveryPartyCouncil, bool MunicipalitiesOnly, string Role, bool Decides, string Status, DateOnly? DueOn,
    bool Overdue, Guid? MeetingId, Guid? AgendaItemId, int? Paragraph, string? Outcome, DateOnly? DecidedOn, string? Reference, IReadOnlyList<CouncilDecisionResponse> Parties);

public sealed record CaseDocumentResponse(Guid Id, int Number, string Direction, string? Counterpart, DateOnly Date, string Title, bool IsPublic, string? SecrecyReference,
    string? FileName, string? Url)
{
    public static CaseDocumentResponse From(Case c, CaseDocument d) => new(d.Id, d.Number, ApiText.Of(d.Direction), d.Counterpart, d.Date, d.Title, d.IsPublic,
        d.SecrecyReference, d.FileName, d.FileHash is null ? null : $"/api/v1/cases/{c.Id}/documents/{d.Id}/file");
}

public sealed record ReferralResponse(Guid Id, string CaseNumber, string Title, string Issuer, string? IssuerReference, DateOnly ReceivedOn, DateOnly ReplyBy,
    Guid? DrafterPersonId, DateOnly? ReplySentOn, bool Overdue, bool DueSoon, string Status)
{
    public static ReferralResponse From(Case c, DateOnly today) => new(c.Id, c.CaseNumber, c.Title, c.Issuer!, c.IssuerReference, c.ReceivedOn!.Value, c.ReplyBy!.Value,
        c.DrafterPersonId, c.ReplySentOn, c.IsOverdue(today), c.IsReplyDueSoon(today), ApiText.Of(c.Status));
}

public sealed record CaseResponse(Guid Id, string CaseNumber, string Series, int Number, int Year, string Title, string Kind, string Status, DateOnly RegisteredOn,
    Guid? ResponsibleBodyId, string? ResponsibleOfficer, Guid? RelatedCaseId, Guid? AgreementId, string? DecisionText, string? DecisionReference, DateOnly? DecidedOn,
    ReferralResponse? Referral, IReadOnlyList<StepResponse> Steps, IReadOnlyList<CaseDocumentResponse> Documents, int Version)
{
    public static async Task<CaseResponse> FromAsync(AppDbContext db, Case c, DateOnly today, CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.CountyId == c.CountyId).ToDictionaryAsync(b => b.Id, b => b.ShortName ?? b.Name, cancellationToken);
        var parties = await CaseCouncils.CouncilPartiesByStepAsync(db, c, c.Steps, cancellationToken);

        return new(c.Id, c.CaseNumber, c.Series, c.Number, c.Year, c.Title, ApiText.Of(c.Kind), ApiText.Of(c.Status), c.RegisteredOn, c.ResponsibleBodyId,
            c.ResponsibleOfficer, c.RelatedCaseId, c.AgreementId, c.DecisionText, c.DecisionReference, c.DecidedOn,
            c.IsReferral ? ReferralResponse.From(c, today) : null,
            c.Steps.OrderBy(s => s.Order).Select(s => new StepResponse(s.Id, s.Order, s.BodyId,
                s.EveryPartyCouncil ? s.CouncilLabel : bodies.GetValueOrDefault(s.BodyId!.Value, "okänt organ"), s.EveryPartyCouncil, s.MunicipalitiesOnly, ApiText.Of(s.Role),
                s.Decides, ApiText.Of(c.StatusOf(s)), s.DueOn, s.IsOverdue(today), s.MeetingId, s.AgendaItemId, s.Paragraph,
                s.Outcome is { } o ? ApiText.Of(o) : null, s.DecidedOn, s.Reference,
                s.EveryPartyCouncil
                    ? parties[s.Id].Select(p => s.CouncilDecisions.FirstOrDefault(d => d.PartyId == p.Id) is { } d
                        ? new CouncilDecisionResponse(p.Id, p.Name, ApiText.Of(d.Outcome), d.DecidedOn, d.Reference)
                        : new CouncilDecisionResponse(p.Id, p.Name, null, null, null)).ToList()
                    : [])).ToList(),
            c.Documents.OrderBy(d => d.Number).Select(d => CaseDocumentResponse.From(c, d)).ToList(), c.Version);
    }
}

public sealed record TemplateStepResponse(int Order, Guid? BodyId, string Body, bool EveryPartyCouncil, string Role, int? DueAfterDays, bool MunicipalitiesOnly);

public sealed record TemplateResponse(Guid Id, string Name, IReadOnlyList<TemplateStepResponse> Steps)
{
    public static TemplateResponse From(FlowTemplate t, IReadOnlyDictionary<Guid, string> bodies) => new(t.Id, t.Name,
        t.Steps.OrderBy(s => s.Order).Select(s => new TemplateStepResponse(s.Order, s.BodyId,
            s.EveryPartyCouncil ? (s.MunicipalitiesOnly ? "Varje kommuns fullmäktige" : "Varje parts fullmäktige") : bodies.GetValueOrDefault(s.BodyId!.Value, "okänt organ"),
            s.EveryPartyCouncil, ApiText.Of(s.Role), s.DueAfterDays, s.MunicipalitiesOnly)).ToList());
}
