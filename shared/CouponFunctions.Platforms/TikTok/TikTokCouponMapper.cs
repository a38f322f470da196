using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.TikTok;

/// <summary>Maps TikTok Shop coupons to the unified <see cref="Coupon"/> (read-only: there is no way back).</summary>
internal static class TikTokCouponMapper
{
    public static Coupon ToCoupon(TikTokCoupon coupon, JsonElement raw, string site)
    {
        var percent = coupon.Discount?.Type == "PERCENT_OFF";
        var claim = coupon.ClaimDuration;
        var (validFrom, validTo) = Validity(coupon);
        var currency = coupon.Discount?.ReductionAmount?.Currency ?? coupon.Threshold?.MinSpend?.Currency ?? coupon.Discount?.MaxDiscount?.Currency
            ?? (Sites.TryGet(site, out var known) ? known.Currency : "XXX");
        return new Coupon
        {
            Platform = Platform.TikTok,
            PlatformCouponId = coupon.Id ?? throw new JsonException("A coupon has no id."),
            // Only PROMO_CODE coupons have a code buyers type; the others are collected on the product or shop page.
            Code = string.IsNullOrEmpty(coupon.PromoCode) ? null : coupon.PromoCode,
            Name = coupon.Title ?? string.Empty,
            Scope = coupon.ProductScope == "SPECIFIC_PRODUCTS" ? CouponScope.Product : CouponScope.Shop,
            Reward = percent ? RewardType.Percentage : RewardType.FixedAmount,
            DiscountAmount = percent ? null : coupon.Discount?.ReductionAmount?.Amount,
            Percentage = percent ? coupon.Discount?.Percentage : null,
            MaxDiscount = percent && coupon.Discount?.MaxDiscount?.Amount is > 0 ? coupon.Discount.MaxDiscount.Amount : null,
            MinSpend = coupon.Threshold?.Type == "MIN_SPEND" ? coupon.Threshold.MinSpend?.Amount ?? 0 : 0,
            TotalQuantity = Limit(coupon.UsageLimits?.TotalClaimLimit),
            ClaimedCount = coupon.UsageStats?.ClaimedCount,
            UsedCount = coupon.UsageStats?.RedeemedCount,
            PerBuyerLimit = Limit(coupon.UsageLimits?.SingleBuyerClaimLimit),
            ClaimStart = Time(claim?.StartTime),
            ClaimEnd = Time(claim?.EndTime),
            ValidFrom = validFrom,
            ValidTo = validTo,
            Currency = currency,
            Status = ToStatus(coupon.Status),
            RawStatus = coupon.Status ?? string.Empty,
            ProductIds = coupon.ProductIds ?? [],
            PlatformFields = PlatformJson.Flatten(raw),
        };
    }

    public static CouponStatus ToStatus(string? status) => status switch
    {
        "NOT_START" => CouponStatus.Upcoming,
        "ONGOING" => CouponStatus.Ongoing,
        "EXPIRED" => CouponStatus.Ended,
        "DEACTIVATED" => CouponStatus.Deactivated,
        _ => throw new FormatException($"Unknown TikTok coupon status '{status}'."),
    };

    // ABSOLUTE: the redemption window as given. RELATIVE: each buyer may use the coupon for N days after claiming it, so
    // the coupon can be used from the first claim until N days after the last claim: [claim start, claim end + N days].
    // The per-buyer rule stays visible in PlatformFields ("redemption_duration").
    private static (DateTimeOffset From, DateTimeOffset To) Validity(TikTokCoupon coupon)
    {
        var redemption = coupon.RedemptionDuration;
        var claim = coupon.ClaimDuration;
        if (redemption?.Type == "RELATIVE")
        {
            var from = Time(claim?.StartTime) ?? throw new JsonException("A RELATIVE coupon has no claim_duration.");
            var to = Time(claim?.EndTime) ?? throw new JsonException("A RELATIVE coupon has no claim_duration.");
            return (from, to.AddDays(redemption.RelativeDays ?? 0));
        }
        return (Time(redemption?.StartTime ?? claim?.StartTime) ?? throw new JsonException("A coupon has no start time."),
            Time(redemption?.EndTime ?? claim?.EndTime) ?? throw new JsonException("A coupon has no end time."));
    }

    // TikTok uses -1 (or absence) for "no limit".
    private static int? Limit(int? value) => value is > 0 ? value : null;

    private static DateTimeOffset? Time(long? unixSeconds) => unixSeconds is > 0 ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds.Value) : null;
}
