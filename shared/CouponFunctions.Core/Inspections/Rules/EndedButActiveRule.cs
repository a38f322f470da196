using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>status.ended_but_active (Warning): past its end but still listed as ongoing, so buyers may see a coupon they cannot use.</summary>
internal sealed class EndedButActiveRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.Status != CouponStatus.Ongoing || coupon.ValidTo + context.Settings.StatusGrace >= context.Now) return;
        findings.Add(context.For(coupon, FindingCodes.StatusEndedButActive, FindingSeverity.Warning,
            $"{Quote(coupon.Name)} ended {context.When(coupon.ValidTo)}, {context.Ago(coupon.ValidTo)}, " +
            $"but the platform still lists it as active (status '{coupon.RawStatus}').",
            "End or deactivate the coupon and take it out of any campaign that still shows it, or extend it if it should run on."));
    }
}
