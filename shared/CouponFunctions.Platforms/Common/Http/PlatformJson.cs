using System.Text.Json;
using System.Text.Json.Serialization;

namespace CouponFunctions.Platforms.Common.Http;

/// <summary>JSON settings for platform payloads (snake_case names, numbers also read from strings, nulls left out), and
/// the flattening of a raw payload into a coupon's <c>PlatformFields</c>.</summary>
internal static class PlatformJson
{
    public static JsonSerializerOptions SnakeCase { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The top-level fields of a raw object as text: strings as they are, null as empty, anything else as its JSON.</summary>
    public static Dictionary<string, string> Flatten(JsonElement raw)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (raw.ValueKind != JsonValueKind.Object) return fields;
        foreach (var property in raw.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                JsonValueKind.Null => string.Empty,
                _ => property.Value.GetRawText(),
            };
        }
        return fields;
    }
}
