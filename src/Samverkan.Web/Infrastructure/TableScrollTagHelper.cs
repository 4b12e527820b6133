using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Every table scrolls inside a container of its own, so that a page reflows at 320 px (WCAG 1.4.10) without the
/// whole page scrolling sideways. The container takes keyboard focus so that it can be scrolled without a mouse.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.SetHtmlContent("<div class=\"table-scroll\" tabindex=\"0\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
