using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>Lazada seller voucher facts (platform-apis.md §2 "Seller voucher APIs"; product-anchors.md A5 [P3]). Lazada
/// documents no name length, lead time, maximum duration or per-country cap: those defaults are UNCERTAIN.</summary>
internal static class LazadaRules
{
    public static PlatformRules Build(Site site, RuleCatalogOptions options) => new()
    {
        Platform = Platform.Lazada,
        Site = site,
        DisplayName = "Lazada",
        CouponNoun = "voucher",
        Capabilities = PlatformCapabilities.Lazada,
        // voucher_discount_type MONEY_VALUE_OFF | PERCENTAGE_DISCOUNT_OFF: no coin cashback.
        Rewards = new HashSet<RewardType> { RewardType.FixedAmount, RewardType.Percentage },
        // Only COLLECTIBLE_VOUCHER can be created; voucher_code is read-only (platform-apis.md §2 create/update fields).
        Code = CodeRules.None,
        NameMaxLength = PlatformRuleCatalog.NameMaxLength(options, Platform.Lazada),
        // UNCERTAIN: no lead time documented; we refuse a start in the past, which no platform can honour.
        MinLeadTime = TimeSpan.Zero,
        MinDuration = TimeSpan.Zero,
        MaxDuration = null,
        MinPercentage = 1m,
        MaxPercentage = 100m,
        WholePercentagesOnly = false,
        // platform-apis.md §2 "Country rules": caps differ by country, numbers unpublished (UNCERTAIN, configurable).
        SiteDiscountCapPercent = PlatformRuleCatalog.SiteCap(options, Platform.Lazada, site),
        MinDiscountDepthPercent = null,
        MinFixedDiscount = 0m,
        // platform-apis.md §2 "Country rules": IDR/VND decimal rules UNCERTAIN; we use the site currency's minor units.
        CurrencyDecimals = PlatformRuleCatalog.Decimals(options, Platform.Lazada, site, site.CurrencyDecimals),
        MinSpendMustExceedFixedDiscount = false,
        CapMustExceedDiscountAtMinSpend = false,
        MaxTotalQuantity = PlatformRuleCatalog.MaxQuantity(options, Platform.Lazada),
        MaxProducts = null,
        MaxActiveCouponsPerStore = null,
        // platform-apis.md §2: "issued (total quantity; update must raise it)".
        QuantityOnlyUp = true,
        RunningEndDirection = EndTimeDirection.Any,
        // product-anchors.md A5 [P3] "The minimum order amount is fixed once set"; also [S13] ssopdot "once set, it cannot be changed".
        MinSpendFixedOnceSet = true,
    };
}
