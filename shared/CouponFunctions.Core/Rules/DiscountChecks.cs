using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Rules;

/// <summary>The reward itself: supported type, the amount or percentage it needs, ranges and the cap's shape.</summary>
internal static class DiscountChecks
{
    public static void Run(RuleCheckContext ctx)
    {
        var (r, t) = (ctx.Rules, ctx.Terms);
        if (ctx.IsNew && !r.Rewards.Contains(t.Reward))
        {
            ctx.Add(RuleFields.Reward, RuleCodes.RewardUnsupported,
                $"{r.Plural} cannot be {Words(t.Reward)}; choose {string.Join(" or ", r.Rewards.Select(Words))}.");
            return;
        }

        if (t.Reward == RewardType.FixedAmount) CheckFixed(ctx);
        else CheckPercentage(ctx);
    }

    private static void CheckFixed(RuleCheckContext ctx)
    {
        var (r, t) = (ctx.Rules, ctx.Terms);
        if (ctx.Touches(RuleFields.DiscountAmount))
        {
            if (t.DiscountAmount is not > 0m)
                ctx.Add(RuleFields.DiscountAmount, RuleCodes.AmountRequired, "A fixed-amount coupon needs a discount amount above zero.");
            else if (t.DiscountAmount < r.MinFixedDiscount)
                ctx.Add(RuleFields.DiscountAmount, RuleCodes.BelowMinAmount,
                    $"{r.Plural} must take at least {r.FormatMoney(r.MinFixedDiscount)} off; this one takes {r.FormatMoney(t.DiscountAmount.Value)}.");
        }

        if (ctx.Touches(RuleFields.Percentage) && t.Percentage is { } stray && stray != 0m)
            ctx.Add(RuleFields.Percentage, RuleCodes.PercentageNotApplicable, "A fixed-amount coupon takes no percentage; leave it empty.");
        if (ctx.Touches(RuleFields.MaxDiscount) && t.Cap is not null)
            ctx.Add(RuleFields.MaxDiscount, RuleCodes.CapNotApplicable,
                "A maximum discount applies only to percentage coupons; a fixed-amount coupon already takes a set amount off.");
    }

    private static void CheckPercentage(RuleCheckContext ctx)
    {
        var (r, t) = (ctx.Rules, ctx.Terms);
        if (ctx.Touches(RuleFields.Percentage))
        {
            if (t.Percentage is not { } p || p <= 0m)
                ctx.Add(RuleFields.Percentage, RuleCodes.PercentageRequired, $"A {Words(t.Reward)} coupon needs a percentage above zero.");
            else if (p < r.MinPercentage || p > r.MaxPercentage)
                ctx.Add(RuleFields.Percentage, RuleCodes.PercentageRange,
                    $"{r.Plural} take {RuleText.Percent(r.MinPercentage)}–{RuleText.Percent(r.MaxPercentage)} off; this one takes {RuleText.Percent(p)}.");
            else if (r.WholePercentagesOnly && p != decimal.Truncate(p))
                ctx.Add(RuleFields.Percentage, RuleCodes.PercentageWhole,
                    $"{r.Plural} take whole percentages only; {RuleText.Percent(p)} is not one.");
        }

        if (ctx.Touches(RuleFields.DiscountAmount) && t.DiscountAmount is { } stray && stray != 0m)
            ctx.Add(RuleFields.DiscountAmount, RuleCodes.AmountNotApplicable,
                $"A {Words(t.Reward)} coupon takes no fixed amount; set the percentage and, if wanted, a maximum discount.");
        if (ctx.Touches(RuleFields.MaxDiscount) && t.MaxDiscount < 0m)
            ctx.Add(RuleFields.MaxDiscount, RuleCodes.CapInvalid,
                $"The maximum discount cannot be negative; it is {r.FormatMoney(t.MaxDiscount.Value)}. Leave it empty for no cap.");
    }

    internal static string Words(RewardType reward) => reward switch
    {
        RewardType.FixedAmount => "fixed amount",
        RewardType.Percentage => "percentage",
        RewardType.CoinCashback => "coin cashback",
        _ => reward.ToString(),
    };
}
