using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// Records a sync's claimed/used changes as coupon-day rows (<see cref="SnapshotPlanner"/>) before the coupons are written:
/// a run that stops after this and before the coupon write sees the same change again next time and writes the same row
/// (an upsert), so nothing is lost or counted twice. Writes nothing, and reads nothing, when no figure moved.
/// </summary>
public sealed class SnapshotRecorder(ICouponSnapshots snapshots)
{
    public async Task RecordAsync(Store store, IReadOnlyDictionary<string, StoredCoupon> stored, IReadOnlyList<CouponWrite> writes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var moved = writes
            .Select(w => (Before: stored.GetValueOrDefault(w.Next.Id), After: w.Next.Coupon))
            .Where(c => c.Before is null
                ? (c.After.ClaimedCount ?? 0) != 0 || (c.After.UsedCount ?? 0) != 0
                : c.Before.Coupon.ClaimedCount != c.After.ClaimedCount || c.Before.Coupon.UsedCount != c.After.UsedCount)
            .ToList();
        if (moved.Count == 0) return;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, store.TimeZone).DateTime);
        var today = await snapshots.GetDayAsync(store.TenantId, store.Id, day, cancellationToken);
        var rows = SnapshotPlanner.Plan(day, moved, today);
        if (rows.Count == 0) return;
        await snapshots.SaveDayAsync(store.TenantId, store.Id, day, rows[0].Currency, rows, cancellationToken);
    }
}
