using System.Globalization;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Benchmarks.Platforms;

/// <summary>The QPS limits of one platform, set identically on the sandbox's throttle and on the connector.</summary>
internal sealed record PlatformLimits(Platform Platform, double AppQps, double ShopQps);

/// <summary>
/// The shape of the listing run. Defaults: 100 stores (25 per platform) of 1,000 coupons, every platform at 500 calls/s
/// per app and 20 per shop. Why those limits: TikTok Shop lists each coupon's detail for its claim counts
/// (FetchUsageStats, on as in the product) and SHOPLINE reads each rule's discount codes, so a store costs them about
/// 1,020 and 1,011 calls against about 10 (Shopee, 100 a page, per status) and 23 (Lazada, 50 a page, per type and
/// status). At 20 per shop a TikTok store needs 51 s and 25 of them at 500 per app need the same 51 s: the app and
/// shop limits bind together, and the two heavy platforms keep the sandbox busy at about 1,000 calls/s, which two cores
/// serve beside the connectors. Overrides for experiments: COUPONFUNCTIONS_BENCH_STORES (per platform),
/// COUPONFUNCTIONS_BENCH_COUPONS, COUPONFUNCTIONS_BENCH_APP_QPS, COUPONFUNCTIONS_BENCH_SHOP_QPS.
/// </summary>
internal sealed record ListingSetup(int StoresPerPlatform, int CouponsPerStore, IReadOnlyList<PlatformLimits> Limits)
{
    public static ListingSetup FromEnvironment()
    {
        var app = Number("COUPONFUNCTIONS_BENCH_APP_QPS", 500);
        var shop = Number("COUPONFUNCTIONS_BENCH_SHOP_QPS", 20);
        return new ListingSetup(
            (int)Number("COUPONFUNCTIONS_BENCH_STORES", 25),
            (int)Number("COUPONFUNCTIONS_BENCH_COUPONS", 1_000),
            [.. new[] { Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline }.Select(p => new PlatformLimits(p, app, shop))]);
    }

    public PlatformLimits For(Platform platform) => Limits.Single(l => l.Platform == platform);

    private static double Number(string name, double fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
