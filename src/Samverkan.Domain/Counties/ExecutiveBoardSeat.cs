using Samverkan.Domain.Bodies;
using Samverkan.Domain.Common;

namespace Samverkan.Domain.Counties;

/// <summary>
/// How many seats a political party holds in a party's executive board (regionstyrelsen), and on which side.
/// The SRB composition rules read the regional board from these.
/// </summary>
public sealed class ExecutiveBoardSeat : ICountyOwned
{
    private ExecutiveBoardSeat()
    {
    }

    public ExecutiveBoardSeat(Party party, PoliticalParty politicalParty, int seats, PoliticalSide side)
    {
        if (seats <= 0)
        {
            throw new DomainRuleException("BoardSeats", "Antalet platser i styrelsen måste vara minst 1.");
        }

        Id = Guid.NewGuid();
        CountyId = party.CountyId;
        PartyId = party.Id;
        PoliticalPartyId = politicalParty.Id;
        PoliticalParty = politicalParty;
        Seats = seats;
        Side = side;
    }

    public Guid Id { get; private set; }

    public Guid CountyId { get; private set; }

    public Guid PartyId { get; private set; }

    public Guid PoliticalPartyId { get; private set; }

    public PoliticalParty? PoliticalParty { get; private set; }

    public int Seats { get; private set; }

    public PoliticalSide Side { get; private set; }
}
