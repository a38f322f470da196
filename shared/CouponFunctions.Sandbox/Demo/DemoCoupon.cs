using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>The state a demo coupon is planned to show (what the inspections and the list should make visible).</summary>
internal enum DemoCouponKind
{
    Upcoming,
    Ongoing,
    StockOut,
    LowStock,
    ExpiringToday,
    ExpiringSoon,
    Paused,
    Deactivated,
    Ended,
    OverCap,
    LossRisk,
    Unreachable,
    LowClaimsHighUsage,
    HighClaimsLowUsage,
}

/// <summary>How buyers get the coupon; each platform maps it to its own display or voucher type.</summary>
internal enum DemoChannel
{
    Regular,
    Follower,
    Live,
    Code,
}

/// <summary>A platform-neutral demo coupon; each platform's seeder turns it into that sandbox's record.</summary>
/// <param name="Taken">What consumes stock: claims on TikTok, uses elsewhere (Shopee current_usage, Lazada order_used_budget, SHOPLINE usage_count).</param>
/// <param name="Redeemed">TikTok only: claims that were used (never above <see cref="Taken"/>).</param>
/// <param name="Quantity">Total; null = unlimited (SHOPLINE only).</param>
/// <param name="End">Null = runs until stopped (SHOPLINE only).</param>
internal sealed record DemoCoupon(
    int Index,
    DemoCouponKind Kind,
    string Name,
    string Code,
    DemoChannel Channel,
    RewardType Reward,
    decimal Amount,
    decimal Percentage,
    decimal? Cap,
    decimal MinSpend,
    DateTimeOffset Start,
    DateTimeOffset? End,
    int? Quantity,
    int Taken,
    int Redeemed,
    int PerBuyer,
    IReadOnlyList<long> ProductIds)
{
    public bool ProductScope => ProductIds.Count > 0;

    /// <summary>Coupons whose counts <see cref="DemoData.Advance"/> moves: the ordinary running ones, not the showcases.</summary>
    public bool Advances => Kind is DemoCouponKind.Ongoing or DemoCouponKind.LowStock;
}
