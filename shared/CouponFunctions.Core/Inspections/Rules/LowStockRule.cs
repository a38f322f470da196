using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>stock.low (Warning): running with at most <see cref="InspectionSettings.LowStockPercent"/> of the total or
/// <see cref="InspectionSettings.LowStockCount"/> left (either is enough; "at" the threshold counts). A coupon nobody has
/// claimed from yet is not running low, however small its total.</summary>
internal sealed class LowStockRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon.TotalQuantity is not { } total || coupon.RemainingQuantity is not { } left || left <= 0 || left >= total) return;
        var settings = context.Settings;
        var low = (settings.LowStockCount is { } count && left <= count)
            || (settings.LowStockPercent is { } percent && left * 100m <= percent * total);
        if (!low || !context.IsLive(coupon)) return;
        findings.Add(context.For(coupon, FindingCodes.StockLow, FindingSeverity.Warning,
            $"Only {Count(left)} of {Count(total)} left ({Percent(Share(left, total))}) on {Quote(coupon.Name)}; " +
            $"it runs until {context.When(coupon.ValidTo)}.",
            "Replenish the quantity, or let it run out and end the coupon."));
    }
}
