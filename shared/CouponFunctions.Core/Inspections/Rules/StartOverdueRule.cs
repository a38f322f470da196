using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>start.overdue (Critical): still upcoming on the platform after its start time, so the campaign is not live.</summary>
internal sealed class StartOverdueRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.Status != CouponStatus.Upcoming || coupon.ValidFrom + context.Settings.StatusGrace >= context.Now) return;
        var ended = coupon.ValidTo <= context.Now ? $" Its end, {context.When(coupon.ValidTo)}, has passed too." : "";
        findings.Add(context.For(coupon, FindingCodes.StartOverdue, FindingSeverity.Critical,
            $"{Quote(coupon.Name)} should have started {context.When(coupon.ValidFrom)}, {context.Ago(coupon.ValidFrom)}, " +
            $"but the platform still lists it as not started (status '{coupon.RawStatus}').{ended}",
            "Open the coupon in the platform's seller centre and check why it has not started; re-create it if it cannot start."));
    }
}
