using System.Security.Claims;

namespace Samverkan.Web.Features.Shared;

/// <summary>
/// How many tasks wait for the signed-in person, for the menu of every page. The work list (Features/Tasks) answers it;
/// the layout asks through this interface, so that the shared layer does not depend on an area above it.
/// </summary>
public interface IWorkCount
{
    Task<int> CountAsync(ClaimsPrincipal user);
}
