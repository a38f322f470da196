using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;

namespace CouponFunctions.Core.Sync;

/// <summary>Turns a fetched page into writes against what is stored (pure: no I/O).</summary>
public static class SyncPlanner
{
    /// <summary>
    /// The writes one fetched coupon needs: none when its content hash is unchanged. <paramref name="day"/> is the store-local
    /// day of <paramref name="now"/>, the day a move of its claimed or used count counts on.
    /// </summary>
    public static CouponWrite? Plan(StoredCoupon? stored, Coupon fetched, DateTimeOffset now, DateOnly day)
    {
        var hash = CouponHash.Compute(fetched);
        if (stored is not null && !stored.IsRemoved && stored.Hash == hash) return null;

        var stockOutSince = StockOutSince(stored, fetched, now, out var alert);
        if (stored is null)
        {
            return new CouponWrite(CouponWriteKind.Created, new StoredCoupon(fetched, hash, now, now, null, stockOutSince, Day: SnapshotPlanner.DayStart(null, fetched, day)), [], alert);
        }

        var changes = CouponDiff.Compare(stored.Coupon, fetched).ToList();
        if (stored.IsRemoved) changes.Insert(0, new FieldChange("removed", "true", null));
        var next = stored with { Coupon = fetched, Hash = hash, LastChangedAt = now, RemovedAt = null, StockOutSince = stockOutSince, Day = SnapshotPlanner.DayStart(stored, fetched, day) };
        return new CouponWrite(CouponWriteKind.Updated, next, changes, alert);
    }

    /// <summary>A coupon the platform no longer returns is marked removed, never deleted (its history stays).</summary>
    public static CouponWrite Remove(StoredCoupon stored, DateTimeOffset now) =>
        new(CouponWriteKind.Removed, stored with { RemovedAt = now, LastChangedAt = now }, [new FieldChange("removed", null, "true")], null);

    /// <summary>
    /// Stock that just hit zero on an ongoing coupon raises one alert per episode: the episode starts when a coupon we
    /// already knew with stock left is seen ongoing at zero, and ends when stock comes back. A first import at zero is
    /// not "just hit" (the inspection reports it).
    /// </summary>
    private static DateTimeOffset? StockOutSince(StoredCoupon? stored, Coupon fetched, DateTimeOffset now, out PendingAlert? alert)
    {
        alert = null;
        var outNow = fetched.Status == CouponStatus.Ongoing && fetched.RemainingQuantity == 0;
        if (!outNow) return null;
        if (stored?.StockOutSince is { } since) return since;
        if (stored is null || stored.IsRemoved || stored.Coupon.RemainingQuantity is null or 0) return null;
        alert = new PendingAlert($"stockout_{fetched.PlatformCouponId}_{now.UtcTicks}", "stock.out", fetched.PlatformCouponId, now);
        return now;
    }
}
