using System.Globalization;
using System.Text.Json;

namespace CouponFunctions.Platforms.Lazada;

/// <summary>
/// Tolerant field reading for Lazada answers. The docs type numbers as Number but their own samples send every value as a
/// string, and absent values as the string "null" (/promotion/vouchers/get sample); we accept all three shapes.
/// </summary>
internal static class LazadaJson
{
    public static string? String(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) || text == "null" ? null : text;
    }

    public static decimal? Decimal(JsonElement parent, string name) =>
        String(parent, name) is { } text
            ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"Lazada field {name} is not a number.")
            : null;

    public static long? Long(JsonElement parent, string name) =>
        String(parent, name) is { } text
            ? long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"Lazada field {name} is not an integer.")
            : null;

    public static int? Int(JsonElement parent, string name) => Long(parent, name) is { } value ? checked((int)value) : null;

    /// <summary>True only for an explicit <c>false</c> (boolean or string).</summary>
    public static bool IsFalse(JsonElement parent, string name) =>
        String(parent, name) is { } text && string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer's <c>data</c> member.</summary>
    public static JsonElement Data(JsonElement envelope) =>
        envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("data", out var data)
            ? data
            : throw new JsonException("The answer has no \"data\".");

    /// <summary>Decimal text without trailing zeros or exponent, as Lazada's string money fields take it ("12.5", "100").</summary>
    public static string Money(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
