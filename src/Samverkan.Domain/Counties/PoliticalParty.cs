namespace Samverkan.Domain.Counties;

/// <summary>A political party (S, M, C ...), shared by all counties.</summary>
public sealed class PoliticalParty
{
    private PoliticalParty()
    {
        Abbreviation = string.Empty;
        Name = string.Empty;
    }

    public PoliticalParty(string abbreviation, string name)
    {
        Id = Guid.NewGuid();
        Abbreviation = abbreviation;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Abbreviation { get; private set; }

    public string Name { get; private set; }
}
