using CouponFunctions.Core.Stores;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>One demo store as planned: which platform, site and shop, and the products its product-scoped coupons use.</summary>
/// <param name="Number">1-based and fixed: it seeds the store's choices and prefixes its coupon ids.</param>
internal sealed record DemoStoreSpec(int Number, Platform Platform, string Site, string ShopId, string DisplayName, string BrandTag)
{
    public string Key => $"demo-{Platform.ToWire()}-{Site.ToLowerInvariant()}";

    public Site SiteInfo => Sites.Get(Site);

    /// <summary>The store's product (item, SKU) ids, from which product-scoped coupons pick.</summary>
    public IReadOnlyList<long> ProductIds { get; } =
        [.. Enumerable.Range(1, 12).Select(j => 1_720_000_000_000L + Number * 1_000L + j)];
}

/// <summary>
/// The demo tenant's stores: two brands (a beauty and a home brand) on four platforms in several countries, the way
/// the operators this product is for run them. Shop ids are fixed so that a restart reseeds the same stores.
/// </summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<DemoStoreSpec> Stores { get; } =
    [
        new(1, Platform.Shopee, "SG", "880100001", "Mira Beauty Official SG", "MIRA"),
        new(2, Platform.Shopee, "TH", "880100002", "Hausly Home Official TH", "HAUS"),
        new(3, Platform.Shopee, "VN", "880100003", "Mira Beauty Chính Hãng VN", "MIRA"),
        new(4, Platform.Shopee, "PH", "880100004", "Hausly Home PH", "HAUS"),
        new(5, Platform.Lazada, "MY", "200100001", "Mira Beauty LazMall MY", "MIRA"),
        new(6, Platform.Lazada, "PH", "200100002", "Hausly Home LazMall PH", "HAUS"),
        new(7, Platform.Lazada, "TH", "200100003", "Hausly Home Lazada TH", "HAUS"),
        new(8, Platform.Lazada, "ID", "200100004", "Mira Beauty Official Store ID", "MIRA"),
        new(9, Platform.TikTok, "SG", "7495100000000000001", "Mira Beauty SG · TikTok Shop", "MIRA"),
        new(10, Platform.TikTok, "MY", "7495100000000000002", "Mira Beauty MY · TikTok Shop", "MIRA"),
        new(11, Platform.TikTok, "TH", "7495100000000000003", "Hausly Home TH · TikTok Shop", "HAUS"),
        new(12, Platform.Shopline, "TW", "mira-beauty-tw", "Mira Beauty 台灣官方網店", "MIRA"),
        new(13, Platform.Shopline, "HK", "mira-beauty-hk", "Mira Beauty 香港官方網店", "MIRA"),
    ];
}
