using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Rules;

/// <summary>Money rules: currency decimals, minimum spend against the discount, site caps and regional minimum depth.</summary>
internal static class SpendChecks
{
    public static void Run(RuleCheckContext ctx)
    {
        var (r, t) = (ctx.Rules, ctx.Terms);
        CheckDecimals(ctx, RuleFields.DiscountAmount, t.DiscountAmount);
        CheckDecimals(ctx, RuleFields.MaxDiscount, t.MaxDiscount);
        CheckDecimals(ctx, RuleFields.MinSpend, t.MinSpend);

        if (ctx.Touches(RuleFields.MinSpend) && t.MinSpend < 0m)
        {
            ctx.Add(RuleFields.MinSpend, RuleCodes.MinSpendNegative, $"The minimum spend cannot be negative; it is {r.FormatMoney(t.MinSpend)}.");
            return;
        }

        if (!ctx.Touches(RuleFields.DiscountAmount, RuleFields.Percentage, RuleFields.MaxDiscount, RuleFields.MinSpend)) return;

        if (t.Reward == RewardType.FixedAmount && r.MinSpendMustExceedFixedDiscount
            && t.DiscountAmount is > 0m and var amount && t.MinSpend > 0m && t.MinSpend <= amount)
            ctx.Add(ctx.Pick(RuleFields.MinSpend, RuleFields.DiscountAmount), RuleCodes.MinSpendNotAboveDiscount,
                $"{r.Plural} need a minimum spend above the discount, or none: {r.FormatMoney(amount)} off needs more than {r.FormatMoney(amount)}; it is {r.FormatMoney(t.MinSpend)}.");

        if (t.Reward != RewardType.FixedAmount && r.CapMustExceedDiscountAtMinSpend
            && t.Percentage is > 0m and var p && t.Cap is { } cap && t.MinSpend > 0m && cap <= p * t.MinSpend / 100m)
            ctx.Add(ctx.Pick(RuleFields.MaxDiscount, RuleFields.MinSpend, RuleFields.Percentage), RuleCodes.CapTooLow,
                $"{r.Plural} need the maximum discount above {RuleText.Percent(p)} of the {r.FormatMoney(t.MinSpend)} minimum spend, so above {r.FormatMoney(p * t.MinSpend / 100m)}; it is {r.FormatMoney(cap)}.");

        if (DiscountCaps.OverSiteCap(r, t, ctx.Pick(RuleFields.DiscountAmount, RuleFields.MinSpend)) is { } over)
            ctx.Add(over.Field, over.Code, over.Message);

        if (r.MinDiscountDepthPercent is { } minDepth && DiscountCaps.Depth(t) is { } depth && depth < minDepth)
            ctx.Add(ctx.Pick(t.Reward == RewardType.FixedAmount ? RuleFields.DiscountAmount : RuleFields.Percentage, RuleFields.MinSpend),
                RuleCodes.BelowMinDepth,
                $"{r.Plural} on {r.Site.Name} must take at least {RuleText.Percent(minDepth)} off; this one takes {RuleText.Percent(depth)}.");
    }

    private static void CheckDecimals(RuleCheckContext ctx, string field, decimal? amount)
    {
        var r = ctx.Rules;
        if (!ctx.Touches(field) || amount is not { } value || Money.FitsDecimals(value, r.CurrencyDecimals)) return;
        ctx.Add(field, RuleCodes.MoneyDecimals, r.CurrencyDecimals == 0
            ? $"{r.DisplayName} takes whole {r.Currency} amounts on {r.Site.Name}; {value} has decimals."
            : $"{r.DisplayName} takes {r.Currency} amounts with at most {r.CurrencyDecimals} decimals; {value} has more.");
    }
}
