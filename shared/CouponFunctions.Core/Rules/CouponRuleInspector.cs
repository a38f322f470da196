using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Rules;

/// <summary>The rule-based inspections of existing coupons: discounts over the platform or site cap, and thresholds that make no sense.</summary>
public sealed class CouponRuleInspector(PlatformRuleCatalog catalog)
{
    public static CouponRuleInspector Default { get; } = new(PlatformRuleCatalog.Default);

    public PlatformRuleCatalog Catalog { get; } = catalog;

    /// <summary>The finding when a coupon takes more off than its platform or site allows (the lower limit wins); null when within.</summary>
    public RuleViolation? DiscountOverCap(Coupon coupon, string site)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        var rules = Catalog.For(coupon.Platform, site);
        var terms = CouponTerms.From(coupon);
        var overPlatform = DiscountCaps.OverPlatformCap(rules, terms);
        var overSite = DiscountCaps.OverSiteCap(rules, terms, RuleFields.DiscountAmount);
        if (overPlatform is null || overSite is null) return overPlatform ?? overSite;
        return rules.SiteDiscountCapPercent < rules.MaxPercentage ? overSite : overPlatform;
    }

    /// <summary>Why <see cref="DiscountOverCap"/> could not judge the whole coupon, or null when it could: a fixed discount's
    /// depth against a site cap needs the minimum spend.</summary>
    public string? DiscountOverCapNotJudged(Coupon coupon, string site)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        return coupon.Reward == RewardType.FixedAmount && !coupon.IsMinSpendKnown && Catalog.For(coupon.Platform, site).SiteDiscountCapPercent is not null
            ? "the minimum spend is not known yet, so the depth of a fixed discount cannot be told"
            : null;
    }

    /// <summary>Judges the minimum spend against the discount with the heuristics in <see cref="RuleCatalogOptions"/>.</summary>
    public ThresholdAssessment AssessThreshold(Coupon coupon)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        return ThresholdHeuristics.Assess(CouponTerms.From(coupon), coupon.Currency, Catalog.Options);
    }

    /// <summary>The same judgement for a draft in a store's currency, for the preview.</summary>
    public ThresholdAssessment AssessThreshold(CouponDraft draft, string currency)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return ThresholdHeuristics.Assess(CouponTerms.From(draft), currency, Catalog.Options);
    }
}
