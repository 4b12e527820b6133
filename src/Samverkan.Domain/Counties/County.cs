using Samverkan.Domain.Common;

namespace Samverkan.Domain.Counties;

/// <summary>A county (län) and its collaboration: the tenant of the system.</summary>
public sealed class County : IAudited
{
    private County()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public County(string code, string name)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiDigit))
        {
            throw new DomainRuleException("CountyCode", $"Länskoden '{code}' ska bestå av två siffror.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("CountyName", "Länet måste ha ett namn.");
        }

        Id = Guid.NewGuid();
        Code = code;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }
}
