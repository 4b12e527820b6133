namespace Samverkan.Domain.Common;

/// <summary>Data shared by all counties whose changes are audited too, such as index series.</summary>
public interface IAudited;
