using System.Globalization;
using System.Text.Json;

namespace CouponFunctions.Handler.Protocol;

/// <summary>
/// Reads values the Functions host put in a payload. The host serializes strings and numbers with
/// JsonConvert.SerializeObject and then puts that text inside a JSON string, so "abc" can arrive as "\"abc\"" and
/// 3 as "3" (azure.md §1.4). Every reader here accepts the clean and the double-encoded forms.
/// </summary>
internal static class BindingValue
{
    public static string? AsString(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                return TryUnwrapJsonString(text, out var inner) ? inner : text;
            default:
                return value.GetRawText();
        }
    }

    public static long? AsInt64(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
        return long.TryParse(AsString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static bool? AsBoolean(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        return bool.TryParse(AsString(value), out var parsed) ? parsed : null;
    }

    public static DateTimeOffset? AsDateTimeOffset(JsonElement value) =>
        DateTimeOffset.TryParse(AsString(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;

    /// <summary>Parses a binding value that holds JSON: an object, a JSON text in a string, or that text encoded once more.</summary>
    public static T? AsJson<T>(JsonElement value, JsonSerializerOptions options)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return value.Deserialize<T>(options);
        var text = AsString(value);
        return text is null ? default : JsonSerializer.Deserialize<T>(text, options);
    }

    private static bool TryUnwrapJsonString(string text, out string inner)
    {
        inner = text;
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return false;
        try
        {
            inner = JsonSerializer.Deserialize<string>(text)!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
