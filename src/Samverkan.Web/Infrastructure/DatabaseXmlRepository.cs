using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Keeps the data-protection key ring in the database, so cookies and bearer tokens issued by one instance are
/// accepted by every other (DataProtection.EntityFrameworkCore is not in the registry here; see docs/decisions).
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
