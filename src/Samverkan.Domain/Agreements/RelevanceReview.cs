using Samverkan.Domain.Common;

namespace Samverkan.Domain.Agreements;

public enum ReviewStatus
{
    /// <summary>Its year has not come.</summary>
    Upcoming,

    /// <summary>Its year has come and it is not recorded yet.</summary>
    Due,

    /// <summary>Its year is over and it was never recorded.</summary>
    Overdue,

    Done,
}

/// <summary>
/// A relevance review (aktualitetsprövning) of a fixed-term agreement (seed 002): "Aktualiseringsprövning sker under
/// 2024 samt under överenskommelsens sista år". The dialogue covers the agreement as a whole: working forms and
/// results, financing and the collaboration structure. Scheduled when the agreement is made, recorded when held.
/// </summary>
public sealed class RelevanceReview : ICountyOwned
{
    /// <summary>The reminder goes out this many days before the review's last day, once.</summary>
    public const int ReminderDays = 60;

    private RelevanceReview()
    {
    }

    internal RelevanceReview(Agreement agreement, int year)
    {
        Id = Guid.NewGuid();
        AgreementId = agreement.Id;
        CountyId = agreement.CountyId;
        Year = year;
        DueOn = new DateOnly(year, 12, 31);
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The year the review is held in.</summary>
    public int Year { get; private set; }

    /// <summary>The last day of that year: after it an unrecorded review is overdue.</summary>
    public DateOnly DueOn { get; private set; }

    public DateOnly? ReminderSentOn { get; private set; }

    /// <summary>When the dialogue was held.</summary>
    public DateOnly? HeldOn { get; private set; }

    /// <summary>With whom: the parties and bodies in the dialogue.</summary>
    public string? Participants { get; private set; }

    public string? WorkingForms { get; private set; }

    public string? Results { get; private set; }

    public string? Financing { get; private set; }

    public string? Structure { get; private set; }

    public string? Conclusion { get; private set; }

    public string? RecordedBy { get; private set; }

    /// <summary>
    /// The reviews of a fixed term: one in the term's second year (2024 for 2023–2026) and one in its last year; an
    /// agreement "tills vidare" has none. A term of one or two years has its last-year review only.
    /// </summary>
    public static IReadOnlyList<int> Years(DateOnly validFrom, DateOnly? validTo)
    {
        if (validTo is not { } end)
        {
            return [];
        }

        var years = new List<int>();
        if (validFrom.Year + 1 < end.Year)
        {
            years.Add(validFrom.Year + 1);
        }

        years.Add(end.Year);
        return years;
    }

    public ReviewStatus StatusOn(DateOnly today) =>
        HeldOn is not null ? ReviewStatus.Done
        : today > DueOn ? ReviewStatus.Overdue
        : today.Year >= Year ? ReviewStatus.Due
        : ReviewStatus.Upcoming;

    public bool NeedsReminder(DateOnly today) => HeldOn is null && ReminderSentOn is null && DueOn.DayNumber - today.DayNumber is >= 0 and <= ReminderDays;

    internal void Record(DateOnly heldOn, string participants, string? workingForms, string? results, string? financing, string? structure,
        string conclusion, string recordedBy, DateOnly today)
    {
        if (HeldOn is not null)
        {
            throw new DomainRuleException("ReviewTwice", $"Aktualitetsprövningen {Year} är redan registrerad.", RuleSeverity.Conflict);
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("ReviewDate", "Dialogen kan inte registreras före den har hållits.");
        }

        if (heldOn.Year < Year)
        {
            throw new DomainRuleException("ReviewYear", $"Aktualitetsprövningen {Year} hålls under {Year}, inte {SwedishText.Date(heldOn)}.");
        }

        if (string.IsNullOrWhiteSpace(participants))
        {
            throw new DomainRuleException("ReviewParticipants", "Ange med vilka dialogen fördes.");
        }

        if (string.IsNullOrWhiteSpace(conclusion))
        {
            throw new DomainRuleException("ReviewConclusion", "Ange prövningens slutsats.");
        }

        HeldOn = heldOn;
        Participants = participants.Trim();
        WorkingForms = Clean(workingForms);
        Results = Clean(results);
        Financing = Clean(financing);
        Structure = Clean(structure);
        Conclusion = conclusion.Trim();
        RecordedBy = recordedBy;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class ReviewLabels
{
    public static string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Upcoming => "Kommande",
        ReviewStatus.Due => "Ska göras i år",
        ReviewStatus.Overdue => "Försenad",
        ReviewStatus.Done => "Genomförd",
        _ => status.ToString(),
    };
}
