namespace CouponFunctions.Core.Stores;

/// <summary>Which sites each platform operates, for store validation.</summary>
public static class PlatformSites
{
    // Shopee: SEA + TW + BR/MX (platform-apis.md §1 region rules); Lazada: its six country gateways (§2);
    // TikTok Shop: SEA + GB/US (§3 region rules); SHOPLINE: storefronts anywhere we know a currency for.
    private static readonly Dictionary<Platform, string[]> Supported = new()
    {
        [Platform.Shopee] = ["SG", "MY", "PH", "TH", "VN", "ID", "TW", "BR", "MX"],
        [Platform.Lazada] = ["SG", "MY", "PH", "TH", "VN", "ID"],
        [Platform.TikTok] = ["SG", "MY", "PH", "TH", "VN", "ID", "GB", "US"],
        [Platform.Shopline] = Sites.Known.Select(s => s.Code).ToArray(),
    };

    public static IReadOnlyList<string> For(Platform platform) => Supported[platform];

    public static bool Operates(Platform platform, string site) =>
        Supported[platform].Contains(site, StringComparer.OrdinalIgnoreCase);
}
