using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// A coupon's figures of a day, kept on its own row: the store-local day its claimed or used count last moved, with the
/// counts that day started from (<see cref="StoredCoupon.Day"/>). A count only moves in a write of the coupon's row (its
/// content hash covers the counts), so the day travels with the figures in the same entity: nothing to write beside it, and
/// a re-sync of unchanged stores writes nothing. The day's figures of a store are its coupons whose day is that day.
/// </summary>
public static class SnapshotPlanner
{
    /// <summary>
    /// The day start <paramref name="after"/> carries when it replaces <paramref name="before"/> on <paramref name="day"/>: the
    /// day's first move starts from the counts stored before it (a coupon seen for the first time from zero: its claims so far
    /// count on the day it is first seen); a later move the same day keeps that start; no move keeps what was there.
    /// </summary>
    public static CouponDayStart? DayStart(StoredCoupon? before, Coupon after, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(after);
        var (claimed, used) = Counts(after);
        if (before is null) return claimed == 0 && used == 0 ? null : new CouponDayStart(day, 0, 0);
        var (wasClaimed, wasUsed) = Counts(before.Coupon);
        if (wasClaimed == claimed && wasUsed == used) return before.Day;
        return before.Day is { } start && start.Day == day ? start : new CouponDayStart(day, wasClaimed, wasUsed);
    }

    /// <summary>Whether the write moved the coupon's claimed or used count (against what was stored, or zero for a new coupon).</summary>
    public static bool Moved(StoredCoupon? before, Coupon after) =>
        Counts(after) != (before is null ? (0, 0) : Counts(before.Coupon));

    /// <summary>The figures of <paramref name="day"/> of the coupons whose counts moved that day.</summary>
    public static IEnumerable<CouponDayFigures> Figures(IEnumerable<StoredCoupon> coupons, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(coupons);
        foreach (var stored in coupons)
        {
            if (stored.Day is not { } start || start.Day != day) continue;
            var (claimed, used) = Counts(stored.Coupon);
            yield return new CouponDayFigures(stored.Id, day, start.Claimed, start.Used, claimed, used, DiscountPerUse(stored.Coupon), stored.Coupon.MinSpend, stored.Coupon.Currency);
        }
    }

    /// <summary>What one use gives away: the fixed amount, or a percentage coupon's cap (its most); null when not known.</summary>
    public static decimal? DiscountPerUse(Coupon coupon) => coupon.Reward switch
    {
        RewardType.FixedAmount => coupon.DiscountAmount,
        _ when coupon.IsMaxDiscountKnown && coupon.MaxDiscount is { } cap => cap,
        _ => null,
    };

    private static (int Claimed, int Used) Counts(Coupon coupon) => (coupon.ClaimedCount ?? 0, coupon.UsedCount ?? 0);
}
