using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Cases;
using Samverkan.Domain.Common;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Cases;

/// <summary>A search of the register: any of number or title, kind, status, body and year; paged.</summary>
public sealed record CaseFilter(string? Q, CaseKind? Kind, CaseStatus? Status, Guid? BodyId, int? Year, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record CaseRow(Guid Id, string CaseNumber, string Title, CaseKind Kind, CaseStatus Status, DateOnly RegisteredOn);

/// <summary>A step the case waits for, for the start page and the work list.</summary>
public sealed record WaitingStep(Guid CaseId, string CaseNumber, string Title, Guid StepId, Guid? BodyId, bool EveryPartyCouncil, StepRole Role, DateOnly? DueOn);

/// <summary>
/// The county's case register (diarium): registration with a gap-free number per series and year, the flow's steps and
/// the councils' decisions, and the link to meetings and minutes. Pages and API call the same methods.
/// </summary>
public static partial class CaseRegister
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}][\p{L} ]{0,9} \d{1,7}-\d{4}$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumberPattern();

    public static IQueryable<Case> WithFlow(this IQueryable<Case> cases) =>
        cases.Include(c => c.Steps).ThenInclude(s => s.CouncilDecisions).Include(c => c.Documents).AsSplitQuery();

    /// <summary>
    /// Registers a case: the next running number of the series and year in the same transaction as the case; a
    /// concurrent registration loses on the unique index, is rolled back and retried with the next number, so the series
    /// has no gaps and no number twice.
    /// </summary>
    public static Task<Case> RegisterAsync(AppDbContext db, Guid countyId, string? series, string? title, CaseKind? kind, DateOnly registeredOn,
        Guid? responsibleBodyId, string? officer, Action<Case>? complete, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(series))
        {
            errors["series"] = ["Välj diarieserie."];
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["Ange ärendets rubrik."];
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors["kind"] = ["Ange ärendetyp: strategy, referral, internal, agreement eller mandatoryItem."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return ConflictRetry.RunAsync(db, async () =>
        {
            var code = series!.Trim().ToUpperInvariant();
            if (!await db.CaseSeries.AnyAsync(s => s.CountyId == countyId && s.Code == code, cancellationToken))
            {
                throw new InputValidationException(new Dictionary<string, string[]> { ["series"] = [$"Länet har ingen diarieserie \"{code}\"."] });
            }

            if (responsibleBodyId is { } b && !await db.Bodies.AnyAsync(x => x.Id == b && x.CountyId == countyId, cancellationToken))
            {
                throw new NotFoundException("Organet finns inte i länet.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var year = registeredOn.Year;
            var last = await db.Cases.Where(c => c.CountyId == countyId && c.Series == code && c.Year == year).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0;
            var @case = new Case(countyId, code, last + 1, registeredOn, title!, kind!.Value, responsibleBodyId, officer);
            complete?.Invoke(@case);
            db.Cases.Add(@case);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return @case;
        }, cancellationToken);
    }

    /// <summary>The case with this number in the county, so that an agenda item given a case number is linked to the case.</summary>
    public static async Task<Guid?> FindByNumberAsync(AppDbContext db, Guid countyId, string? caseNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(caseNumber))
        {
            return null;
        }

        var number = caseNumber.Trim();
        return await db.Cases.AsNoTracking().Where(c => c.CountyId == countyId && c.CaseNumber == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<Case> LoadAsync(AppDbContext db, Access access, Guid id, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.WithFlow().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Ärendet finns inte.");
        access.EnsureRead(@case.CountyId);
        return @case;
    }

    /// <summary>The parties whose councils decide in a step for every council: the agreement's parties, or else the county's.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> CouncilPartiesAsync(AppDbContext db, Case @case, CaseStep step, CancellationToken cancellationToken) =>
        (await CouncilPartiesByStepAsync(db, @case, [step], cancellationToken))[step.Id];

    /// <summary>The deciding parties of each step for every council, read once for all of a case's steps.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<(Guid Id, string Name)>>> CouncilPartiesByStepAsync(AppDbContext db, Case @case,
        IEnumerable<CaseStep> steps, CancellationToken cancellationToken)
    {
        var councilSteps = steps.Where(s => s.EveryPartyCouncil).ToList();
        var result = new Dictionary<Guid, IReadOnlyList<(Guid Id, string Name)>>();
        if (councilSteps.Count == 0)
        {
            return result;
        }

        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == @case.CountyId).ToListAsync(cancellationToken);
        if (@case.AgreementId is { } agreementId)
        {
            var ids = await db.Agreements.Where(a => a.Id == agreementId).SelectMany(a => a.Parties.Select(p => p.PartyId)).ToListAsync(cancellationToken);
            parties = parties.Where(p => ids.Contains(p.Id)).ToList();
        }

        var ordered = parties.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Create(SwedishText.Culture, false)).ToList();
        foreach (var step in councilSteps)
        {
            result[step.Id] = ordered.Where(p => !step.MunicipalitiesOnly || p.Kind == Domain.Counties.PartyKind.Municipality).Select(p => (p.Id, p.Name)).ToList();
        }

        return result;
    }

    /// <summary>
    /// A party's council decides in a step for every council. When the case adopts an agreement, an adoption is also the
    /// agreement's adoption by that party: one record of one decision, kept in both places in one transaction.
    /// </summary>
    public static async Task<CouncilDecision> RecordCouncilDecisionAsync(AppDbContext db, Case @case, Guid stepId, Guid partyId, StepOutcome outcome, DateOnly decidedOn,
        string? reference, string recordedBy, DateOnly today, CancellationToken cancellationToken)
    {
        var parties = await CouncilPartiesAsync(db, @case, @case.Step(stepId), cancellationToken);
        var name = parties.FirstOrDefault(p => p.Id == partyId).Name ?? "Parten";
        var decision = @case.RecordCouncilDecision(stepId, partyId, name, parties.Select(p => p.Id).ToList(), outcome, decidedOn, reference, recordedBy, today);
        if (outcome == StepOutcome.Adopted && @case.AgreementId is { } agreementId)
        {
            var agreement = await db.Agreements.WithDetails().FirstAsync(a => a.Id == agreementId, cancellationToken);
            if (agreement.AdoptionBy(partyId) is null)
            {
                agreement.RecordAdoption(partyId, decidedOn, decision.Reference, today);
            }
        }

        return decision;
    }

    /// <summary>The other way round: an adoption recorded on the agreement is also the council's decision in its case's waiting step.</summary>
    public static async Task RecordAdoptionInCaseAsync(AppDbContext db, Agreement agreement, Adoption adoption, string recordedBy, DateOnly today, CancellationToken cancellationToken)
    {
        if (adoption.AmendmentId is not null || adoption.SupplementId is not null)
        {
            return;
        }

        var @case = await db.Cases.WithFlow().FirstOrDefaultAsync(c => c.AgreementId == agreement.Id && c.Status == CaseStatus.Open, cancellationToken);
        if (@case?.CurrentStep is { EveryPartyCouncil: true } step && step.CouncilDecisions.All(d => d.PartyId != adoption.PartyId))
        {
            var parties = await CouncilPartiesAsync(db, @case, step, cancellationToken);
            @case.RecordCouncilDecision(step.Id, adoption.PartyId, parties.FirstOrDefault(p => p.Id == adoption.PartyId).Name ?? "Parten", parties.Select(p => p.Id).ToList(),
                StepOutcome.Adopted, adoption.DecidedOn, adoption.Reference, recordedBy, today);
        }
    }

    /// <summary>
    /// When minutes are checked, each step handled at that meeting (its agenda item minuted in a paragraph) records its
    /// outcome: the paragraph, the meeting's day, and the reference "RUN 2022-04-13 § 73". A deciding step is recorded
    /// as adopted; the secretariat records a rejection or a return on the case page before the minutes are checked.
    /// </summary>
    public static async Task RecordHandledStepsAsync(AppDbContext db, Minutes minutes, Body body, DateOnly meetingDay, DateOnly today, CancellationToken cancellationToken)
    {
        var paragraphs = minutes.Items.Where(i => i.AgendaItemId is not null).ToDictionary(i => i.AgendaItemId!.Value);
        if (paragraphs.Count == 0)
        {
            return;
        }

        var agendaIds = paragraphs.Keys.ToList();
        var caseIds = await db.CaseSteps.Where(s => s.AgendaItemId != null && agendaIds.Contains(s.AgendaItemId.Value) && s.Outcome == null)
            .Select(s => s.CaseId).Distinct().ToListAsync(cancellationToken);
        foreach (var @case in await db.Cases.WithFlow().Where(c => caseIds.Contains(c.Id) && c.Status == CaseStatus.Open).ToListAsync(cancellationToken))
        {
            foreach (var step in @case.Steps.Where(s => s.AgendaItemId is { } a && paragraphs.ContainsKey(a) && s.Outcome is null).OrderBy(s => s.Order).ToList())
            {
                var item = paragraphs[step.AgendaItemId!.Value];
                var outcome = step.Role switch
                {
                    StepRole.Decide => StepOutcome.Adopted,
                    StepRole.Consult => StepOutcome.Advised,
                    StepRole.Inform => StepOutcome.Noted,
                    _ => StepOutcome.Prepared,
                };
                if (@case.StatusOf(step) == StepStatus.Waiting)
                {
                    @case.RecordOutcome(step.Id, outcome, meetingDay, $"{body.ShortName ?? body.Name} {meetingDay:yyyy-MM-dd} § {item.Paragraph}", today, item.Id, item.Paragraph);
                }
            }
        }
    }

    /// <summary>Links a step to an agenda item of a meeting of the step's body, or puts the case on that meeting's agenda as a new item.</summary>
    public static async Task<AgendaItem> PutOnAgendaAsync(AppDbContext db, Case @case, Guid stepId, Guid meetingId, Guid? agendaItemId, CancellationToken cancellationToken)
    {
        var step = @case.Step(stepId);
        var meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId && m.CountyId == @case.CountyId, cancellationToken)
            ?? throw new NotFoundException("Sammanträdet finns inte i länet.");
        if (step.BodyId != meeting.BodyId)
        {
            throw new DomainRuleException("StepMeetingBody", "Sammanträdet hålls av ett annat organ än det som hanterar steget.");
        }

        AgendaItem item;
        if (agendaItemId is { } existing)
        {
            meeting.LinkAgendaItemToCase(existing, @case.Id, @case.CaseNumber);
            item = meeting.Agenda.First(a => a.Id == existing);
        }
        else
        {
            item = meeting.AddCaseItem(@case.Id, @case.CaseNumber, @case.Title, @case.ResponsibleOfficer, null);
        }

        @case.LinkStepToAgendaItem(step.Id, meeting.Id, item.Id);
        return item;
    }

    public static async Task<StoredFileRef> StoreFileAsync(AppDbContext db, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var type = Documents.Validate(fileName, content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!await db.StoredFiles.AnyAsync(f => f.Hash == hash, cancellationToken) && db.StoredFiles.Local.All(f => f.Hash != hash))
        {
            db.StoredFiles.Add(new StoredFile { Hash = hash, Content = content, Size = content.Length });
        }

        return new StoredFileRef(hash, Path.GetFileName(fileName), type, content.Length);
    }

    public static async Task<(IReadOnlyList<CaseRow> Items, int Total)> SearchAsync(AppDbContext db, Guid countyId, CaseFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.CountyId == countyId);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = System.Text.RegularExpressions.Regex.Replace(filter.Q.Trim(), @"\s+", " ");
            if (CaseNumberPattern().IsMatch(text))
            {
                // A whole case number, "RS 759-2022": found through the index on the number, not by scanning titles.
                // Unordered, so that the planner uses that index and not the one of the list's order.
                var number = text.ToUpperInvariant();
                var exact = await query.Where(c => c.CaseNumber == number).Where(Filters(filter, db))
                    .Select(c => new CaseRow(c.Id, c.CaseNumber, c.Title, c.Kind, c.Status, c.RegisteredOn)).ToListAsync(cancellationToken);
                return (filter.Page > 1 ? [] : exact, exact.Count);
            }
            else
            {
                var q = text.ToLowerInvariant();
                query = query.Where(c => c.SearchText.Contains(q));
            }
        }

        query = query.Where(Filters(filter, db));
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var items = await query.OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.Number)
            .Skip((page - 1) * CaseFilter.PageSize).Take(CaseFilter.PageSize)
            .Select(c => new CaseRow(c.Id, c.CaseNumber, c.Title, c.Kind, c.Status, c.RegisteredOn)).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The search's filters besides the text: kind, status, year and the body that is responsible or handles a step.</summary>
    private static System.Linq.Expressions.Expression<Func<Case, bool>> Filters(CaseFilter filter, AppDbContext db)
    {
        var kind = filter.Kind;
        var status = filter.Status;
        var year = filter.Year;
        var bodyId = filter.BodyId;
        return c => (kind == null || c.Kind == kind) && (status == null || c.Status == status) && (year == null || c.Year == year)
            && (bodyId == null || c.ResponsibleBodyId == bodyId || db.CaseSteps.Any(s => s.CaseId == c.Id && s.BodyId == bodyId));
    }

    /// <summary>Each open case's current step: the first without an outcome.</summary>
    public static async Task<IReadOnlyList<WaitingStep>> WaitingAsync(AppDbContext db, Guid countyId, CancellationToken cancellationToken)
    {
        var open = await db.CaseSteps.AsNoTracking()
            .Where(s => s.CountyId == countyId && s.Outcome == null && db.Cases.Any(c => c.Id == s.CaseId && c.Status == CaseStatus.Open))
            .Select(s => new { s.Id, s.CaseId, s.Order, s.BodyId, s.EveryPartyCouncil, s.Role, s.DueOn }).ToListAsync(cancellationToken);
        var current = open.GroupBy(s => s.CaseId).Select(g => g.MinBy(s => s.Order)!).ToList();
        var ids = current.Select(s => s.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber, c.Title }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return current.Select(s => new WaitingStep(s.CaseId, cases[s.CaseId].CaseNumber, cases[s.CaseId].Title, s.Id, s.BodyId, s.EveryPartyCouncil, s.Role, s.DueOn))
            .OrderBy(s => s.DueOn ?? DateOnly.MaxValue).ThenBy(s => s.CaseNumber, StringComparer.Ordinal).ToList();
    }
}
