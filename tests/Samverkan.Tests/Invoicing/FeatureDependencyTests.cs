using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Invoicing;

/// <summary>
/// Issue 17: the feature folders depend one way. Invoicing may use CostSharing (it invoices the allocation); CostSharing
/// uses no type of Invoicing (it shows what changed since invoicing through the domain); neither uses the fund's feature.
/// Read from the source, so that a type used only inside a method body counts too.
/// </summary>
public sealed class FeatureDependencyTests
{
    [Theory]
    [InlineData("CostSharing", "Invoicing")]
    [InlineData("CostSharing", "Funds")]
    [InlineData("Invoicing", "Funds")]
    public void Feature_DoesNotUseTheTypesOfAnother(string feature, string other)
    {
        var types = typeof(Web.Startup).Assembly.GetTypes()
            .Where(t => t.Namespace == $"Samverkan.Web.Features.{other}" && !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal)
                && !typeof(PageModel).IsAssignableFrom(t)) // page models are named by their page (IndexModel) and used only by it
            .Select(t => t.Name.Split('`')[0])
            .ToList();
        types.ShouldNotBeEmpty();
        var folder = Path.Combine(AppProcess.RepositoryRoot, "src", "Samverkan.Web", "Features", feature);

        var uses = Directory.EnumerateFiles(folder, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, n) => (file, line, n)))
            .Where(l => l.line.Contains($"Features.{other}", StringComparison.Ordinal) || types.Any(t => Regex.IsMatch(l.line, $@"\b{t}\b")))
            .Select(l => $"{Path.GetFileName(l.file)}:{l.n + 1}: {l.line.Trim()}")
            .ToList();

        uses.ShouldBeEmpty();
    }
}
