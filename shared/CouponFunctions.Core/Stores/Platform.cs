namespace CouponFunctions.Core.Stores;

/// <summary>The marketplaces and storefronts a store can live on.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PlatformJsonConverter))]
public enum Platform
{
    Shopee,
    Lazada,
    TikTok,
    Shopline,
}

/// <summary>Platform names as they appear in the API, tables and files (lower case).</summary>
public static class PlatformNames
{
    public static string ToWire(this Platform platform) => platform switch
    {
        Platform.Shopee => "shopee",
        Platform.Lazada => "lazada",
        Platform.TikTok => "tiktok",
        Platform.Shopline => "shopline",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static bool TryParse(string? value, out Platform platform)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "shopee": platform = Platform.Shopee; return true;
            case "lazada": platform = Platform.Lazada; return true;
            case "tiktok": platform = Platform.TikTok; return true;
            case "shopline": platform = Platform.Shopline; return true;
            default: platform = default; return false;
        }
    }

    public static IReadOnlyList<string> All { get; } = ["shopee", "lazada", "tiktok", "shopline"];
}

/// <summary>Platforms are written in JSON by their wire names ("tiktok", not "tikTok"), everywhere.</summary>
public sealed class PlatformJsonConverter : System.Text.Json.Serialization.JsonConverter<Platform>
{
    public override Platform Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        PlatformNames.TryParse(reader.GetString(), out var platform) ? platform : throw new System.Text.Json.JsonException($"Platform must be one of: {string.Join(", ", PlatformNames.All)}.");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, Platform value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());

    // Platforms also key maps (a template's per-platform overrides), by the same wire names.
    public override Platform ReadAsPropertyName(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(System.Text.Json.Utf8JsonWriter writer, Platform value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToWire());
}
