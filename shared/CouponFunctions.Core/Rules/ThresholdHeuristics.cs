using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Rules;

/// <summary>"A threshold that makes no sense" (ARCHITECTURE.md §1 inspections; product-anchors.md D row 6). These are our
/// heuristics, not platform rules; the numbers are in <see cref="RuleCatalogOptions"/>:
/// <list type="bullet">
/// <item>loss risk: a fixed discount at or above the minimum spend (including no minimum spend); a fixed discount at least
/// <see cref="RuleCatalogOptions.LossRiskDepthPercent"/> of the minimum spend; an uncapped percentage with no minimum spend,
/// or an uncapped percentage at or above that same depth;</item>
/// <item>unreachable: a minimum spend above <see cref="RuleCatalogOptions.UnreachableMinSpendMultiple"/> times the most a
/// buyer can get off (the fixed amount, or a percentage coupon's cap). An uncapped percentage keeps its rate however big the
/// basket, so it is never judged unreachable.</item>
/// </list></summary>
internal static class ThresholdHeuristics
{
    public static ThresholdAssessment Assess(CouponTerms t, string currency, RuleCatalogOptions o)
    {
        string M(decimal amount) => Money.Format(amount, currency);
        var line = RuleText.Percent(o.LossRiskDepthPercent);
        var multiple = o.UnreachableMinSpendMultiple;

        // Unknown is not zero: a guess would raise "comes out free" on every coupon whose minimum spend is simply unread.
        if (!t.MinSpendKnown) return ThresholdAssessment.NotJudged("the minimum spend is not known yet");
        if (t.Reward != RewardType.FixedAmount && !t.CapKnown) return ThresholdAssessment.NotJudged("the cap is not known yet");

        if (t.Reward == RewardType.FixedAmount)
        {
            if (t.DiscountAmount is not { } amount || amount <= 0m) return ThresholdAssessment.Sensible;
            if (t.MinSpend <= 0m)
                return LossRisk($"{M(amount)} off with no minimum spend: an order worth {M(amount)} or less comes out free.");
            if (t.MinSpend <= amount)
                return LossRisk($"{M(amount)} off with a minimum spend of only {M(t.MinSpend)}: an order at the minimum comes out free.");
            var depth = amount * 100m / t.MinSpend;
            if (depth >= o.LossRiskDepthPercent)
                return LossRisk($"{M(amount)} off a {M(t.MinSpend)} minimum spend is {RuleText.Percent(Math.Round(depth, 2))} off, at or above the {line} loss-risk line.");
            if (t.MinSpend > multiple * amount)
                return Unreachable(t.MinSpend, amount, $"the {M(amount)} discount", M, multiple);
            return ThresholdAssessment.Sensible;
        }

        if (t.Percentage is not { } p || p <= 0m) return ThresholdAssessment.Sensible;
        if (t.Cap is not { } cap)
        {
            if (t.MinSpend <= 0m)
                return LossRisk($"{RuleText.Percent(p)} off with no cap and no minimum spend: every order of any size gets the full discount.");
            if (p >= o.LossRiskDepthPercent)
                return LossRisk($"{RuleText.Percent(p)} off with no cap, at or above the {line} loss-risk line.");
            return ThresholdAssessment.Sensible;
        }

        return t.MinSpend > multiple * cap
            ? Unreachable(t.MinSpend, cap, $"the {M(cap)} most a buyer can get off", M, multiple)
            : ThresholdAssessment.Sensible;
    }

    private static ThresholdAssessment LossRisk(string message) =>
        new(ThresholdVerdict.LossRisk, new RuleViolation(RuleFields.MinSpend, RuleCodes.ThresholdLossRisk, message));

    private static ThresholdAssessment Unreachable(decimal minSpend, decimal discount, string what, Func<decimal, string> m, decimal multiple) =>
        new(ThresholdVerdict.Unreachable, new RuleViolation(RuleFields.MinSpend, RuleCodes.ThresholdUnreachable,
            $"A minimum spend of {m(minSpend)} is {Math.Round(minSpend / discount, 1):0.#}× {what}, more than {multiple:0.#}×: hardly anyone will spend that much for so little."));
}
