using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>TikTok Shop coupon facts. Coupons are read-only through the API (platform-apis.md §3), so these rules serve
/// inspections and templates an operator re-creates in Seller Center; most come from product-anchors.md A5 [P1].</summary>
internal static class TikTokRules
{
    public static PlatformRules Build(Site site, RuleCatalogOptions options) => new()
    {
        Platform = Platform.TikTok,
        Site = site,
        DisplayName = "TikTok Shop",
        CouponNoun = "coupon",
        Capabilities = PlatformCapabilities.TikTok,
        // platform-apis.md §3 coupon fields: discount.type AMOUNT_OFF | PERCENT_OFF.
        Rewards = new HashSet<RewardType> { RewardType.FixedAmount, RewardType.Percentage },
        // platform-apis.md §3: promo_code "letters/digits, 6–12 chars"; product-anchors.md A5 [P1]: "2–8 characters".
        // The sources conflict (UNCERTAIN); the default 6–8 satisfies both and is configurable. Only PROMO_CODE coupons have one.
        Code = new CodeRules(CodeRequirement.Optional, options.TikTokPromoCodeMinLength, options.TikTokPromoCodeMaxLength,
            "^[0-9A-Za-z]+$", "letters A–Z, a–z and digits 0–9"),
        NameMaxLength = PlatformRuleCatalog.NameMaxLength(options, Platform.TikTok),
        // platform-apis.md §3 CreateActivity: begin_time > now.
        MinLeadTime = TimeSpan.Zero,
        // product-anchors.md A5 [P1]: promo codes are valid from 10 minutes to 365 days.
        MinDuration = TimeSpan.FromMinutes(10),
        MaxDuration = DurationLimit.OfDays(365),
        // product-anchors.md A5 [P1]: 5–50% (to widen to 90%; configurable).
        MinPercentage = options.TikTokMinPercentage,
        MaxPercentage = options.TikTokMaxPercentage,
        WholePercentagesOnly = false,
        SiteDiscountCapPercent = PlatformRuleCatalog.SiteCap(options, Platform.TikTok, site),
        MinDiscountDepthPercent = null,
        // product-anchors.md A5 [P1]: at least $0.50 off.
        MinFixedDiscount = options.TikTokMinDiscountAmount,
        // platform-apis.md §3 "Region rules": money strings with at most 2 decimals; 0 where the currency has none.
        CurrencyDecimals = PlatformRuleCatalog.Decimals(options, Platform.TikTok, site, Math.Min(2, site.CurrencyDecimals)),
        MinSpendMustExceedFixedDiscount = false,
        CapMustExceedDiscountAtMinSpend = false,
        MaxTotalQuantity = PlatformRuleCatalog.MaxQuantity(options, Platform.TikTok),
        // product-anchors.md A5 [P1]: a promo code covers 1–1,000 products.
        MaxProducts = 1000,
        MaxActiveCouponsPerStore = null,
        // product-anchors.md A5 [P1]: a running promo code can only be extended or given more uses.
        QuantityOnlyUp = true,
        RunningEndDirection = EndTimeDirection.LaterOnly,
        MinSpendFixedOnceSet = false,
    };
}
