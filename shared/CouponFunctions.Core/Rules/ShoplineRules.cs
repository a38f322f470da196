using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>SHOPLINE price rule and discount code facts (platform-apis.md §4). The field list is itself UNCERTAIN
/// ("look like Shopify's"), so these rules stay loose: only what every coupon needs.</summary>
internal static class ShoplineRules
{
    public static PlatformRules Build(Site site, RuleCatalogOptions options) => new()
    {
        Platform = Platform.Shopline,
        Site = site,
        DisplayName = "SHOPLINE",
        CouponNoun = "discount",
        Capabilities = PlatformCapabilities.Shopline,
        // platform-apis.md §4.1 automatic discounts value_type fixed_amount | percentage.
        Rewards = new HashSet<RewardType> { RewardType.FixedAmount, RewardType.Percentage },
        // platform-apis.md §4.1: POST …/discount_codes.json {"discount_code":{"code"}}. Format and length UNCERTAIN:
        // we only refuse whitespace, with Shopify's 255-character limit.
        Code = new CodeRules(CodeRequirement.Required, 1, 255, @"^\S+$", "any characters except spaces"),
        NameMaxLength = PlatformRuleCatalog.NameMaxLength(options, Platform.Shopline),
        // UNCERTAIN: Shopify-like price rules accept a starts_at in the past.
        MinLeadTime = null,
        MinDuration = TimeSpan.Zero,
        MaxDuration = null,
        MinPercentage = 1m,
        MaxPercentage = 100m,
        WholePercentagesOnly = false,
        SiteDiscountCapPercent = PlatformRuleCatalog.SiteCap(options, Platform.Shopline, site),
        MinDiscountDepthPercent = null,
        MinFixedDiscount = 0m,
        // platform-apis.md §4.2: TWD/JPY have no decimals [S31]; otherwise the currency's minor units.
        CurrencyDecimals = PlatformRuleCatalog.Decimals(options, Platform.Shopline, site, site.CurrencyDecimals),
        MinSpendMustExceedFixedDiscount = false,
        CapMustExceedDiscountAtMinSpend = false,
        MaxTotalQuantity = PlatformRuleCatalog.MaxQuantity(options, Platform.Shopline),
        MaxProducts = null,
        MaxActiveCouponsPerStore = null,
        QuantityOnlyUp = false,
        RunningEndDirection = EndTimeDirection.Any,
        MinSpendFixedOnceSet = false,
    };
}
