namespace CouponFunctions.Core.Stores;

/// <summary>The marketplaces and storefronts a store can live on.</summary>
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
