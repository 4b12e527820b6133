using Samverkan.Domain.Common;

namespace Samverkan.Domain.Bodies;

/// <summary>
/// What the SRB decided when it set up a collaboration group (seed 001 §3): remit and working forms, the decision
/// (its § in the SRB minutes), and when and by which decision it was closed.
/// </summary>
public sealed class GroupCharter : ICountyOwned
{
    private GroupCharter()
    {
        Remit = string.Empty;
        EstablishedBy = string.Empty;
    }

    public GroupCharter(Body group, string remit, string? workingForms, string establishedBy, Guid? establishedByItemId, DateOnly establishedOn)
    {
        if (group.Kind != BodyKind.CollaborationGroup || group.ParentBodyId is null)
        {
            throw new DomainRuleException("GroupUnderSrb", "En politisk samverkansgrupp inrättas av beredningen och hör till den.");
        }

        if (string.IsNullOrWhiteSpace(remit) || string.IsNullOrWhiteSpace(establishedBy))
        {
            throw new DomainRuleException("GroupCharter", "Ange gruppens uppdrag och beredningens beslut (§) som inrättar den.");
        }

        Id = Guid.NewGuid();
        CountyId = group.CountyId;
        BodyId = group.Id;
        Remit = remit.Trim();
        WorkingForms = string.IsNullOrWhiteSpace(workingForms) ? null : workingForms.Trim();
        EstablishedBy = establishedBy.Trim();
        EstablishedByItemId = establishedByItemId;
        EstablishedOn = establishedOn;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid BodyId { get; private set; }

    public string Remit { get; private set; }

    public string? WorkingForms { get; private set; }

    /// <summary>The SRB decision, e.g. "SRB 2023-02-09 § 5".</summary>
    public string EstablishedBy { get; private set; }

    public Guid? EstablishedByItemId { get; private set; }

    public DateOnly EstablishedOn { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public bool IsOpenOn(DateOnly day) => EstablishedOn <= day && (ClosedOn is null || day <= ClosedOn);

    public void Close(string decision, DateOnly on)
    {
        if (ClosedOn is not null)
        {
            throw new DomainRuleException("GroupClosed", "Gruppen är redan avvecklad.", RuleSeverity.Conflict);
        }

        if (string.IsNullOrWhiteSpace(decision) || on < EstablishedOn)
        {
            throw new DomainRuleException("GroupClose", "Ange beredningens beslut om avveckling och ett datum efter inrättandet.");
        }

        ClosedBy = decision.Trim();
        ClosedOn = on;
    }
}

/// <summary>A report the group owes the SRB: twice a year, by 30 June and 31 December (seed 001 §3).</summary>
public sealed class GroupReport : ICountyOwned
{
    private GroupReport()
    {
    }

    public GroupReport(Body group, DateOnly dueOn)
    {
        Id = Guid.NewGuid();
        CountyId = group.CountyId;
        BodyId = group.Id;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid BodyId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public string? Summary { get; private set; }

    public DateOnly? ReminderSentOn { get; private set; }

    public bool IsOverdue(DateOnly today) => ReceivedOn is null && DueOn < today;

    public bool NeedsReminder(DateOnly today) => ReceivedOn is null && ReminderSentOn is null && DueOn.DayNumber - today.DayNumber is >= 0 and <= ReminderDays;

    public const int ReminderDays = 30;

    /// <summary>The half-year report dates from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> Schedule(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var due in new[] { new DateOnly(year, 6, 30), new DateOnly(year, 12, 31) })
            {
                if (due >= from && due <= to)
                {
                    yield return due;
                }
            }
        }
    }

    public void Receive(DateOnly on, string summary)
    {
        if (ReceivedOn is not null)
        {
            throw new DomainRuleException("ReportReceived", "Återrapporten är redan mottagen.", RuleSeverity.Conflict);
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainRuleException("ReportSummary", "Sammanfatta återrapporten.");
        }

        ReceivedOn = on;
        Summary = summary.Trim();
    }

    public void Reminded(DateOnly on) => ReminderSentOn = on;
}
