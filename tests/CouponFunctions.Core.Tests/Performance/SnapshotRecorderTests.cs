using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class SnapshotRecorderTests
{
    [Fact]
    public async Task RecordAsync_TwoPagesOfOneRun_ReadsTheDayOnceAndTotalsBothPages()
    {
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots);
        var run = new SnapshotRecorder.RunDay();
        var store = Store();
        var stored = new Dictionary<string, StoredCoupon>();

        await recorder.RecordAsync(store, stored, [Created(Coupon("v-1"))], Now, run);
        await recorder.RecordAsync(store, stored, [Created(Coupon("v-2") with { ClaimedCount = 40, UsedCount = 4 })], Now, run);

        Assert.Equal(1, snapshots.DayReads);
        var totals = Assert.Single(snapshots.Totals);
        Assert.Equal((140, 14), (totals.Claims, totals.Uses));
        Assert.Equal(["v-1", "v-2"], snapshots.Rows.Keys.Order());
    }

    [Fact]
    public async Task RecordAsync_NewRunAfterAStopBeforeTheCouponWrite_WritesNothingAndKeepsTheTotals()
    {
        // The first run wrote the snapshot and stopped before writing the coupon: the next run sees the same change.
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots);
        var store = Store();
        var write = Created(Coupon("v-1"));
        await recorder.RecordAsync(store, new Dictionary<string, StoredCoupon>(), [write], Now, new SnapshotRecorder.RunDay());

        await recorder.RecordAsync(store, new Dictionary<string, StoredCoupon>(), [write], Now, new SnapshotRecorder.RunDay());

        Assert.Equal(1, snapshots.Saves);
        Assert.Equal((100, 10), (snapshots.Totals[0].Claims, snapshots.Totals[0].Uses));
    }

    private static CouponWrite Created(Coupon coupon) =>
        new(CouponWriteKind.Created, new StoredCoupon(coupon, "hash", Now, Now), [], null);

    private sealed class MemorySnapshots : ICouponSnapshots
    {
        public Dictionary<string, CouponDayFigures> Rows { get; } = new(StringComparer.Ordinal);

        public List<StoreDayTotals> Totals { get; } = [];

        public int DayReads { get; private set; }

        public int Saves { get; private set; }

        public Task<IReadOnlyDictionary<string, CouponDayFigures>> GetDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, CancellationToken cancellationToken = default)
        {
            DayReads++;
            return Task.FromResult<IReadOnlyDictionary<string, CouponDayFigures>>(new Dictionary<string, CouponDayFigures>(Rows.Where(r => r.Value.Day == day)));
        }

        public Task SaveDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, IReadOnlyList<CouponDayFigures> figures, StoreDayTotals totals, CancellationToken cancellationToken = default)
        {
            Saves++;
            foreach (var f in figures) Rows[f.CouponId] = f;
            Totals.RemoveAll(t => t.Day == day);
            Totals.Add(totals);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<StoreDayTotals>> GetTotalsAsync(TenantId tenantId, StoreId storeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoreDayTotals>>(Totals);
    }
}
