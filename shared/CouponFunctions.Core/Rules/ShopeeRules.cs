using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>Shopee Open Platform v2 voucher facts. Unless noted, the source is platform-apis.md §1 Shopee, "Rules, taken
/// from documented error codes", as listed in add_voucher / update_voucher (S2).</summary>
internal static class ShopeeRules
{
    // platform-apis.md §1 "Region rules": 2 decimals for SG/MY/BR/MX/PL/ES/AR sellers, integers elsewhere (TH, PH, ID,
    // VN, TW...). Stated for prices; that voucher amounts follow it is UNCERTAIN (configurable: CurrencyDecimals).
    private static readonly HashSet<string> TwoDecimalSites = new(StringComparer.OrdinalIgnoreCase) { "SG", "MY", "BR", "MX", "PL", "ES", "AR" };

    public static PlatformRules Build(Site site, RuleCatalogOptions options) => new()
    {
        Platform = Platform.Shopee,
        Site = site,
        DisplayName = "Shopee",
        CouponNoun = "voucher",
        Capabilities = PlatformCapabilities.Shopee,
        // reward_type 1 fix_amount, 2 discount_percentage, 3 coin_cashback (coin may be refused: voucher_coin_error).
        Rewards = new HashSet<RewardType> { RewardType.FixedAmount, RewardType.Percentage, RewardType.CoinCashback },
        // voucher_code_error: "Only support 0-9 or A-Z or a-z. Up to 5 characters."; voucher_code is required.
        // product-anchors.md A5 [P2]: buyers see the shop prefix plus these 1–5 characters.
        Code = new CodeRules(CodeRequirement.Required, 1, 5, "^[0-9A-Za-z]+$", "letters A–Z, a–z and digits 0–9"),
        NameMaxLength = PlatformRuleCatalog.NameMaxLength(options, Platform.Shopee),
        // voucher_start_time_error: "start time is earlier than current time"; a lead time is UNCERTAIN.
        MinLeadTime = options.ShopeeMinLeadTime,
        // voucher_time_period_error: "end time must be 1 hour later than the start time".
        MinDuration = TimeSpan.FromHours(1),
        // voucher_end_time_error: "valid period can not be longer than 3 months".
        MaxDuration = DurationLimit.OfMonths(3),
        // `percentage` is an int32; percentage_low_quality_error shows a regional minimum as "{limit}" only (UNCERTAIN).
        MinPercentage = options.ShopeeMinPercentage,
        MaxPercentage = 100m,
        WholePercentagesOnly = true,
        SiteDiscountCapPercent = PlatformRuleCatalog.SiteCap(options, Platform.Shopee, site),
        // fix_amount_low_qualtiy_errorr / percentage_low_quality_error: a regional minimum depth (UNCERTAIN, off by default).
        MinDiscountDepthPercent = options.ShopeeMinDiscountDepthPercent,
        MinFixedDiscount = 0m,
        CurrencyDecimals = PlatformRuleCatalog.Decimals(options, Platform.Shopee, site, TwoDecimalSites.Contains(site.Code) ? 2 : 0),
        // voucher_min_price_error: "Min_basket_price must be higher than the fix amount if Min_basket_price is not 0."
        MinSpendMustExceedFixedDiscount = true,
        // voucher_max_discount_low_quality: "increase maximum discount price to > {percentage_input*min_spend*0.01}".
        CapMustExceedDiscountAtMinSpend = true,
        MaxTotalQuantity = PlatformRuleCatalog.MaxQuantity(options, Platform.Shopee),
        // voucher_item_count_limit_error exists but its number is not stated (UNCERTAIN): no limit here.
        MaxProducts = null,
        // voucher_over_limit: "ongoing voucher and upcoming voucher cannot exceed 1000"; also product-anchors.md A5 [M2].
        MaxActiveCouponsPerStore = 1000,
        // voucher_quantity_reduce_error: "Only allow to increase the voucher quantity."
        QuantityOnlyUp = true,
        // CONFLICT: platform-apis.md §1 ("end_time can only be shortened") and update_voucher's voucher_end_time_reduce_error
        // ("Only allow to shorten the voucher end_time. Cannot extend the end_time.") say earlier only, while the product
        // owner, ARCHITECTURE.md §3.5 and product-anchors.md A5 [P2] ("a later end") say later only. We follow the product
        // owner by default; RuleCatalogOptions.ShopeeRunningEndDirection flips it without a release.
        RunningEndDirection = options.ShopeeRunningEndDirection,
        MinSpendFixedOnceSet = false,
    };
}
