using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.Tests.Support;

internal static class Json
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GetJsonAsync(this HttpClient client, string url) => client.GetFromJsonAsync<JsonElement>(url);

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
