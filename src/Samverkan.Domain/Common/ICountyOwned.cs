namespace Samverkan.Domain.Common;

/// <summary>
/// Every piece of domain data belongs to one county (the tenant); audit and access checks rely on it.
/// </summary>
public interface ICountyOwned
{
    Guid CountyId { get; }
}
