using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Cases;

/// <summary>
/// A case (ärende) in the county's register (diarium), numbered in the Swedish form "RS 759-2022": series, running number
/// gap-free per series and year, year. Its flow (beredningsgång) is an ordered list of steps, each handled by a body or by
/// every party's council; a step waits for the ones before it. A case is closed by its last deciding step, or by hand,
/// or withdrawn; it is never deleted, so its number is never reused.
/// </summary>
public sealed partial class Case : ICountyOwned
{
    private readonly List<CaseStep> steps = [];
    private readonly List<CaseDocument> documents = [];

    private Case()
    {
        Series = string.Empty;
        CaseNumber = string.Empty;
        Title = string.Empty;
    }

    public Case(Guid countyId, string series, int number, DateOnly registeredOn, string title, CaseKind kind, Guid? responsibleBodyId, string? responsibleOfficer)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("CaseTitle", "Ärendet måste ha en rubrik.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("CaseKind", "Okänd ärendetyp.");
        }

        if (number < 1)
        {
            throw new DomainRuleException("CaseNumber", "Löpnumret börjar på 1.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Series = series;
        Number = number;
        Year = registeredOn.Year;
        CaseNumber = Format(series, number, Year);
        RegisteredOn = registeredOn;
        Title = title.Trim();
        SearchText = $"{CaseNumber} {Title}".ToLowerInvariant();
        Kind = kind;
        Status = CaseStatus.Open;
        ResponsibleBodyId = responsibleBodyId;
        ResponsibleOfficer = Clean(responsibleOfficer);
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The series' code, e.g. "RS" (regionstyrelsen) or "RUN".</summary>
    public string Series { get; private set; }

    public int Number { get; private set; }

    public int Year { get; private set; }

    /// <summary>Diarienummer, e.g. "RS 759-2022".</summary>
    public string CaseNumber { get; private set; }

    public string Title { get; private set; }

    /// <summary>Number and title in lower case, so that search finds "Ä" as "ä" on every database engine.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public CaseKind Kind { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public Guid? ResponsibleBodyId { get; private set; }

    /// <summary>The officer (handläggare) who handles the case.</summary>
    public string? ResponsibleOfficer { get; private set; }

    /// <summary>A case this one follows from or belongs to, such as a strategy for its action plan.</summary>
    public Guid? RelatedCaseId { get; private set; }

    /// <summary>The agreement a case of kind agreement adopts: its council step and the agreement's adoptions are one record.</summary>
    public Guid? AgreementId { get; private set; }

    public string? DecisionText { get; private set; }

    public string? DecisionReference { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    // An external referral (remiss, seed 003): who sent it, their reference, the reply deadline and the drafter.
    public string? Issuer { get; private set; }

    public string? IssuerReference { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public DateOnly? ReplyBy { get; private set; }

    public Guid? DrafterPersonId { get; private set; }

    public DateOnly? ReplySentOn { get; private set; }

    public int? ReplyDocumentNumber { get; private set; }

    /// <summary>The reminders 14 and 3 days before the deadline, each sent once.</summary>
    public bool FirstReminderSent { get; private set; }

    public bool LastReminderSent { get; private set; }

    public bool IsReferral => Kind == CaseKind.Referral && ReplyBy is not null;

    /// <summary>Reminders go to the drafter 14 and 3 days before the deadline.</summary>
    public const int ReminderDays = 14;

    public const int LastReminderDays = 3;

    public int Version { get; private set; }

    public IReadOnlyList<CaseStep> Steps => steps;

    public IReadOnlyList<CaseDocument> Documents => documents;

    public static string Format(string series, int number, int year) => $"{series} {number}-{year}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void RelateTo(Case other)
    {
        if (other.CountyId != CountyId || other.Id == Id)
        {
            throw new DomainRuleException("RelatedCase", "Det relaterade ärendet måste vara ett annat ärende i samma län.");
        }

        RelatedCaseId = other.Id;
        Version++;
    }

    public void ConcernsAgreement(Guid agreementId)
    {
        if (Kind != CaseKind.Agreement)
        {
            throw new DomainRuleException("CaseAgreement", "Bara ett ärende om en överenskommelse kan kopplas till överenskommelsen.");
        }

        AgreementId = agreementId;
        Version++;
    }

    public void Close(string? decisionText, string? reference, DateOnly decidedOn)
    {
        EnsureOpen();
        DecisionText = Clean(decisionText);
        DecisionReference = Clean(reference);
        DecidedOn = decidedOn;
        Status = CaseStatus.Closed;
        Version++;
    }

    public void Withdraw(string? reason, DateOnly on)
    {
        EnsureOpen();
        DecisionText = Clean(reason) ?? "Återkallat";
        DecidedOn = on;
        Status = CaseStatus.Withdrawn;
        Version++;
    }

    /// <summary>Adds a document (handling), numbered on within the case; one that is not public names its secrecy ground (OSL).</summary>
    public CaseDocument AddDocument(DocumentDirection direction, string? counterpart, DateOnly date, string title, bool isPublic, string? secrecyReference, StoredFileRef? file)
    {
        var number = documents.Select(d => d.Number).DefaultIfEmpty(0).Max() + 1;
        var document = new CaseDocument(this, number, direction, counterpart, date, title, isPublic, secrecyReference, file);
        documents.Add(document);
        Version++;
        return document;
    }

    private void EnsureOpen()
    {
        if (Status != CaseStatus.Open)
        {
            throw new DomainRuleException("CaseClosed", $"Ärendet är {CaseLabels.Status(Status).ToLowerInvariant()}.", RuleSeverity.Conflict);
        }
    }
}

/// <summary>A file in the document store, by its SHA-256.</summary>
public sealed record StoredFileRef(string Hash, string FileName, string ContentType, long Size);
