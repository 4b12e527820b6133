namespace Samverkan.Domain.Agreements;

/// <summary>Where an agreement stands. Always derived from adoptions, withdrawals and dates, never typed in.</summary>
public enum AgreementStatus
{
    /// <summary>No council has adopted it yet.</summary>
    Draft,

    /// <summary>Some councils have adopted it, or all have but the start date is not reached.</summary>
    Adopting,

    /// <summary>Every party's council has adopted it and the start date is reached.</summary>
    InForce,

    /// <summary>A party withdrew, or the end date passed.</summary>
    Ended,
}

/// <summary>The derived state of an agreement on a given day, with the counts behind it.</summary>
public sealed record AgreementState(
    AgreementStatus Status,
    int AdoptedCount,
    int PartyCount,
    DateOnly? EndedOn,
    string Explanation)
{
    public static string Label(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Utkast",
        AgreementStatus.Adopting => "Under antagande",
        AgreementStatus.InForce => "Gäller",
        AgreementStatus.Ended => "Upphört",
        _ => status.ToString(),
    };

    public string StatusLabel => Label(Status);
}

public enum AmendmentStatus
{
    /// <summary>Not every party's council has adopted it; the old text still applies.</summary>
    Pending,

    /// <summary>Every party's council has adopted it.</summary>
    Adopted,
}
