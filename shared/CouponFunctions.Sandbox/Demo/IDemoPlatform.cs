using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>A coupon's stock as its sandbox holds it now.</summary>
/// <param name="Taken">Claims (TikTok) or uses (the others): what consumes <see cref="Quantity"/>.</param>
/// <param name="Quantity">Null when unlimited.</param>
internal readonly record struct DemoStock(int Taken, int? Quantity, int Redeemed);

/// <summary>One platform's side of the demo: turns planned coupons into its sandbox's records, through the sandbox's own seeding API.</summary>
internal interface IDemoPlatform
{
    Platform Platform { get; }

    /// <summary>Registers the app the connector is configured with (the same key and secret, so signatures verify).</summary>
    void RegisterApp(DemoCredentials credentials);

    /// <summary>Whether the sandbox already holds the store's demo coupons (seeded earlier in this process).</summary>
    bool IsSeeded(DemoStoreSpec store, DemoCoupon first);

    /// <summary>Adds the shop, linked to the app, with its products and coupons.</summary>
    void Seed(DemoStoreSpec store, IReadOnlyList<DemoCoupon> coupons, DemoCredentials credentials);

    StoreCredentials IssueTokens(DemoStoreSpec store, DemoCredentials credentials);

    /// <summary>The platform's own id of a planned coupon.</summary>
    string CouponId(DemoStoreSpec store, DemoCoupon coupon);

    /// <summary>The coupon's stock if it is running at <paramref name="now"/>; null when it is not (or is gone).</summary>
    DemoStock? ReadStock(DemoStoreSpec store, DemoCoupon coupon, DateTimeOffset now);

    void WriteStock(DemoStoreSpec store, DemoCoupon coupon, DemoStock stock);
}
