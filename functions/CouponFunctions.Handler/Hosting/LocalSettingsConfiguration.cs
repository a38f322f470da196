using System.Text.Json;

namespace CouponFunctions.Handler.Hosting;

/// <summary>
/// Reads the "Values" of local.settings.json (the Functions Core Tools file) so that standalone mode and `func start`
/// share one settings file. Keys use the app-setting form ("A__B" for section A:B), as in Azure.
/// </summary>
internal static class LocalSettingsConfiguration
{
    public static IEnumerable<KeyValuePair<string, string?>> Read(string path)
    {
        if (!File.Exists(path)) yield break;
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object) yield break;
        foreach (var property in values.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            yield return new(property.Name.Replace("__", ":", StringComparison.Ordinal), value);
        }
    }
}
