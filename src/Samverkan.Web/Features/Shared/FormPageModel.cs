using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Shared;

/// <summary>A page with forms that change something: runs the change and shows a refusal beside its form.</summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>The form whose change was refused, the item it concerns (a step, a row) and why.</summary>
    public (string Form, Guid? Item, ChangeFailure Failure)? Refusal { get; private set; }

    /// <summary>Every message of a refused form, to show beside it; empty for the other forms.</summary>
    public IReadOnlyList<string> ErrorsFor(string form, Guid? item = null) =>
        Refusal is { } r && r.Form == form && r.Item == item ? r.Failure.Messages.ToList() : [];

    /// <summary>The message about one field of a refused form, to show beside that field.</summary>
    public string? FieldError(string form, string field, Guid? item = null) =>
        Refusal is { } r && r.Form == form && r.Item == item && r.Failure.Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>
    /// The one way a form changes something: runs the area's use case; when it succeeds, answers with
    /// <paramref name="done"/> (a redirect, post-redirect-get); when it is refused, forgets the unsaved change, reads
    /// the page again with <paramref name="reload"/> and shows the refusal beside the form with the status the API
    /// gives for the same input (400, 409 or 422).
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(string form, Func<CancellationToken, Task> change, Func<IActionResult> done, Func<Task> reload, Guid? item = null)
    {
        try
        {
            await change(HttpContext.RequestAborted);
            return done();
        }
        catch (Exception e) when (ChangeFailure.From(e) is { } failure)
        {
            HttpContext.RequestServices.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
            await reload();
            Refusal = (form, item, failure);
            Response.StatusCode = failure.Status;
            return Page();
        }
    }
}
