using System.Text.Json;
using System.Text.Json.Serialization;

namespace CouponFunctions.Platforms.Common.Http;

/// <summary>JSON settings for platform payloads: snake_case names, numbers also read from strings, nulls left out.</summary>
internal static class PlatformJson
{
    public static JsonSerializerOptions SnakeCase { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
