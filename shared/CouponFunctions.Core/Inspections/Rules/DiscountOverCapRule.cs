using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>discount.over_cap (Warning): deeper than the platform or site allows, per the rule catalog (whose caps are partly
/// uncertain, hence not Critical); the platform may reject edits or take the coupon down.</summary>
internal sealed class DiscountOverCapRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (!context.HasKnownSite || !InspectionContext.IsOpen(coupon)) return;
        if (context.RuleInspector.DiscountOverCapNotJudged(coupon, context.Store.Site) is { } why) context.NotJudged("discount cap", why);
        if (context.RuleInspector.DiscountOverCap(coupon, context.Store.Site) is not { } over) return;
        findings.Add(context.For(coupon, FindingCodes.DiscountOverCap, FindingSeverity.Warning,
            $"{Quote(coupon.Name)}: {over.Message}",
            "Lower the discount to within the cap (or end the coupon and re-create it within the cap)."));
    }
}
