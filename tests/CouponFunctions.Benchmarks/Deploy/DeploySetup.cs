using System.Globalization;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Benchmarks.Deploy;

/// <summary>
/// The shape of the deploy and bulk-action run: 25 stores per platform (100 in all) of 100 coupons (10,000), every
/// platform at 100 calls/s per app and 10 per shop, set identically on the sandboxes and the connectors. Overrides (a
/// smaller run proves the suite; the full one is for a quiet machine): COUPONFUNCTIONS_BENCH_STORES (per platform),
/// COUPONFUNCTIONS_BENCH_COUPONS (per store), COUPONFUNCTIONS_BENCH_APP_QPS, COUPONFUNCTIONS_BENCH_SHOP_QPS.
/// </summary>
internal sealed record DeploySetup(ListingSetup Fleet)
{
    public static DeploySetup FromEnvironment()
    {
        var app = Number("COUPONFUNCTIONS_BENCH_APP_QPS", 100);
        var shop = Number("COUPONFUNCTIONS_BENCH_SHOP_QPS", 10);
        return new DeploySetup(new ListingSetup(
            (int)Number("COUPONFUNCTIONS_BENCH_STORES", 25),
            (int)Number("COUPONFUNCTIONS_BENCH_COUPONS", 100),
            [.. new[] { Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline }.Select(p => new PlatformLimits(p, app, shop))]));
    }

    public int Stores => Fleet.StoresPerPlatform * Fleet.Limits.Count;

    private static double Number(string name, double fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
