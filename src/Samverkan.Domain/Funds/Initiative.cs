using Samverkan.Domain.Common;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;

namespace Samverkan.Domain.Funds;

/// <summary>
/// An initiative (satsning) on a shared fund (seed 004): proposed by any party, prepared by VRAU with VRAG's support,
/// granted by the Council only by consensus, decided by the region (a commitment in the ledger), paid out, closed.
/// </summary>
public sealed partial class Initiative : ICountyOwned
{
    private readonly List<InitiativeStand> stands = [];
    private readonly List<OutcomeReport> outcomeReports = [];

    private Initiative()
    {
        Title = string.Empty;
        Purpose = string.Empty;
        Criteria = [];
        GoalIds = [];
        PlannedLeverage = Leverage.None;
    }

    public Initiative(Fund fund, string title, string purpose, decimal budget, Guid proposingPartyId, DateOnly startsOn, DateOnly endsOn)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("InitiativeTitle", "Satsningen måste ha en rubrik.");
        }

        if (Money.Sek(budget) is not { IsPositive: true, HasAtMostOre: true })
        {
            throw new DomainRuleException("InitiativeBudget", "Budgeten anges i kronor, större än noll, med högst två decimaler.");
        }

        if (endsOn < startsOn)
        {
            throw new DomainRuleException("InitiativePeriod", "Slutdatumet kan inte ligga före startdatumet.");
        }

        Id = Guid.NewGuid();
        CountyId = fund.CountyId;
        FundId = fund.Id;
        Title = title.Trim();
        Purpose = purpose.Trim();
        Budget = budget;
        ProposingPartyId = proposingPartyId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Status = InitiativeStatus.Draft;
        Criteria = [];
        GoalIds = [];
        PlannedLeverage = Leverage.None;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid FundId { get; private set; }

    public string Title { get; private set; }

    public string Purpose { get; private set; }

    public decimal Budget { get; private set; }

    public Guid ProposingPartyId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public InitiativeStatus Status { get; private set; }

    public Recommendation? Recommendation { get; private set; }

    public string? Assessment { get; private set; }

    public List<CriterionAnswer> Criteria { get; private set; }

    public IReadOnlyList<InitiativeStand> Stands => stands;

    public DateOnly? PositionTakenOn { get; private set; }

    public decimal? DecidedAmount { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecisionReference { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? FinalReport { get; private set; }

    /// <summary>The county's goals (<see cref="CountyGoal"/>) the initiative starts from.</summary>
    public List<Guid> GoalIds { get; private set; }

    /// <summary>Co-financing or leverage the proposal plans for (desirable, not required).</summary>
    public Leverage PlannedLeverage { get; private set; }

    /// <summary>The organisation that receives the money; its organisation number is its open-data identity.</summary>
    public string? RecipientName { get; private set; }

    /// <summary>Normalised NNNNNN-NNNN.</summary>
    public string? RecipientOrganisationNumber { get; private set; }

    public string? ContactName { get; private set; }

    /// <summary>Where the reminder of a due outcome report goes.</summary>
    public string? ContactEmail { get; private set; }

    public IReadOnlyList<OutcomeReport> OutcomeReports => outcomeReports;

    /// <summary>The Värmlandsrådet meeting where the position is taken.</summary>
    public Guid? CouncilMeetingId { get; private set; }

    /// <summary>
    /// The minutes paragraph (a recommendation) the initiative is taken up under. Once linked, the parties' stands are
    /// the paragraph's own positions, recorded in the minutes: one record, shown in the minutes and read here.
    /// </summary>
    public Guid? CouncilMinutesItemId { get; private set; }

    /// <summary>Links the prepared initiative to the paragraph of the Council's minutes where its position is taken.</summary>
    public void TakeUpAtCouncil(Guid meetingId, Guid minutesItemId)
    {
        Expect(InitiativeStatus.Prepared, "CouncilItemPrepared", "En satsning tas upp i rådet när den är beredd.");
        if (stands.Count > 0)
        {
            throw new DomainRuleException("CouncilItemAfterStands",
                "Ställningstaganden är redan antecknade utanför protokollet; de kan inte flyttas till en paragraf.", RuleSeverity.Conflict);
        }

        CouncilMeetingId = meetingId;
        CouncilMinutesItemId = minutesItemId;
    }

    /// <summary>The stands the consensus is read from: the minutes paragraph's positions when linked, otherwise the initiative's own.</summary>
    private IReadOnlyList<(Guid PartyId, PartyPosition Position)> StandsFrom(IReadOnlyList<(Guid PartyId, PartyPosition Position)>? minuted)
    {
        if (CouncilMinutesItemId is null)
        {
            return stands.Select(s => (s.PartyId, s.Position)).ToList();
        }

        return minuted ?? throw new DomainRuleException("CouncilMinutesMissing", "Ställningstagandena läses ur rådets protokoll, som inte finns.");
    }

    /// <summary>
    /// The rest of the proposal (seed 004): the goals it starts from, planned leverage, the recipient organisation and
    /// the contact. Written while the proposal is a draft; what was submitted is what is prepared.
    /// </summary>
    public void Describe(IEnumerable<Guid> goalIds, Leverage plannedLeverage, string? recipientName, string? recipientOrganisationNumber,
        string? contactName, string? contactEmail)
    {
        Expect(InitiativeStatus.Draft, "InitiativeDescribe", "Förslaget kan bara ändras som utkast.");
        var organisationNumber = string.IsNullOrWhiteSpace(recipientOrganisationNumber) ? null : recipientOrganisationNumber.Trim();
        if (organisationNumber is not null && !OrganisationNumber.IsValid(organisationNumber))
        {
            throw new DomainRuleException("RecipientOrganisationNumber", "Mottagarens organisationsnummer är inte giltigt (NNNNNN-NNNN).");
        }

        if (string.IsNullOrWhiteSpace(recipientName) != (organisationNumber is null))
        {
            throw new DomainRuleException("Recipient", "Ange mottagande organisation med både namn och organisationsnummer.");
        }

        var email = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim();
        if (email is not null && !LooksLikeEmail(email))
        {
            throw new DomainRuleException("ContactEmail", "Kontaktpersonens e-postadress är inte giltig.");
        }

        GoalIds = goalIds.Distinct().ToList();
        PlannedLeverage = plannedLeverage.Checked();
        RecipientName = organisationNumber is null ? null : recipientName!.Trim();
        RecipientOrganisationNumber = organisationNumber is null ? null : OrganisationNumber.Normalise(organisationNumber);
        ContactName = string.IsNullOrWhiteSpace(contactName) ? null : contactName.Trim();
        ContactEmail = email;
    }

    /// <summary>
    /// The years an outcome report is owed for: every calendar year of the period from the region's decision while the
    /// initiative runs. The year it is closed is covered by the final report instead.
    /// </summary>
    public IReadOnlyList<int> ReportYears()
    {
        if (DecidedOn is not { } decided)
        {
            return [];
        }

        var from = Math.Max(decided.Year, StartsOn.Year);
        var to = ClosedOn is { } closed ? Math.Min(closed.Year - 1, EndsOn.Year) : EndsOn.Year;
        return from > to ? [] : Enumerable.Range(from, to - from + 1).ToList();
    }

    /// <summary>The years whose report is past its due date and not in.</summary>
    public IReadOnlyList<int> OverdueReportYears(DateOnly today) =>
        ReportYears().Where(y => OutcomeReport.DueFor(y) < today && outcomeReports.All(r => r.Year != y)).ToList();

    /// <summary>VRAG's yearly outcome report, on the Council's behalf; one per year the initiative owes one.</summary>
    public OutcomeReport ReportOutcome(int year, string progress, string results, Leverage obtained, string nextSteps, DateOnly today, string submittedBy)
    {
        if (!ReportYears().Contains(year))
        {
            throw new DomainRuleException("OutcomeReportYear",
                $"Satsningen ska inte återrapportera för {year}; återrapport lämnas för varje år från regionens beslut medan satsningen pågår.");
        }

        if (year > today.Year)
        {
            throw new DomainRuleException("OutcomeReportEarly", $"Återrapporten för {year} kan lämnas först när året har börjat.");
        }

        if (outcomeReports.Any(r => r.Year == year))
        {
            throw new DomainRuleException("OutcomeReportTwice", $"Återrapporten för {year} är redan lämnad.", RuleSeverity.Conflict);
        }

        if (string.IsNullOrWhiteSpace(progress) || string.IsNullOrWhiteSpace(results) || string.IsNullOrWhiteSpace(nextSteps))
        {
            throw new DomainRuleException("OutcomeReportText", "Beskriv framdrift, resultat mot syftet och vad som händer härnäst.");
        }

        var report = new OutcomeReport(this, year, progress, results, obtained.Checked(), nextSteps, today, submittedBy);
        outcomeReports.Add(report);
        return report;
    }

    public void Submit()
    {
        Expect(InitiativeStatus.Draft, "InitiativeSubmit", "Bara ett utkast kan lämnas in.");
        Status = InitiativeStatus.Submitted;
    }

    /// <summary>Records a party's stand at the Council's meeting; a later stand of the same party replaces it.</summary>
    public void RecordStand(Guid partyId, PartyPosition position, string? note, IReadOnlyCollection<Guid> parties)
    {
        Expect(InitiativeStatus.Prepared, "StandPrepared", "Parternas ställningstaganden antecknas när satsningen är beredd.");
        if (CouncilMinutesItemId is not null)
        {
            throw new DomainRuleException("StandInMinutes", "Satsningen tas upp i rådets protokoll; anteckna ställningstagandet i paragrafen.", RuleSeverity.Conflict);
        }

        if (!parties.Contains(partyId))
        {
            throw new DomainRuleException("StandParty", "Den angivna parten är inte part i samverkan.");
        }

        stands.RemoveAll(s => s.PartyId == partyId);
        stands.Add(new InitiativeStand(this, partyId, position, note));
    }

    /// <summary>The consensus rule the minutes use, with every party required to support (seed 004).</summary>
    /// <param name="minuted">The positions of the linked minutes paragraph; required when the initiative is linked to one.</param>
    public ConsensusOutcome ConsensusAmong(IReadOnlyCollection<Guid> parties, IReadOnlyList<(Guid PartyId, PartyPosition Position)>? minuted = null)
    {
        var from = StandsFrom(minuted);
        var objecting = from.Where(s => s.Position == PartyPosition.Object).Select(s => s.PartyId).ToList();
        var absent = parties.Where(p => from.All(s => s.PartyId != p)).ToList();
        var granted = Recommendation == Funds.Recommendation.Grant
            && Consensus.NoObjection(from.Select(s => s.Position))
            && parties.All(p => from.Any(s => s.PartyId == p && s.Position == PartyPosition.Agree));
        return new ConsensusOutcome(granted, objecting, absent);
    }

    public ConsensusOutcome TakePosition(IReadOnlyCollection<Guid> parties, DateOnly on, IReadOnlyList<(Guid PartyId, PartyPosition Position)>? minuted = null)
    {
        Expect(InitiativeStatus.Prepared, "PositionPrepared", "Rådets ställningstagande tas när satsningen är beredd.");
        var outcome = ConsensusAmong(parties, minuted);
        Status = outcome.Granted ? InitiativeStatus.Granted : InitiativeStatus.NotGranted;
        PositionTakenOn = on;
        return outcome;
    }

    /// <summary>The region's own decision under its delegation turns the granted amount into a commitment.</summary>
    public LedgerEntry Decide(Fund fund, decimal amount, string reference, DateOnly decidedOn, string recordedBy, FundValidity validity)
    {
        EnsureFund(fund);
        Expect(InitiativeStatus.Granted, "DecisionGranted", "Regionen kan besluta först när rådet har ställt sig bakom satsningen.");
        if (amount > Budget)
        {
            throw new DomainRuleException("DecisionAboveBudget", $"Beslutet kan inte vara större än satsningens budget, {SwedishText.Kronor(Budget)}.");
        }

        var entry = fund.Commit(Id, amount, decidedOn, reference, recordedBy, validity);
        DecidedAmount = amount;
        DecidedOn = decidedOn;
        DecisionReference = reference.Trim();
        Status = InitiativeStatus.Decided;
        return entry;
    }

    public LedgerEntry Disburse(Fund fund, decimal amount, DateOnly paidOn, string reference, string recordedBy)
    {
        EnsureFund(fund);
        if (Status is not (InitiativeStatus.Decided or InitiativeStatus.Running))
        {
            throw new DomainRuleException("DisbursementDecided", "Utbetalningar görs bara för beslutade satsningar som inte är avslutade.");
        }

        var entry = fund.Disburse(Id, amount, paidOn, reference, recordedBy);
        Status = InitiativeStatus.Running;
        return entry;
    }

    /// <summary>Closing takes the final report, records money paid back, and releases what remains of the commitment.</summary>
    public IReadOnlyList<LedgerEntry> Close(Fund fund, DateOnly closedOn, string finalReport, decimal returned, string reference, string recordedBy)
    {
        EnsureFund(fund);
        if (Status is not (InitiativeStatus.Decided or InitiativeStatus.Running))
        {
            throw new DomainRuleException("CloseRunning", "Bara en beslutad eller pågående satsning kan avslutas.");
        }

        if (string.IsNullOrWhiteSpace(finalReport))
        {
            throw new DomainRuleException("CloseFinalReport", "Avslutet kräver en slutrapport.");
        }

        var written = new List<LedgerEntry>();
        if (returned > 0)
        {
            written.Add(fund.Return(Id, returned, closedOn, reference, recordedBy));
        }

        if (fund.ReleaseRemaining(Id, closedOn, reference, recordedBy) is { } release)
        {
            written.Add(release);
        }

        FinalReport = finalReport.Trim();
        ClosedOn = closedOn;
        Status = InitiativeStatus.Closed;
        return written;
    }

    public static string Label(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Draft => "Utkast",
        InitiativeStatus.Submitted => "Inlämnad",
        InitiativeStatus.Prepared => "Beredd",
        InitiativeStatus.Granted => "Rådet ställer sig bakom",
        InitiativeStatus.NotGranted => "Inget ställningstagande",
        InitiativeStatus.Decided => "Beslutad",
        InitiativeStatus.Running => "Pågår",
        InitiativeStatus.Closed => "Avslutad",
        _ => status.ToString(),
    };

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }

    private void EnsureFund(Fund fund)
    {
        if (fund.Id != FundId)
        {
            throw new DomainRuleException("InitiativeFund", "Satsningen hör till en annan fond.");
        }
    }

    private void Expect(InitiativeStatus status, string rule, string message)
    {
        if (Status != status)
        {
            throw new DomainRuleException(rule, $"{message} Satsningen är nu: {Label(Status).ToLowerInvariant()}.", RuleSeverity.Conflict);
        }
    }
}
