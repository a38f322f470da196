using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class SnapshotRecorderTests
{
    [Fact]
    public async Task PlanAndSave_TwoPagesOfOneRun_ReadsTheDayOnceAndTotalsBothPages()
    {
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots, new MemoryCampaigns());
        var run = new SnapshotRecorder.RunDay();
        var store = Store();
        var stored = new Dictionary<string, StoredCoupon>();

        await RecordAsync(recorder, store, stored, [Created(Coupon("v-1"))], Now, run);
        await RecordAsync(recorder, store, stored, [Created(Coupon("v-2") with { ClaimedCount = 40, UsedCount = 4 })], Now, run);
        var totalsAfterPages = snapshots.TotalsWrites;
        await recorder.SaveTotalsAsync(store, run, afterUnfinishedRun: false, Now);

        Assert.Equal(1, snapshots.DayReads);
        Assert.Equal((0, 1), (totalsAfterPages, snapshots.TotalsWrites));
        var totals = Assert.Single(snapshots.Totals);
        Assert.Equal((140, 14), (totals.Claims, totals.Uses));
        Assert.Equal(["v-1", "v-2"], snapshots.Rows.Keys.Order());
    }

    [Fact]
    public async Task SaveTotalsAsync_RunAfterOneThatStoppedBeforeItsCouponWriteAndTotals_NoRowTwiceAndTheTotalsFromTheDay()
    {
        // The first run wrote the snapshot row and stopped before writing the coupon and the totals: the next run sees the
        // same change, writes no row again, and (after an unfinished run) writes the day's totals from its rows.
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots, new MemoryCampaigns());
        var store = Store();
        var write = Created(Coupon("v-1"));
        await RecordAsync(recorder, store, new Dictionary<string, StoredCoupon>(), [write], Now, new SnapshotRecorder.RunDay());

        var next = new SnapshotRecorder.RunDay();
        await RecordAsync(recorder, store, new Dictionary<string, StoredCoupon>(), [write], Now, next);
        await recorder.SaveTotalsAsync(store, next, afterUnfinishedRun: true, Now);

        Assert.Equal(1, snapshots.RowSaves);
        Assert.Equal((100, 10), (snapshots.Totals.Single().Claims, snapshots.Totals.Single().Uses));
    }

    [Fact]
    public async Task SaveTotalsAsync_UnfinishedRunBeforeAndNothingMovedNow_ReadsTheDayAndWritesItsTotals()
    {
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots, new MemoryCampaigns());
        var store = Store();
        await RecordAsync(recorder, store, new Dictionary<string, StoredCoupon>(), [Created(Coupon("v-1"))], Now, new SnapshotRecorder.RunDay());

        await recorder.SaveTotalsAsync(store, new SnapshotRecorder.RunDay(), afterUnfinishedRun: true, Now);

        Assert.Equal(2, snapshots.DayReads);
        Assert.Equal((100, 10), (snapshots.Totals.Single().Claims, snapshots.Totals.Single().Uses));
    }

    [Fact]
    public async Task SaveTotalsAsync_FinishedRunBeforeAndNothingMoved_ReadsAndWritesNothing()
    {
        var snapshots = new MemorySnapshots();

        await new SnapshotRecorder(snapshots, new MemoryCampaigns()).SaveTotalsAsync(Store(), new SnapshotRecorder.RunDay(), afterUnfinishedRun: false, Now);

        Assert.Equal((0, 0), (snapshots.DayReads, snapshots.TotalsWrites));
    }

    [Fact]
    public async Task PlanAndSave_TaggedCoupons_SplitsTheDayByCampaignAndReadsTheTagsOnce()
    {
        var snapshots = new MemorySnapshots();
        var campaigns = new MemoryCampaigns(new Dictionary<string, string> { ["v-1"] = "Mid-Year Sale", ["v-3"] = "Mid-Year Sale" });
        var recorder = new SnapshotRecorder(snapshots, campaigns);
        var run = new SnapshotRecorder.RunDay();
        var stored = new Dictionary<string, StoredCoupon>();

        await RecordAsync(recorder, Store(), stored, [Created(Coupon("v-1")), Created(Coupon("v-2") with { ClaimedCount = 40, UsedCount = 4 })], Now, run);
        await RecordAsync(recorder, Store(), stored, [Created(Coupon("v-3") with { ClaimedCount = 5, UsedCount = 1 })], Now, run);
        await recorder.SaveTotalsAsync(Store(), run, afterUnfinishedRun: false, Now);

        var totals = Assert.Single(snapshots.Totals);
        Assert.Equal((145, 15), (totals.Claims, totals.Uses));
        Assert.Equal([("", 40, 4), ("Mid-Year Sale", 105, 11)], totals.ByCampaign.Select(c => (c.Campaign, c.Claims, c.Uses)));
        Assert.Equal(1, campaigns.Reads);
    }

    [Fact]
    public async Task PlanAndSave_StoresFirstSyncStartedWithoutRows_ReadsNoDayAndTotalsItsOwnRows()
    {
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots, new MemoryCampaigns());
        var run = new SnapshotRecorder.RunDay();
        var store = Store();

        SnapshotRecorder.StartWithoutRows(store, run, Now);
        await RecordAsync(recorder, store, new Dictionary<string, StoredCoupon>(), [Created(Coupon("v-1"))], Now, run);
        await recorder.SaveTotalsAsync(store, run, afterUnfinishedRun: false, Now);

        Assert.Equal(0, snapshots.DayReads);
        Assert.Equal((100, 10), (snapshots.Totals.Single().Claims, snapshots.Totals.Single().Uses));
    }

    [Fact]
    public async Task PlanAndSave_NothingMoved_ReadsNoCampaigns()
    {
        var campaigns = new MemoryCampaigns();
        var coupon = Coupon("v-1");
        var stored = new Dictionary<string, StoredCoupon> { ["v-1"] = new(coupon, "hash", Now, Now) };

        await RecordAsync(new SnapshotRecorder(new MemorySnapshots(), campaigns), Store(), stored, [Created(coupon with { Name = "Renamed" })], Now, new SnapshotRecorder.RunDay());

        Assert.Equal(0, campaigns.Reads);
    }

    [Fact]
    public async Task PlanAsync_CampaignsStillBeingRead_PlansThePageAndTheTotalsWaitForThem()
    {
        var campaigns = new MemoryCampaigns(new Dictionary<string, string> { ["v-1"] = "Payday" }) { Reading = new TaskCompletionSource() };
        var snapshots = new MemorySnapshots();
        var recorder = new SnapshotRecorder(snapshots, campaigns);
        var run = new SnapshotRecorder.RunDay();
        var store = Store();
        SnapshotRecorder.StartWithoutRows(store, run, Now);

        // The page is planned and written while the campaigns (a query of the store's partition) are still on their way.
        var rows = await recorder.PlanAsync(store, new Dictionary<string, StoredCoupon>(), [Created(Coupon("v-1"))], Now, run);
        await recorder.SaveAsync(store, rows!);
        var totals = recorder.SaveTotalsAsync(store, run, afterUnfinishedRun: false, Now);

        Assert.Equal(["v-1"], snapshots.Rows.Keys);
        Assert.Equal((1, false), (campaigns.Reads, totals.IsCompleted));
        campaigns.Reading.SetResult();
        await totals;
        Assert.Equal("Payday", Assert.Single(Assert.Single(snapshots.Totals).ByCampaign).Campaign);
    }

    // One page as sync writes it: planned in page order, then its rows saved.
    private static async Task RecordAsync(
        SnapshotRecorder recorder, Store store, IReadOnlyDictionary<string, StoredCoupon> stored, IReadOnlyList<CouponWrite> writes, DateTimeOffset now, SnapshotRecorder.RunDay run)
    {
        if (await recorder.PlanAsync(store, stored, writes, now, run) is { } rows) await recorder.SaveAsync(store, rows);
    }

    private static CouponWrite Created(Coupon coupon) =>
        new(CouponWriteKind.Created, new StoredCoupon(coupon, "hash", Now, Now), [], null);

    private sealed class MemorySnapshots : ICouponSnapshots
    {
        public Dictionary<string, CouponDayFigures> Rows { get; } = new(StringComparer.Ordinal);

        public List<StoreDayTotals> Totals { get; } = [];

        public int DayReads { get; private set; }

        public int RowSaves { get; private set; }

        public int TotalsWrites { get; private set; }

        public Task<IReadOnlyDictionary<string, CouponDayFigures>> GetDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, CancellationToken cancellationToken = default)
        {
            DayReads++;
            return Task.FromResult<IReadOnlyDictionary<string, CouponDayFigures>>(new Dictionary<string, CouponDayFigures>(Rows.Where(r => r.Value.Day == day)));
        }

        public Task SaveDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, IReadOnlyList<CouponDayFigures> figures, StoreDayTotals? totals, CancellationToken cancellationToken = default)
        {
            if (figures.Count > 0) RowSaves++;
            foreach (var f in figures) Rows[f.CouponId] = f;
            if (totals is null) return Task.CompletedTask;
            TotalsWrites++;
            Totals.RemoveAll(t => t.Day == day);
            Totals.Add(totals);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<StoreDayTotals>> GetTotalsAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoreDayTotals>>(Totals);
    }

    private sealed class MemoryCampaigns(Dictionary<string, string>? tags = null) : ICouponCampaigns
    {
        public int Reads { get; private set; }

        /// <summary>When set, a read answers once this completes.</summary>
        public TaskCompletionSource? Reading { get; init; }

        public async Task<IReadOnlyDictionary<string, string>> GetStoreAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
        {
            Reads++;
            if (Reading is not null) await Reading.Task;
            return tags ?? [];
        }

        public Task SetAsync(TenantId tenantId, StoreId storeId, IReadOnlyCollection<string> couponIds, string? campaign, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Sync never sets a campaign.");
    }
}
