using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class DayTotalsRecorderTests
{
    private static readonly DateOnly Today = DayTotalsRecorder.StoreDay(Store(), Now);

    [Fact]
    public async Task SaveTotals_TwoPagesOfOneRun_WritesTheDayOnceAtTheEndFromBothPages()
    {
        var totals = new MemoryTotals();
        var recorder = new DayTotalsRecorder(totals, new MemoryCampaigns());
        var run = new DayTotalsRecorder.RunDay();
        var stored = new Dictionary<string, StoredCoupon>();

        Page(recorder, stored, run, Coupon("v-1"));
        Page(recorder, stored, run, Coupon("v-2") with { ClaimedCount = 40, UsedCount = 4 });
        var writesAfterPages = totals.Writes;
        await recorder.SaveTotalsAsync(Store(), stored.Values, run, afterUnfinishedRun: false, Now);

        Assert.Equal((0, 1), (writesAfterPages, totals.Writes));
        var day = Assert.Single(totals.Days);
        Assert.Equal((Today, 140, 14), (day.Day, day.Claims, day.Uses));
    }

    [Fact]
    public async Task SaveTotals_MovesOnEarlierDaysAndEarlierRunsOfTheDay_CountsEachCouponFromItsDaysStart()
    {
        // v-1 moved yesterday only; v-2 moved earlier today (from 30 to 35) and again in this run (to 50).
        var totals = new MemoryTotals();
        var recorder = new DayTotalsRecorder(totals, new MemoryCampaigns());
        var run = new DayTotalsRecorder.RunDay();
        var stored = new Dictionary<string, StoredCoupon>
        {
            ["v-1"] = new(Coupon("v-1"), "h1", Now, Now, Day: new CouponDayStart(Today.AddDays(-1), 0, 0)),
            ["v-2"] = new(Coupon("v-2") with { ClaimedCount = 35, UsedCount = 3 }, "h2", Now, Now, Day: new CouponDayStart(Today, 30, 3)),
        };

        Page(recorder, stored, run, Coupon("v-2") with { ClaimedCount = 50, UsedCount = 3 });
        await recorder.SaveTotalsAsync(Store(), stored.Values, run, afterUnfinishedRun: false, Now);

        var day = Assert.Single(totals.Days);
        Assert.Equal((20, 0), (day.Claims, day.Uses));
    }

    [Fact]
    public async Task SaveTotals_UnfinishedRunBeforeAndNothingMovedNow_WritesTheDayFromTheStoredCoupons()
    {
        // The earlier run wrote v-1's move and stopped before the day's totals: this run moves nothing and still writes them.
        var totals = new MemoryTotals();
        var stored = new Dictionary<string, StoredCoupon> { ["v-1"] = new(Coupon("v-1"), "h1", Now, Now, Day: new CouponDayStart(Today, 0, 0)) };

        await new DayTotalsRecorder(totals, new MemoryCampaigns()).SaveTotalsAsync(Store(), stored.Values, new DayTotalsRecorder.RunDay(), afterUnfinishedRun: true, Now);

        Assert.Equal((100, 10), (totals.Days.Single().Claims, totals.Days.Single().Uses));
    }

    [Fact]
    public async Task SaveTotals_FinishedRunBeforeAndNothingMoved_WritesNothing()
    {
        var totals = new MemoryTotals();
        var campaigns = new MemoryCampaigns();
        var stored = new Dictionary<string, StoredCoupon> { ["v-1"] = new(Coupon("v-1"), "h1", Now, Now, Day: new CouponDayStart(Today, 0, 0)) };
        var run = new DayTotalsRecorder.RunDay();

        Page(new DayTotalsRecorder(totals, campaigns), stored, run, Coupon("v-1") with { Name = "Renamed" });
        await new DayTotalsRecorder(totals, campaigns).SaveTotalsAsync(Store(), stored.Values, run, afterUnfinishedRun: false, Now);

        Assert.Equal((0, 0), (totals.Writes, campaigns.Reads));
    }

    [Fact]
    public async Task SaveTotals_TaggedCoupons_SplitsTheDayByCampaignAndReadsTheTagsOnce()
    {
        var totals = new MemoryTotals();
        var campaigns = new MemoryCampaigns(new Dictionary<string, string> { ["v-1"] = "Mid-Year Sale", ["v-3"] = "Mid-Year Sale" });
        var recorder = new DayTotalsRecorder(totals, campaigns);
        var run = new DayTotalsRecorder.RunDay();
        var stored = new Dictionary<string, StoredCoupon>();

        Page(recorder, stored, run, Coupon("v-1"), Coupon("v-2") with { ClaimedCount = 40, UsedCount = 4 });
        Page(recorder, stored, run, Coupon("v-3") with { ClaimedCount = 5, UsedCount = 1 });
        await recorder.SaveTotalsAsync(Store(), stored.Values, run, afterUnfinishedRun: false, Now);

        var day = Assert.Single(totals.Days);
        Assert.Equal((145, 15), (day.Claims, day.Uses));
        Assert.Equal([("", 40, 4), ("Mid-Year Sale", 105, 11)], day.ByCampaign.Select(c => (c.Campaign, c.Claims, c.Uses)));
        Assert.Equal(1, campaigns.Reads);
    }

    [Fact]
    public async Task Track_CampaignsStillBeingRead_TheTotalsWaitForThem()
    {
        var campaigns = new MemoryCampaigns(new Dictionary<string, string> { ["v-1"] = "Payday" }) { Reading = new TaskCompletionSource() };
        var totals = new MemoryTotals();
        var recorder = new DayTotalsRecorder(totals, campaigns);
        var run = new DayTotalsRecorder.RunDay();
        var stored = new Dictionary<string, StoredCoupon>();

        // The first move starts the read of the campaigns (a query of the store's partition) beside the listing.
        Page(recorder, stored, run, Coupon("v-1"));
        var saving = recorder.SaveTotalsAsync(Store(), stored.Values, run, afterUnfinishedRun: false, Now);

        Assert.Equal((1, false), (campaigns.Reads, saving.IsCompleted));
        campaigns.Reading.SetResult();
        await saving;
        Assert.Equal("Payday", Assert.Single(Assert.Single(totals.Days).ByCampaign).Campaign);
    }

    // One page as sync handles it: each coupon planned against the run's copy, which moves on, and the page's moves noted.
    private static void Page(DayTotalsRecorder recorder, Dictionary<string, StoredCoupon> stored, DayTotalsRecorder.RunDay run, params Coupon[] listed)
    {
        var before = new Dictionary<string, StoredCoupon>(StringComparer.Ordinal);
        var writes = new List<CouponWrite>();
        foreach (var coupon in listed)
        {
            if (SyncPlanner.Plan(stored.GetValueOrDefault(coupon.PlatformCouponId), coupon, Now, Today) is not { } write) continue;
            if (stored.TryGetValue(coupon.PlatformCouponId, out var known)) before[known.Id] = known;
            stored[coupon.PlatformCouponId] = write.Next;
            writes.Add(write);
        }
        recorder.Track(Store(), before, writes, run);
    }

    private sealed class MemoryTotals : IStoreDayTotals
    {
        public List<StoreDayTotals> Days { get; } = [];

        public int Writes { get; private set; }

        public Task SaveAsync(TenantId tenantId, StoreDayTotals totals, CancellationToken cancellationToken = default)
        {
            Writes++;
            Days.RemoveAll(t => t.StoreId == totals.StoreId && t.Day == totals.Day);
            Days.Add(totals);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<StoreDayTotals>> ReadAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoreDayTotals>>(Days);
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
