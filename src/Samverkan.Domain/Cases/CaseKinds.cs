namespace Samverkan.Domain.Cases;

/// <summary>What a case is about (issue 9).</summary>
public enum CaseKind
{
    /// <summary>A strategy, action plan or agenda, such as the regional development strategy (RUS).</summary>
    Strategy,

    /// <summary>An external referral (remiss) from an authority, answered by a deadline (seed 003).</summary>
    Referral,

    Internal,

    /// <summary>The agreement itself or its amendment, adopted by every council (seed 002).</summary>
    Agreement,

    /// <summary>An item a body must handle by its rules (the SRB's mandatory items, seed 001).</summary>
    MandatoryItem,
}

public enum CaseStatus
{
    Open,
    Closed,
    Withdrawn,
}

/// <summary>A step's role in the flow; only a step that decides can record a decision (OParl Consultation's role).</summary>
public enum StepRole
{
    Prepare,
    Consult,
    Decide,
    Inform,
}

/// <summary>
/// What a step came to. A step that does not decide is prepared, advised or noted; one that decides adopts, rejects or
/// returns the case for more preparation.
/// </summary>
public enum StepOutcome
{
    Prepared,
    Advised,
    Noted,
    Adopted,
    Rejected,
    Returned,
}

/// <summary>Where a step stands, derived from the flow: later steps wait for earlier ones.</summary>
public enum StepStatus
{
    Pending,
    Waiting,
    Done,
}

/// <summary>A case document's direction (FGS Ärendehantering: inkommande, utgående, upprättad).</summary>
public enum DocumentDirection
{
    Incoming,
    Outgoing,
    Internal,
}

public static class CaseLabels
{
    public static string Kind(CaseKind kind) => kind switch
    {
        CaseKind.Strategy => "Strategi, handlingsplan eller agenda",
        CaseKind.Referral => "Extern remiss",
        CaseKind.Internal => "Internt ärende",
        CaseKind.Agreement => "Överenskommelse",
        CaseKind.MandatoryItem => "Obligatoriskt ärende",
        _ => kind.ToString(),
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Pågående",
        CaseStatus.Closed => "Avslutat",
        CaseStatus.Withdrawn => "Återkallat",
        _ => status.ToString(),
    };

    public static string Role(StepRole role) => role switch
    {
        StepRole.Prepare => "Bereder",
        StepRole.Consult => "Yttrar sig",
        StepRole.Decide => "Beslutar",
        StepRole.Inform => "För kännedom",
        _ => role.ToString(),
    };

    public static string Outcome(StepOutcome? outcome) => outcome switch
    {
        StepOutcome.Prepared => "Berett",
        StepOutcome.Advised => "Yttrat sig",
        StepOutcome.Noted => "Antecknat",
        StepOutcome.Adopted => "Beslutat (bifall)",
        StepOutcome.Rejected => "Avslag",
        StepOutcome.Returned => "Återremitterat",
        _ => "–",
    };

    public static string StepStatus(StepStatus status) => status switch
    {
        Cases.StepStatus.Pending => "Kommande",
        Cases.StepStatus.Waiting => "Väntar",
        Cases.StepStatus.Done => "Klart",
        _ => status.ToString(),
    };

    public static string Direction(DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => "Inkommande",
        DocumentDirection.Outgoing => "Utgående",
        DocumentDirection.Internal => "Upprättad",
        _ => direction.ToString(),
    };

    public static bool Decides(StepOutcome outcome) => outcome is StepOutcome.Adopted or StepOutcome.Rejected or StepOutcome.Returned;
}
