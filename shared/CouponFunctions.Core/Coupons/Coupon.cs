using System.Text.Json.Serialization;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons;

/// <summary>One coupon of one store in the unified model that every platform maps into.</summary>
public sealed record Coupon
{
    public required Platform Platform { get; init; }

    /// <summary>The platform's own id of the coupon (voucher_id, id, coupon id, price rule id).</summary>
    public required string PlatformCouponId { get; init; }

    /// <summary>The code buyers type or see; null where the platform has none (for example collectible vouchers).</summary>
    public string? Code { get; init; }

    public required string Name { get; init; }

    public CouponScope Scope { get; init; } = CouponScope.Shop;

    public required RewardType Reward { get; init; }

    /// <summary>Money off for fixed-amount coupons, in <see cref="Currency"/>.</summary>
    public decimal? DiscountAmount { get; init; }

    /// <summary>Percent off (or coin cashback percent), 0–100.</summary>
    public decimal? Percentage { get; init; }

    /// <summary>The largest discount a percentage coupon gives; null means no cap, or not known yet when
    /// <see cref="Unknown"/> has <see cref="UnknownCouponFields.MaxDiscount"/>.</summary>
    public decimal? MaxDiscount { get; init; }

    /// <summary>The order value the coupon needs (0 = none); null while it is not known (see <see cref="Unknown"/>).</summary>
    public decimal? MinSpend { get; init; }

    /// <summary>How many can be claimed or used in all; null where the platform sets no limit.</summary>
    public int? TotalQuantity { get; init; }

    public int? ClaimedCount { get; init; }

    public int? UsedCount { get; init; }

    public int? PerBuyerLimit { get; init; }

    public DateTimeOffset? ClaimStart { get; init; }

    public DateTimeOffset? ClaimEnd { get; init; }

    public required DateTimeOffset ValidFrom { get; init; }

    public required DateTimeOffset ValidTo { get; init; }

    public required string Currency { get; init; }

    public required CouponStatus Status { get; init; }

    /// <summary>The status exactly as the platform gave it (or as derived, for Shopee, which has none).</summary>
    public required string RawStatus { get; init; }

    /// <summary>The platform's ids of the products a product-scope coupon applies to (Shopee item_id, Lazada sku_id).</summary>
    public IReadOnlyList<string> ProductIds { get; init; } = [];

    /// <summary>
    /// Fields the platform has not told us yet: unknown is not zero. Shopee's voucher list, for one, carries no minimum
    /// spend, cap or items; sync reads them from the voucher's detail. Left out of the JSON when none, so coupons of
    /// platforms whose list is complete keep their stored shape (and content hash).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public UnknownCouponFields Unknown { get; init; }

    [JsonIgnore]
    public bool IsMinSpendKnown => MinSpend is not null && (Unknown & UnknownCouponFields.MinSpend) == 0;

    [JsonIgnore]
    public bool IsMaxDiscountKnown => (Unknown & UnknownCouponFields.MaxDiscount) == 0;

    [JsonIgnore]
    public bool AreProductsKnown => (Unknown & UnknownCouponFields.Products) == 0;

    /// <summary>The platform's own fields, kept for display in the detail view.</summary>
    public IReadOnlyDictionary<string, string> PlatformFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Stock left to claim or use: total less what is claimed (or used where claims are unknown).</summary>
    public int? RemainingQuantity =>
        TotalQuantity is { } total ? Math.Max(0, total - (ClaimedCount ?? UsedCount ?? 0)) : null;
}

/// <summary>Coupon fields a platform's listing left out, to be read from the coupon's detail.</summary>
[Flags]
public enum UnknownCouponFields
{
    None = 0,
    MinSpend = 1,
    MaxDiscount = 2,
    Products = 4,
}
