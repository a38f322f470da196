namespace CouponFunctions.Core.Coupons;

/// <summary>The normalised status of a coupon across platforms; the raw platform status is kept beside it.</summary>
public enum CouponStatus
{
    Upcoming,
    Ongoing,
    Paused,
    Ended,
    Deactivated,
}

/// <summary>What a coupon takes off.</summary>
public enum RewardType
{
    FixedAmount,
    Percentage,
    CoinCashback,
}

/// <summary>Whether a coupon applies to the whole shop or to listed products.</summary>
public enum CouponScope
{
    Shop,
    Product,
}
