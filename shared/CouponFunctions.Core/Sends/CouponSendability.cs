using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sends;

/// <summary>
/// Which coupons can be handed out in a message, per platform, and whether one still can be at a given time. A coupon is
/// "claimable" when a customer who receives the message can get it outside the platform's own placements:
/// <list type="bullet">
/// <item>Shopee: a shop or product voucher with a code, made by the shop (is_admin vouchers belong to Shopee campaigns).
/// Hidden vouchers (display_channel_list []) are the usual choice: they are meant to be shared by code.</item>
/// <item>Lazada: a code voucher (typed at checkout), or a collectible voucher shown in the regular channel or made for
/// off-platform distribution (display_area REGULAR_CHANNEL or OFFLINE). Store-follower, live-stream and CEM (chat)
/// vouchers need the customer to be in that place on Lazada and are refused.</item>
/// <item>TikTok Shop: PROMO_CODE coupons (typed at checkout) and REGULAR coupons (collected on the shop or product page);
/// LIVE, CREATOR_EXCLUSIVE and CHAT coupons are only collectible there.</item>
/// <item>SHOPLINE: a price rule with a discount code (customers type it at checkout).</item>
/// </list>
/// </summary>
public static class CouponSendability
{
    /// <summary>Null when the coupon's kind can be sent, else why not.</summary>
    public static string? KindRefusal(Coupon coupon)
    {
        string? Field(string name) => coupon.PlatformFields.TryGetValue(name, out var value) ? value : null;
        switch (coupon.Platform)
        {
            case Platform.Shopee:
                if (Field("is_admin") == "true") return "This Shopee voucher was made by Shopee (a campaign or admin voucher), not by the shop; it cannot be handed out.";
                return string.IsNullOrEmpty(coupon.Code) ? "This Shopee voucher has no code to hand out." : null;
            case Platform.Lazada:
                if (!string.IsNullOrEmpty(coupon.Code) && Field("voucher_type") == "CODE_VOUCHER") return null;
                return Field("display_area") switch
                {
                    null or "" or "REGULAR_CHANNEL" or "OFFLINE" => null,
                    var area => $"This Lazada voucher is shown only in {area}; customers cannot collect it from a message.",
                };
            case Platform.TikTok:
                return Field("display_type") switch
                {
                    null or "" or "REGULAR" => null,
                    "PROMO_CODE" => string.IsNullOrEmpty(coupon.Code) ? "This TikTok Shop promo-code coupon has no code." : null,
                    var type => $"TikTok Shop {type} coupons can be collected only in that place on TikTok, not from a message.",
                };
            case Platform.Shopline:
                return string.IsNullOrEmpty(coupon.Code) ? "This SHOPLINE price rule has no discount code to hand out." : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(coupon), coupon.Platform, null);
        }
    }

    /// <summary>Null when the coupon is alive at <paramref name="at"/> (not ended, deactivated or paused; claims open), else why not.</summary>
    public static string? LifeRefusal(Coupon coupon, DateTimeOffset at)
    {
        if (coupon.Status is CouponStatus.Ended or CouponStatus.Deactivated) return $"The coupon has {(coupon.Status == CouponStatus.Ended ? "ended" : "been deactivated")}.";
        if (coupon.Status == CouponStatus.Paused) return "The coupon is paused on its platform; resume it first.";
        if (coupon.ValidTo <= at) return "The coupon will have ended by the send time.";
        if (coupon.ClaimEnd is { } claimEnd && claimEnd <= at) return "Claims of the coupon will have closed by the send time.";
        if (coupon.ClaimStart is { } claimStart && claimStart > at) return "Claims of the coupon open only after the send time.";
        return null;
    }
}
