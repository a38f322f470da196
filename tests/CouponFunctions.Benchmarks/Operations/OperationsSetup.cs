using System.Globalization;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// The shape of the sync/list/inspect run: the listing benchmark's fleet (25 stores per platform × 1,000 coupons) with
/// 500 calls/s per app and 50 per shop on every platform, and 48 sync messages in flight (the Functions host runs
/// batchSize 16 + newBatchThreshold 8 = 24 per instance by default; two instances' worth is a modest scale-out).
/// At 50 per shop the app limits bind: TikTok's and SHOPLINE's 25 stores each need about 25,500 calls, 51 s at 500/s,
/// which takes 10 of a platform's stores at once (40 in all): 32 in flight could never reach the bound.
/// Overrides: COUPONFUNCTIONS_BENCH_STORES (per platform), COUPONFUNCTIONS_BENCH_COUPONS, COUPONFUNCTIONS_BENCH_APP_QPS,
/// COUPONFUNCTIONS_BENCH_SHOP_QPS, COUPONFUNCTIONS_BENCH_CONCURRENCY, COUPONFUNCTIONS_BENCH_LIST_REQUESTS.
/// </summary>
internal sealed record OperationsSetup(ListingSetup Fleet, int Concurrency, int ListRequests, int DirectQueries)
{
    public static OperationsSetup FromEnvironment()
    {
        var app = Number("COUPONFUNCTIONS_BENCH_APP_QPS", 500);
        var shop = Number("COUPONFUNCTIONS_BENCH_SHOP_QPS", 50);
        var fleet = new ListingSetup(
            (int)Number("COUPONFUNCTIONS_BENCH_STORES", 25),
            (int)Number("COUPONFUNCTIONS_BENCH_COUPONS", 1_000),
            [.. new[] { Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline }.Select(p => new PlatformLimits(p, app, shop))]);
        return new OperationsSetup(fleet, (int)Number("COUPONFUNCTIONS_BENCH_CONCURRENCY", 48), (int)Number("COUPONFUNCTIONS_BENCH_LIST_REQUESTS", 200), 5);
    }

    private static double Number(string name, double fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
