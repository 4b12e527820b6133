using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverkan.Web.Features;

[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Något gick fel";

    public string Message { get; private set; } = "Ett oväntat fel inträffade. Inga ändringar sparades.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Message) = code switch
        {
            403 => ("Åtkomst nekad", "Du har inte behörighet till den här sidan eller de här uppgifterna."),
            404 => ("Sidan finns inte", "Det du sökte finns inte, eller så har det tagits bort."),
            409 => ("Samtidig ändring", "Någon annan har ändrat uppgifterna under tiden. Gå tillbaka, läs in sidan igen och gör om ändringen."),
            400 => ("Felaktig begäran", "Begäran kunde inte behandlas. Gå tillbaka och försök igen."),
            _ => (Heading, Message),
        };
        if (code == 422)
        {
            (Heading, Message) = ("Det gick inte att genomföra", "Uppgifterna bryter mot en regel.");
        }

        if (HttpContext.Items[Infrastructure.ProblemDetailsExceptionHandler.ProblemDetailKey] is string detail)
        {
            Message = detail;
        }

        if (code is { } status)
        {
            Response.StatusCode = status;
        }
    }
}
