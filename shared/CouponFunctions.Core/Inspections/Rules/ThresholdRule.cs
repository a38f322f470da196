using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>threshold.loss_risk (Critical: every order at the minimum loses money) and threshold.unreachable (Warning: the
/// coupon is wasted, not harmful), judged by the rule catalog's heuristics (<see cref="RuleCatalogOptions"/>).</summary>
internal sealed class ThresholdRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (!InspectionContext.IsOpen(coupon)) return;
        var assessment = context.RuleInspector.AssessThreshold(coupon);
        if (assessment.Verdict == ThresholdVerdict.NotJudged)
        {
            context.NotJudged("threshold", assessment.Reason!);
            return;
        }
        if (assessment.IsSensible || assessment.Finding is not { } why) return;
        findings.Add(assessment.Verdict == ThresholdVerdict.LossRisk
            ? context.For(coupon, FindingCodes.ThresholdLossRisk, FindingSeverity.Critical,
                $"{Quote(coupon.Name)}: {why.Message}",
                "Raise the minimum spend, lower the discount or cap it, so an order still pays for itself.")
            : context.For(coupon, FindingCodes.ThresholdUnreachable, FindingSeverity.Warning,
                $"{Quote(coupon.Name)}: {why.Message}",
                "Lower the minimum spend or raise the discount so that buyers can reach it."));
    }
}
