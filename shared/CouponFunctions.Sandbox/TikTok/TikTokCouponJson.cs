using System.Globalization;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>A sandbox coupon in TikTok's wire shape: money as {amount, currency} strings, times in Unix seconds.</summary>
internal static class TikTokCouponJson
{
    public static Dictionary<string, object?> Write(TikTokSandboxCoupon c, string region, DateTimeOffset now, bool withStats)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = c.CouponId,
            ["title"] = c.Title,
            ["status"] = c.StatusAt(now),
            ["discount"] = c.DiscountType == "AMOUNT_OFF"
                ? new Dictionary<string, object?> { ["type"] = "AMOUNT_OFF", ["reduction_amount"] = Money(c.ReductionAmount, region) }
                : new Dictionary<string, object?>
                {
                    ["type"] = "PERCENT_OFF",
                    ["percentage"] = c.Percentage.ToString(CultureInfo.InvariantCulture),
                    ["max_discount"] = c.MaxDiscount is { } cap ? Money(cap, region) : null,
                },
            ["threshold"] = c.MinSpend is { } spend
                ? new Dictionary<string, object?> { ["type"] = "MIN_SPEND", ["min_spend"] = Money(spend, region) }
                : new Dictionary<string, object?> { ["type"] = "NONE" },
            ["product_scope"] = c.ProductIds.Count > 0 ? "SPECIFIC_PRODUCTS" : "FULL_SHOP",
            ["product_ids"] = c.ProductIds.Count > 0 ? c.ProductIds : null,
            ["display_type"] = c.DisplayType,
            ["promo_code"] = c.PromoCode,
            ["claim_duration"] = Period(c.ClaimStart, c.ClaimEnd),
            ["redemption_duration"] = c.RelativeDays is { } days
                ? new Dictionary<string, object?> { ["type"] = "RELATIVE", ["relative_days"] = days }
                : new Dictionary<string, object?> { ["type"] = "ABSOLUTE", ["start_time"] = c.RedemptionStart!.Value.ToUnixTimeSeconds(), ["end_time"] = c.RedemptionEnd!.Value.ToUnixTimeSeconds() },
            ["usage_limits"] = new Dictionary<string, object?>
            {
                ["total_claim_limit"] = c.TotalClaimLimit ?? -1,
                ["single_buyer_claim_limit"] = c.SingleBuyerClaimLimit ?? -1,
                ["redemption_limit"] = c.RedemptionLimit,
            },
        };
        // usage_stats only come with GetCoupon, never with SearchCoupons.
        if (withStats) json["usage_stats"] = new Dictionary<string, object?> { ["claimed_count"] = c.ClaimedCount, ["redeemed_count"] = c.RedeemedCount };
        return json;
    }

    private static Dictionary<string, object?> Money(decimal amount, string region) => new()
    {
        ["amount"] = amount.ToString("F" + TikTokCouponRules.Decimals(region), CultureInfo.InvariantCulture),
        ["currency"] = TikTokCouponRules.Currency(region),
    };

    private static Dictionary<string, object?> Period(DateTimeOffset start, DateTimeOffset end) =>
        new() { ["start_time"] = start.ToUnixTimeSeconds(), ["end_time"] = end.ToUnixTimeSeconds() };
}
