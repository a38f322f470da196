using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// Decides which coupon-day rows a sync writes: one per coupon per store-local day, only for coupons whose claimed or used
/// count differs from what that day's row (or, on the day's first change, the coupon as stored before) says. A coupon
/// whose figures did not move writes nothing on any day, so a re-sync of unchanged stores writes no snapshot rows.
/// </summary>
public static class SnapshotPlanner
{
    public static IReadOnlyList<CouponDayFigures> Plan(
        DateOnly day, IEnumerable<(StoredCoupon? Before, Coupon After)> changes, IReadOnlyDictionary<string, CouponDayFigures> today)
    {
        var rows = new List<CouponDayFigures>();
        foreach (var (before, after) in changes)
        {
            var claimed = after.ClaimedCount ?? 0;
            var used = after.UsedCount ?? 0;
            if (today.TryGetValue(after.PlatformCouponId, out var row))
            {
                if (row.Claimed == claimed && row.Used == used) continue;
                rows.Add(row with { Claimed = claimed, Used = used, DiscountPerUse = DiscountPerUse(after), MinSpend = after.MinSpend, Currency = after.Currency });
                continue;
            }
            // A coupon seen for the first time starts from zero: its claims so far count on the day it is first seen.
            var baseClaimed = before?.Coupon.ClaimedCount ?? 0;
            var baseUsed = before?.Coupon.UsedCount ?? 0;
            if (before is not null && baseClaimed == claimed && baseUsed == used) continue;
            if (before is null && claimed == 0 && used == 0) continue;
            rows.Add(new CouponDayFigures(after.PlatformCouponId, day, baseClaimed, baseUsed, claimed, used, DiscountPerUse(after), after.MinSpend, after.Currency));
        }
        return rows;
    }

    /// <summary>What one use gives away: the fixed amount, or a percentage coupon's cap (its most); null when not known.</summary>
    public static decimal? DiscountPerUse(Coupon coupon) => coupon.Reward switch
    {
        RewardType.FixedAmount => coupon.DiscountAmount,
        _ when coupon.IsMaxDiscountKnown && coupon.MaxDiscount is { } cap => cap,
        _ => null,
    };
}
