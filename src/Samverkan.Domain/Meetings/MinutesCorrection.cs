using Samverkan.Domain.Common;

namespace Samverkan.Domain.Meetings;

/// <summary>A recorded correction of checked minutes.</summary>
public sealed class MinutesCorrection : ICountyOwned
{
    private MinutesCorrection()
    {
        Text = string.Empty;
        By = string.Empty;
    }

    internal MinutesCorrection(Minutes minutes, string text, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("CorrectionText", "Beskriv rättelsen.");
        }

        Id = Guid.NewGuid();
        MinutesId = minutes.Id;
        CountyId = minutes.CountyId;
        Text = text.Trim();
        By = by;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid MinutesId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Text { get; private set; }

    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }
}
