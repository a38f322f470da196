using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;

namespace CouponFunctions.Core.Deployments;

/// <summary>What the platform would accept but an operator should confirm: a threshold that makes orders free or
/// unreachable, a very deep discount, an end within a day, a live coupon with the same code in the store.</summary>
internal static class PreviewWarnings
{
    public static void Add(
        CouponDraft draft, PlatformRules rules, CouponRuleInspector inspector, IReadOnlyCollection<Coupon> storeCoupons,
        DateTimeOffset deployAt, DeploymentPreviewOptions options, List<PreviewIssue> into)
    {
        var threshold = inspector.AssessThreshold(draft, rules.Currency);
        if (threshold.Finding is { } finding)
            into.Add(new PreviewIssue(finding.Field, finding.Code, finding.Message, IssueSeverity.Warning));

        if (threshold.Verdict != ThresholdVerdict.LossRisk && Depth(draft) is { } depth && depth >= options.DeepDiscountPercent)
            into.Add(new PreviewIssue(draft.Reward == RewardType.Percentage ? RuleFields.Percentage : RuleFields.DiscountAmount, PreviewCodes.DeepDiscount,
                $"{TemplateDraftBuilder.Percent(Math.Round(depth, 2))} off is at or above the {TemplateDraftBuilder.Percent(options.DeepDiscountPercent)} we ask you to confirm.",
                IssueSeverity.Warning));

        var runs = draft.ValidTo - deployAt;
        if (runs > TimeSpan.Zero && runs < options.EndsSoonWindow)
            into.Add(new PreviewIssue(RuleFields.ValidTo, PreviewCodes.EndsWithin24Hours,
                $"It ends {TemplateDraftBuilder.Words(runs)} after the deploy, within {TemplateDraftBuilder.Words(options.EndsSoonWindow)}.", IssueSeverity.Warning));

        if (draft.Code is { } code)
        {
            foreach (var live in storeCoupons.Where(c => IsLive(c) && string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
                into.Add(new PreviewIssue(RuleFields.Code, PreviewCodes.DuplicateCode,
                    $"The store already has a {live.Status.ToString().ToLowerInvariant()} {rules.CouponNoun} with the code {live.Code}: \"{live.Name}\" ({live.PlatformCouponId}).",
                    IssueSeverity.Warning));
        }
    }

    internal static bool IsLive(Coupon c) => c.Status is CouponStatus.Upcoming or CouponStatus.Ongoing or CouponStatus.Paused;

    private static decimal? Depth(CouponDraft d) => d.Reward switch
    {
        RewardType.Percentage => d.Percentage,
        RewardType.FixedAmount when d.DiscountAmount is > 0m and var amount && d.MinSpend > 0m => amount * 100m / d.MinSpend,
        _ => null,
    };
}
