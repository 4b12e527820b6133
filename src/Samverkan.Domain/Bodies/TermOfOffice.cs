using Samverkan.Domain.Common;

namespace Samverkan.Domain.Bodies;

/// <summary>A term of office (mandatperiod) of a body.</summary>
public sealed class TermOfOffice : ICountyOwned
{
    private TermOfOffice()
    {
    }

    internal TermOfOffice(Body body, DateOnly startsOn, DateOnly endsOn, string? deviationReference)
    {
        if (endsOn <= startsOn)
        {
            throw new DomainRuleException("TermPeriod", "Mandatperioden måste sluta efter att den börjar.");
        }

        Id = Guid.NewGuid();
        BodyId = body.Id;
        CountyId = body.CountyId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        DeviationReference = string.IsNullOrWhiteSpace(deviationReference) ? null : deviationReference.Trim();
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    public Guid CountyId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The decision that set another term than the standard four years ("om inte annat beslutas").</summary>
    public string? DeviationReference { get; private set; }

    public bool Covers(DateOnly date) => StartsOn <= date && date <= EndsOn;

    public string Label => $"{StartsOn.Year}–{EndsOn.Year}";

    /// <summary>General elections are held in September every four years: 2018, 2022, 2026 ...</summary>
    public static bool IsElectionYear(int year) => year % 4 == 2;

    /// <summary>The standard term after an election: four years from 1 January of the following year.</summary>
    public static (DateOnly StartsOn, DateOnly EndsOn) StandardAfterElection(int electionYear) =>
        (new DateOnly(electionYear + 1, 1, 1), new DateOnly(electionYear + 4, 12, 31));

    /// <summary>True when the term is four years from 1 January after an election year.</summary>
    public bool IsStandard =>
        IsElectionYear(StartsOn.Year - 1) && StandardAfterElection(StartsOn.Year - 1) == (StartsOn, EndsOn);
}
