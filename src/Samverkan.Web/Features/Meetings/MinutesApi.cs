using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Documents;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Web.Features.Meetings;

public static class MinutesQueries
{
    /// <summary>Minutes with paragraphs, positions, attendance and corrections.</summary>
    public static IQueryable<Minutes> WithContent(this IQueryable<Minutes> minutes) => minutes
        .Include(m => m.Items).ThenInclude(i => i.Positions).Include(m => m.Attendance).Include(m => m.Corrections).AsSplitQuery();
}

/// <summary>Minutes: drafted by the secretariat, signed by the chair, checked by the appointed member, dispatched.</summary>
public static class MinutesApi
{
    public static RouteGroupBuilder MapMinutesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/minutes", CreateAsync).WithSummary("Starts the minutes of a meeting. Secretariat.");
        api.MapGet("/meetings/{id:guid}/minutes", GetAsync).WithSummary("The minutes as JSON, with status, hashes and each recommendation's consensus.");
        api.MapGet("/meetings/{id:guid}/minutes/pdf", PdfAsync).WithSummary("The minutes as PDF with their signature block.");
        api.MapPost("/meetings/{id:guid}/minutes/items", AddItemAsync).WithSummary("Adds a paragraph; § numbers run on per body and year. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/items/{itemId:guid}/advice", AdviceAsync)
            .WithSummary("The consultation forum's advice or position {advice, kind: Advice|Position} on a paragraph (or on an agenda item, which gets a paragraph). Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/items/{itemId:guid}/positions", PositionAsync).WithSummary("Records a party's position on a recommendation. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/attendance", AttendanceAsync).WithSummary("Records whether a member attended. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/checker", CheckerAsync).WithSummary("Records the member appointed to check the minutes. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/sign", SignAsync).WithSummary("The chair signs, as the signed-in person.");
        api.MapPost("/meetings/{id:guid}/minutes/check", CheckAsync).WithSummary("The appointed member checks (justerar), as the signed-in person.");
        api.MapPost("/meetings/{id:guid}/minutes/dispatch", DispatchAsync)
            .WithSummary("Sends the checked minutes to the regional board and every municipal executive board, and publishes them. Secretariat.");
        api.MapPost("/meetings/{id:guid}/minutes/corrections", CorrectAsync).WithSummary("Records a correction of checked minutes. Secretariat.");
        return api;
    }

    private static Membership OwnSeat(ClaimsPrincipal user, Body body, DateOnly today) =>
        Guid.TryParse(user.FindFirstValue(SamverkanClaims.Membership), out var id) && body.ActiveMemberships(today).FirstOrDefault(m => m.Id == id) is { } seat
            ? seat
            : throw new ForbiddenException("Bara ledamöter i organet kan underteckna eller justera dess protokoll, och bara själva.");

    private static async Task<Created<MinutesResponse>> CreateAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (meeting, body) = await MeetingQueries.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(meeting.CountyId);
        if (await db.Minutes.AnyAsync(m => m.MeetingId == meeting.Id, cancellationToken))
        {
            throw new DomainRuleException("MinutesExist", "Sammanträdet har redan ett protokoll.", RuleSeverity.Conflict);
        }

        var minutes = Minutes.Open(meeting, meeting.StartsAt.SwedishDay(), time.TodayInSweden());
        db.Minutes.Add(minutes);
        await db.SaveChangesAsync(cancellationToken);
        await MinutesRegister.RenumberAsync(db, minutes.BodyId, minutes.Year, cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}/minutes", await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Created<MinutesResponse>> AddItemAsync(Guid id, MinutesItemRequest request, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        return await ConflictRetry.RunAsync(db, async () =>
        {
            var (minutes, meeting, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
            access.EnsureManage(minutes.CountyId);
            if (request.AgendaItemId is { } agendaItemId && meeting.Agenda.All(a => a.Id != agendaItemId))
            {
                throw new NotFoundException("Ärendet finns inte på sammanträdets föredragningslista.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var paragraph = await MinutesRegister.NextParagraphAsync(db, minutes, cancellationToken);
            minutes.AddItem(paragraph, request.Title ?? string.Empty, request.Discussion, request.Decision ?? string.Empty, request.Kind ?? DecisionKind.Information,
                request.AgendaItemId);
            await db.SaveChangesAsync(cancellationToken);
            await MinutesRegister.RenumberAsync(db, minutes.BodyId, minutes.Year, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Created($"/api/v1/meetings/{id}/minutes", await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>
    /// Seed 003: the forum is "ej beslutande organ – enbart rådgivande". <paramref name="itemId"/> is a paragraph of the
    /// minutes, or an item of the meeting's agenda, which then gets its paragraph with the advice.
    /// </summary>
    private static async Task<Results<Ok<MinutesResponse>, ValidationProblem>> AdviceAsync(Guid id, Guid itemId, AdviceRequest request, Access access, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var (minutes, meeting, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(minutes.CountyId);
        var kind = request.Kind ?? DecisionKind.Advice;
        if (string.IsNullOrWhiteSpace(request.Advice))
        {
            // A decision is refused by its rule before anything else: the forum never decides, however the request reads.
            if (minutes.Advisory && DecisionKinds.IsDecision(kind))
            {
                throw new DomainRuleException("ForumNeverDecides", "Samrådet är inte ett beslutande organ; det ger enbart råd och ställningstaganden inför nämndens beslut.");
            }

            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["advice"] = ["Skriv rådet eller ställningstagandet."] }, title: "Uppgifterna är inte kompletta");
        }

        if (request.Version is { } version)
        {
            db.Entry(minutes).Property(m => m.Version).OriginalValue = version;
        }

        if (minutes.Items.Any(i => i.Id == itemId))
        {
            minutes.RecordAdvice(itemId, request.Advice, kind);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var agendaItem = meeting.Agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new NotFoundException("Paragrafen eller ärendet finns inte i sammanträdet.");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var paragraph = await MinutesRegister.NextParagraphAsync(db, minutes, cancellationToken);
            var item = minutes.AddItem(paragraph, agendaItem.Title, null, request.Advice, DecisionKind.Information);
            minutes.RecordAdvice(item.Id, request.Advice, kind);
            await db.SaveChangesAsync(cancellationToken);
            await MinutesRegister.RenumberAsync(db, minutes.BodyId, minutes.Year, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> PositionAsync(Guid id, Guid itemId, PositionRequest request, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(minutes.CountyId);
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == request.PartyId && p.CountyId == minutes.CountyId, cancellationToken)
            ?? throw new DomainRuleException("PositionParty", "Välj en part i länet.");
        minutes.RecordPosition(itemId, party.Id, request.Position ?? PartyPosition.Agree, request.Note);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> AttendanceAsync(Guid id, AttendanceRequest request, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(minutes.CountyId);
        var member = body.Memberships.FirstOrDefault(m => m.Id == request.MembershipId) ?? throw new DomainRuleException("AttendanceMember", "Välj en ledamot i organet.");
        minutes.RecordAttendance(member, request.Present);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> CheckerAsync(Guid id, CheckerRequest request, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(minutes.CountyId);
        var member = body.Memberships.FirstOrDefault(m => m.Id == request.MembershipId) ?? throw new DomainRuleException("CheckerMember", "Välj en ledamot i organet.");
        minutes.AppointChecker(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> SignAsync(Guid id, Access access, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        var (_, meeting, _) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        var seat = OwnSeat(http.User, body, time.TodayInSweden());
        minutes.Sign(seat, body.ActiveMemberships(meeting.StartsAt.SwedishDay()), await MinutesRegister.SignatureAsync(db, seat, cancellationToken), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> CheckAsync(Guid id, Access access, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var (minutes, meeting, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        var seat = OwnSeat(http.User, body, time.TodayInSweden());
        minutes.Check(seat, await MinutesRegister.SignatureAsync(db, seat, cancellationToken), time.GetUtcNow());
        await Cases.CaseCouncils.RecordHandledStepsAsync(db, minutes, body, meeting.StartsAt.SwedishDay(), time.TodayInSweden(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> DispatchAsync(Guid id, Access access, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (minutes, meeting, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(minutes.CountyId);
        Dispatching.Dispatch(db, time, minutes, meeting, body, await db.Parties.AsNoTracking().Where(p => p.CountyId == minutes.CountyId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<Ok<MinutesResponse>> CorrectAsync(Guid id, CorrectionRequest request, Access access, AppDbContext db, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (minutes, _, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        access.EnsureManage(minutes.CountyId);
        minutes.Correct(request.Text ?? string.Empty, http.User.Identity?.Name ?? "okänd", time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MinutesResponse.FromAsync(db, minutes, body, cancellationToken));
    }

    private static async Task<FileContentHttpResult> PdfAsync(Guid id, Access access, AppDbContext db, CancellationToken cancellationToken)
    {
        var (minutes, meeting, body) = await MinutesRegister.LoadAsync(db, access, id, cancellationToken);
        var parties = await db.Parties.AsNoTracking().Where(p => p.CountyId == minutes.CountyId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return TypedResults.File(MinutesDocument.Pdf(minutes, meeting, body, parties), "application/pdf",
            $"protokoll-{meeting.StartsAt.ToSwedish():yyyy-MM-dd}.pdf");
    }
}

/// <summary>
/// Seed 001 §2.3: checked minutes go to the regional board and every municipal executive board (the parties a case
/// concerns are among them in these counties), as PDF to each party's registry, and are published.
/// </summary>
public static class Dispatching
{
    public static void Dispatch(AppDbContext db, TimeProvider time, Minutes minutes, Meeting meeting, Body body, IReadOnlyList<Party> parties)
    {
        var ordered = CountyQueries.Ordered(parties).ToList();
        minutes.Dispatch(time.GetUtcNow(), time.TodayInSweden(), ordered.Select(p => $"{p.ExecutiveBoardName}, {p.Name}" + (p.RegistryEmail is null ? " (ingen e-postadress)" : string.Empty)));
        var pdf = MinutesDocument.Pdf(minutes, meeting, body, parties.ToDictionary(p => p.Id, p => p.Name));
        var day = meeting.StartsAt.ToSwedish();
        foreach (var party in ordered.Where(p => p.RegistryEmail is not null))
        {
            Outbox.Enqueue(db, time, minutes.CountyId, party.RegistryEmail!, $"Protokoll {body.Name} {day:yyyy-MM-dd} – till {party.ExecutiveBoardName.ToLowerInvariant()}",
                $"Till {party.ExecutiveBoardName.ToLowerInvariant()} i {party.Name}.\n\nHär är det justerade protokollet från {body.Name}s sammanträde {day:yyyy-MM-dd}. Det är också publicerat på Samverkans öppna sidor.",
                $"protokoll-{day:yyyy-MM-dd}.pdf", "application/pdf", attachmentBytes: pdf);
        }
    }
}

/// <summary>The minutes as an A4 PDF with the signature block: who signed and checked, when, and the content's SHA-256.</summary>
public static class MinutesDocument
{
    public static byte[] Pdf(Minutes minutes, Meeting meeting, Body body, IReadOnlyDictionary<Guid, string> parties)
    {
        var local = meeting.StartsAt.ToSwedish();
        var names = body.Memberships.ToDictionary(m => m.Id, m => m.Person?.FullName ?? "okänd");
        using var pdf = new PdfWriter($"Protokoll {body.Name} {local:yyyy-MM-dd}");
        pdf.Heading($"Protokoll – {body.Name}", 16);
        pdf.Field("Sammanträde", $"{local:yyyy-MM-dd HH:mm}, {meeting.Location}");
        pdf.Field("Närvarande", string.Join(", ", minutes.Attendance.Where(a => a.Present).Select(a => names.GetValueOrDefault(a.MembershipId, "okänd")).Order()));
        foreach (var item in minutes.Items.OrderBy(i => i.Paragraph))
        {
            pdf.Heading($"§ {item.Paragraph} {item.Title}", 12);
            if (meeting.CaseReferenceOf(item.AgendaItemId) is { } caseNumber)
            {
                pdf.Paragraph($"Dnr {caseNumber}", isSmall: true);
            }

            if (item.Discussion is not null)
            {
                pdf.Paragraph(item.Discussion);
            }

            pdf.Paragraph(MinutesModel.DecisionHeading(minutes) + ": " + item.Decision, isBold: true);
            if (item.Kind == DecisionKind.Recommendation)
            {
                pdf.Paragraph(item.IsConsensus ? "Rekommendationen fattades i konsensus." : "Rekommendationen fattades inte i konsensus.", isSmall: true);
            }

            foreach (var position in item.Positions)
            {
                pdf.Paragraph($"{parties.GetValueOrDefault(position.PartyId, "okänd part")}: {MinutesModel.PositionLabel(position.Position).ToLowerInvariant()}{(position.Note is null ? string.Empty : $" – {position.Note}")}", isSmall: true);
            }
        }

        pdf.Space(16);
        pdf.Heading("Underskrifter", 12);
        pdf.Field("Undertecknat av", minutes.SignedAt is { } signed ? $"{minutes.SignedBy}, {signed.ToSwedish():yyyy-MM-dd HH:mm}" : "Ej undertecknat");
        pdf.Field("Justerat av", minutes.CheckedAt is { } checkedAt ? $"{minutes.CheckedBy}, {checkedAt.ToSwedish():yyyy-MM-dd HH:mm}" : "Ej justerat");
        pdf.Paragraph($"Kontrollsumma (SHA-256): {minutes.CheckedHash ?? minutes.SignedHash ?? minutes.ContentHash()}", isSmall: true);
        foreach (var correction in minutes.Corrections.OrderBy(c => c.At))
        {
            pdf.Paragraph($"Rättelse {correction.At.ToSwedish():yyyy-MM-dd} ({correction.By}): {correction.Text}", isSmall: true);
        }

        return pdf.ToBytes();
    }
}

public sealed record MinutesItemRequest(string? Title, string? Discussion, string? Decision, DecisionKind? Kind, Guid? AgendaItemId = null);

public sealed record PositionRequest(Guid? PartyId, PartyPosition? Position, string? Note);

public sealed record AttendanceRequest(Guid? MembershipId, bool Present);

public sealed record CheckerRequest(Guid? MembershipId);

public sealed record CorrectionRequest(string? Text);

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
