using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Rules;

/// <summary>How deep a discount goes and whether it passes the site's cap; shared by validation and inspection.</summary>
internal static class DiscountCaps
{
    /// <summary>Percent off: the percentage, or a fixed amount against a non-zero minimum spend; null when it cannot be told.
    /// Coin cashback is paid in coins after the order, so it is not a discount on the order and has no depth.</summary>
    public static decimal? Depth(CouponTerms t) => t.Reward switch
    {
        RewardType.Percentage => t.Percentage,
        RewardType.FixedAmount when t.DiscountAmount is > 0m and var amount && t.MinSpendKnown && t.MinSpend > 0m => amount * 100m / t.MinSpend,
        _ => null,
    };

    public static RuleViolation? OverSiteCap(PlatformRules r, CouponTerms t, string fixedField)
    {
        if (r.SiteDiscountCapPercent is not { } cap || Depth(t) is not { } depth || depth <= cap) return null;
        var limit = $"{r.DisplayName} {r.Site.Name} caps {r.CouponNoun} discounts at {RuleText.Percent(cap)}";
        return t.Reward == RewardType.Percentage
            ? new RuleViolation(RuleFields.Percentage, RuleCodes.OverSiteCap, $"{limit}; this one takes {RuleText.Percent(depth)} off.")
            : new RuleViolation(fixedField, RuleCodes.OverSiteCap,
                $"{limit}; {r.FormatMoney(t.DiscountAmount!.Value)} off a {r.FormatMoney(t.MinSpend)} minimum spend is {RuleText.Percent(Math.Round(depth, 2))}.");
    }

    public static RuleViolation? OverPlatformCap(PlatformRules r, CouponTerms t) =>
        t.Reward == RewardType.Percentage && t.Percentage is { } p && p > r.MaxPercentage
            ? new RuleViolation(RuleFields.Percentage, RuleCodes.OverPlatformCap,
                $"{r.Plural} take at most {RuleText.Percent(r.MaxPercentage)} off; this one takes {RuleText.Percent(p)}.")
            : null;
}
