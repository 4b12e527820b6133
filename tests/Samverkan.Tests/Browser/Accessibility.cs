using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Samverkan.Tests.Browser;

/// <summary>axe-core on the page as it is now, against WCAG 2.1 levels A and AA; called after every navigation and action.</summary>
internal static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task ShouldBeAccessibleAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(Wcag21AA);
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"{result.Violations.Length} WCAG 2.1 A/AA violation(s) on {page.Url}:\n");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}  {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
                // axe's own summary: any one of Any fixes it, every one of All and None must be fixed.
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    report.AppendLine($"      {check.Message}");
                }
            }
        }

        Assert.Fail(report.ToString());
    }
}
