using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>expiry.today (Warning): running or paused and ending before the store's local midnight (its calendar, not UTC's).</summary>
internal sealed class ExpiringTodayRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.ValidTo < context.Now || coupon.ValidTo >= context.TomorrowStartsAt) return;
        if (coupon.Status is not (CouponStatus.Ongoing or CouponStatus.Paused)) return;
        var left = coupon.RemainingQuantity is { } remaining ? $", with {Count(remaining)} of {Count(coupon.TotalQuantity!.Value)} left" : "";
        findings.Add(context.For(coupon, FindingCodes.ExpiryToday, FindingSeverity.Warning,
            $"{Quote(coupon.Name)} ends today, {context.When(coupon.ValidTo)}{left}.",
            "Extend the end or renew the coupon if the promotion should go on."));
    }
}
