using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>A demo store the sandboxes now hold, with fresh tokens: what the handler needs to create the tenant's store.</summary>
/// <param name="Key">Stable across runs and a valid store id (<c>demo-shopee-sg</c>), so a restart finds the same store.</param>
/// <param name="ShopId">The platform's shop id (Shopee shop_id, Lazada seller id, TikTok shop id, SHOPLINE handle).</param>
/// <param name="TimeZoneId">The IANA zone of the site, in which "today" and the inspection slots are computed.</param>
/// <param name="Credentials">Tokens the sandbox issued just now (TikTok: with the shop cipher).</param>
public sealed record DemoStore(
    string Key,
    Platform Platform,
    string Site,
    string ShopId,
    string DisplayName,
    string TimeZoneId,
    StoreCredentials Credentials,
    int CouponCount);

/// <summary>The outcome of <see cref="DemoData.Seed"/>: every demo store, in a fixed order.</summary>
/// <param name="SeededAt">The <c>now</c> the coupons' times were planned from.</param>
public sealed record DemoSeed(DateTimeOffset SeededAt, IReadOnlyList<DemoStore> Stores)
{
    public int CouponCount => Stores.Sum(s => s.CouponCount);
}

/// <summary>One usage or claim count moved by <see cref="DemoData.Advance"/>.</summary>
/// <param name="CouponId">The platform's own id (voucher_id, Lazada voucher id, TikTok coupon id, SHOPLINE price rule id).</param>
/// <param name="Quantity">The coupon's total; null when unlimited.</param>
public sealed record DemoUsageChange(Platform Platform, string ShopId, string CouponId, int Before, int After, int? Quantity)
{
    /// <summary>This change took the last unit of stock.</summary>
    public bool StockedOut => Quantity is { } total && After >= total && Before < total;
}

/// <summary>What one <see cref="DemoData.Advance"/> did.</summary>
/// <param name="Tick">1 for the first advance after seeding, and so on; 0 when nothing was seeded yet.</param>
public sealed record DemoAdvance(int Tick, IReadOnlyList<DemoUsageChange> Changes)
{
    public static DemoAdvance None { get; } = new(0, []);
}
