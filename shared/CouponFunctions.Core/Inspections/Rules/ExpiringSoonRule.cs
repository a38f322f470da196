using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>expiry.soon (Info): running or paused and ending on one of the next <see cref="InspectionSettings.ExpiryWindowDays"/>
/// local calendar days (ending today is <see cref="ExpiringTodayRule"/>'s).</summary>
internal sealed class ExpiringSoonRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.ValidTo < context.TomorrowStartsAt || coupon.ValidTo >= context.WindowEndsAt) return;
        if (coupon.Status is not (CouponStatus.Ongoing or CouponStatus.Paused)) return;
        var days = ZoneTime.LocalDate(coupon.ValidTo, context.Zone).DayNumber - context.Today.DayNumber;
        var when = days == 1 ? "tomorrow" : "in " + Days(days);
        findings.Add(context.For(coupon, FindingCodes.ExpirySoon, FindingSeverity.Info,
            $"{Quote(coupon.Name)} ends {when}, {context.When(coupon.ValidTo)}.",
            "Extend the end or renew the coupon if the promotion should go on."));
    }
}
