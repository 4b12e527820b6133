using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverkan.Web.Features.Tasks;

/// <summary>The signed-in person's work list, across every county and body they belong to.</summary>
public sealed class TasksModel(WorkList work) : PageModel
{
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await work.ForAsync(User, HttpContext.RequestAborted);

    public static string KindLabel(string kind) => kind switch
    {
        WorkList.SignMinutes => "Underteckna",
        WorkList.CheckMinutes => "Justera",
        WorkList.PartyDecision => "Partens beslut",
        WorkList.Meeting => "Sammanträde",
        WorkList.GroupReport => "Återrapport",
        WorkList.ExtraMeetingRequest => "Extra sammanträde",
        WorkList.Attention => "Uppmärksamhet",
        _ => kind,
    };
}
