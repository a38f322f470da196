using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>The facts one platform enforces on coupons of one site; built by <see cref="PlatformRuleCatalog.For"/>.</summary>
public sealed record PlatformRules
{
    public required Platform Platform { get; init; }

    public required Site Site { get; init; }

    /// <summary>"Shopee", "Lazada", "TikTok Shop", "SHOPLINE": how messages name the platform.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the platform calls a coupon: "voucher", "coupon", "discount".</summary>
    public required string CouponNoun { get; init; }

    public required PlatformCapabilities Capabilities { get; init; }

    public required IReadOnlySet<RewardType> Rewards { get; init; }

    public required CodeRules Code { get; init; }

    public required int NameMaxLength { get; init; }

    /// <summary>How far ahead of now a new coupon must start; null when a start in the past is accepted.</summary>
    public required TimeSpan? MinLeadTime { get; init; }

    /// <summary>The shortest validity; zero means only "end after start".</summary>
    public required TimeSpan MinDuration { get; init; }

    public required DurationLimit? MaxDuration { get; init; }

    public required decimal MinPercentage { get; init; }

    public required decimal MaxPercentage { get; init; }

    public required bool WholePercentagesOnly { get; init; }

    /// <summary>The deepest discount the site allows, in percent (percentage off, or fixed amount against the minimum spend); null = none known.</summary>
    public required decimal? SiteDiscountCapPercent { get; init; }

    /// <summary>A regional minimum depth (percent) below which the platform refuses a voucher; null = not enforced.</summary>
    public required decimal? MinDiscountDepthPercent { get; init; }

    /// <summary>The smallest fixed amount off, in <see cref="Currency"/>; zero = anything above zero.</summary>
    public required decimal MinFixedDiscount { get; init; }

    public string Currency => Site.Currency;

    /// <summary>Decimals allowed in money amounts on this platform and site (0 for IDR, VND, TWD; Shopee integers outside SG/MY/BR/MX).</summary>
    public required int CurrencyDecimals { get; init; }

    /// <summary>A non-zero minimum spend must be above a fixed discount (Shopee voucher_min_price_error).</summary>
    public required bool MinSpendMustExceedFixedDiscount { get; init; }

    /// <summary>A percentage cap must be above percentage × minimum spend (Shopee voucher_max_discount_low_quality).</summary>
    public required bool CapMustExceedDiscountAtMinSpend { get; init; }

    public required int? MaxTotalQuantity { get; init; }

    public required int? MaxProducts { get; init; }

    /// <summary>How many upcoming plus ongoing coupons a store may hold; null = none known.</summary>
    public required int? MaxActiveCouponsPerStore { get; init; }

    public required bool QuantityOnlyUp { get; init; }

    public required EndTimeDirection RunningEndDirection { get; init; }

    public required bool MinSpendFixedOnceSet { get; init; }

    /// <summary>"Shopee vouchers", "TikTok Shop coupons": the plural used at the start of messages.</summary>
    public string Plural => $"{DisplayName} {CouponNoun}s";

    public string FormatMoney(decimal amount) => Money.Format(amount, Currency, CurrencyDecimals);
}
