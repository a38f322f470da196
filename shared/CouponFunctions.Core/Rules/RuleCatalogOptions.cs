using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>The configurable numbers of the rule catalog: caps and limits the references leave uncertain, and the inspection heuristics.</summary>
public sealed class RuleCatalogOptions
{
    public const string SectionName = "RuleCatalog";

    /// <summary>Deepest discount per platform and site, in percent; 100 lifts a default cap.</summary>
    public Dictionary<Platform, Dictionary<string, decimal>> SiteDiscountCapPercent { get; set; } = new()
    {
        [Platform.Lazada] = new(StringComparer.OrdinalIgnoreCase)
        {
            // UNCERTAIN: Lazada publishes no numbers, only that caps differ by country (platform-apis.md §2 "Country rules"
            // [S13]; product-anchors.md A5 [P3], [M4] naming Lazada Thailand). PH 50% is the product owner's figure;
            // TH uses the same 50% as our default depth limit until a real figure is known.
            ["PH"] = 50m,
            ["TH"] = 50m,
        },
    };

    /// <summary>Longest coupon name per platform; every default is UNCERTAIN (no reference states one for coupons).</summary>
    public Dictionary<Platform, int> NameMaxLength { get; set; } = new()
    {
        [Platform.Shopee] = 100,
        [Platform.Lazada] = 100,
        // TikTok's only documented limit is an activity title of at most 50 characters (platform-apis.md §3 CreateActivity).
        [Platform.TikTok] = 50,
        [Platform.Shopline] = 255,
    };

    /// <summary>Largest total quantity per platform; none is documented, so the default map is empty (no limit).</summary>
    public Dictionary<Platform, int> MaxTotalQuantity { get; set; } = [];

    /// <summary>Currency decimals per platform and site, overriding the catalog's defaults (UNCERTAIN for voucher amounts).</summary>
    public Dictionary<Platform, Dictionary<string, int>> CurrencyDecimals { get; set; } = [];

    /// <summary>UNCERTAIN: Shopee says only "start not in the past" (voucher_start_time_error); no lead time is stated.</summary>
    public TimeSpan ShopeeMinLeadTime { get; set; } = TimeSpan.Zero;

    /// <summary>UNCERTAIN: Shopee has a regional minimum percentage but its messages show only "{limit}".</summary>
    public decimal ShopeeMinPercentage { get; set; } = 1m;

    /// <summary>UNCERTAIN: Shopee's regional minimum depth (percent) for fixed and percentage vouchers; null = not enforced.</summary>
    public decimal? ShopeeMinDiscountDepthPercent { get; set; }

    /// <summary>Which way a running Shopee voucher's end may move; see ShopeeRules for the conflict between sources.</summary>
    public EndTimeDirection ShopeeRunningEndDirection { get; set; } = EndTimeDirection.LaterOnly;

    /// <summary>product-anchors.md A5 [P1]: 5–50%.</summary>
    public decimal TikTokMinPercentage { get; set; } = 5m;

    /// <summary>product-anchors.md A5 [P1]: 50%, which "will widen to 90%".</summary>
    public decimal TikTokMaxPercentage { get; set; } = 50m;

    /// <summary>product-anchors.md A5 [P1]: "at least $0.50 off" (a US page; applied in each site's currency, UNCERTAIN elsewhere).</summary>
    public decimal TikTokMinDiscountAmount { get; set; } = 0.50m;

    /// <summary>UNCERTAIN: promo codes are 6–12 characters per platform-apis.md §3 but 2–8 per product-anchors.md A5 [P1]; the default is the overlap.</summary>
    public int TikTokPromoCodeMinLength { get; set; } = 6;

    /// <inheritdoc cref="TikTokPromoCodeMinLength"/>
    public int TikTokPromoCodeMaxLength { get; set; } = 8;

    /// <summary>Inspection heuristic: a fixed discount this deep against the minimum spend (percent), or an uncapped percentage this high, is a loss risk.</summary>
    public decimal LossRiskDepthPercent { get; set; } = 80m;

    /// <summary>Inspection heuristic: a minimum spend above this many times the most a buyer can get off means nobody will use the coupon.</summary>
    public decimal UnreachableMinSpendMultiple { get; set; } = 20m;
}
