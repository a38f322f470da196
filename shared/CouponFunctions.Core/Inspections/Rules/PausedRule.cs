using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>status.paused (Warning): paused or suspended before its end, so buyers cannot use it; the pause may be intended.</summary>
internal sealed class PausedRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.Status != CouponStatus.Paused || coupon.ValidTo <= context.Now) return;
        findings.Add(context.For(coupon, FindingCodes.StatusPaused, FindingSeverity.Warning,
            $"{Quote(coupon.Name)} is paused on the platform (status '{coupon.RawStatus}'): buyers cannot use it, " +
            $"although it runs until {context.When(coupon.ValidTo)}.",
            "Resume the coupon if the pause was not intended, or end it."));
    }
}
