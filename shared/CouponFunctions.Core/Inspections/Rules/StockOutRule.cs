using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>stock.out (Critical): running with nothing left to claim, so the promotion has stopped working.</summary>
internal sealed class StockOutRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.RemainingQuantity is not 0 || !context.IsLive(coupon)) return;
        findings.Add(context.For(coupon, FindingCodes.StockOut, FindingSeverity.Critical,
            $"{Quote(coupon.Name)} has run out: all {Count(coupon.TotalQuantity!.Value)} are {(coupon.ClaimedCount is null ? "used" : "claimed")}, " +
            $"and it runs until {context.When(coupon.ValidTo)}.",
            "Replenish the quantity or end the coupon."));
    }
}
