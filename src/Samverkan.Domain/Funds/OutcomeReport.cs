using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

/// <summary>
/// The yearly outcome report of a funded initiative (seed 004: VRAG reports, on the Council's behalf, the outcome of
/// each funded initiative): progress, results against the purpose, the leverage actually obtained, and what comes
/// next. The report for a calendar year is due on 31 March of the following year, in time for the fund's yearly
/// report to the Council's spring meeting.
/// </summary>
public sealed class OutcomeReport : ICountyOwned
{
    /// <summary>The initiative's contact is reminded this many days before the due date.</summary>
    public const int ReminderDays = 30;

    private OutcomeReport()
    {
        Progress = string.Empty;
        Results = string.Empty;
        NextSteps = string.Empty;
        SubmittedBy = string.Empty;
        Obtained = Leverage.None;
    }

    internal OutcomeReport(Initiative initiative, int year, string progress, string results, Leverage obtained, string nextSteps, DateOnly submittedOn,
        string submittedBy)
    {
        Id = Guid.NewGuid();
        CountyId = initiative.CountyId;
        InitiativeId = initiative.Id;
        Year = year;
        Progress = progress.Trim();
        Results = results.Trim();
        Obtained = obtained;
        NextSteps = nextSteps.Trim();
        SubmittedOn = submittedOn;
        SubmittedBy = submittedBy;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid InitiativeId { get; private set; }

    public int Year { get; private set; }

    public string Progress { get; private set; }

    /// <summary>Results against the initiative's purpose.</summary>
    public string Results { get; private set; }

    /// <summary>The co-financing or leverage actually obtained in the year, per source.</summary>
    public Leverage Obtained { get; private set; }

    public string NextSteps { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateOnly DueOn => DueFor(Year);

    public static DateOnly DueFor(int year) => new(year + 1, 3, 31);
}

/// <summary>
/// The claim that the reminder of one initiative's report for one year is sent: unique per (initiative, year), so
/// two instances that both find the report due cannot both send it; the second insert fails and sends nothing.
/// </summary>
public sealed class OutcomeReminder : ICountyOwned
{
    private OutcomeReminder()
    {
    }

    public OutcomeReminder(Initiative initiative, int year, DateOnly sentOn)
    {
        Id = Guid.NewGuid();
        CountyId = initiative.CountyId;
        InitiativeId = initiative.Id;
        Year = year;
        SentOn = sentOn;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid InitiativeId { get; private set; }

    public int Year { get; private set; }

    public DateOnly SentOn { get; private set; }
}
