namespace Samverkan.Web.Infrastructure;

/// <summary>
/// The API's one spelling of enum values, the same as the JSON converter writes and the OpenAPI document states: the
/// value's name ("Adopted", "MandatoryItem"). Reading accepts any case.
/// </summary>
public static class ApiText
{
    public static string Of<T>(T value)
        where T : struct, Enum => value.ToString();
}
