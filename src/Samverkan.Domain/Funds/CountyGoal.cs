using Samverkan.Domain.Common;

namespace Samverkan.Domain.Funds;

/// <summary>
/// One of the county's own goals an initiative may start from (seed 004: the Värmland strategy's vision, goals and
/// priorities; the public-transport supply programme's goals for 2040). Plain configuration rows per county: which
/// document, the goal's text, and the order they are listed in. A goal set out in a fund's definition belongs to that
/// fund (<see cref="FundId"/>) and is what its proposals choose from; a goal without a fund is offered to every fund.
/// </summary>
public sealed class CountyGoal : ICountyOwned
{
    private CountyGoal()
    {
        Document = string.Empty;
        Text = string.Empty;
    }

    public CountyGoal(Guid countyId, string document, string text, int order, Guid? fundId = null)
    {
        if (string.IsNullOrWhiteSpace(document) || string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("CountyGoal", "Ett mål behöver både dokument och text.");
        }

        Id = Guid.NewGuid();
        CountyId = countyId;
        Document = document.Trim();
        Text = text.Trim();
        Order = order;
        FundId = fundId;
    }

    /// <summary>The fund whose definition sets the goal out; null for a goal of the whole county.</summary>
    public Guid? FundId { get; private set; }

    /// <summary>Moves the goal in its fund's list.</summary>
    public void MoveTo(int order) => Order = order;

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    /// <summary>The strategy or programme the goal comes from, e.g. "Värmlandsstrategin 2021–2030".</summary>
    public string Document { get; private set; }

    public string Text { get; private set; }

    public int Order { get; private set; }
}
