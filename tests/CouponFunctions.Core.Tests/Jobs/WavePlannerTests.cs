using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class WavePlannerTests
{
    private static readonly Platform[] Platforms = [Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline];

    /// <summary>Items of <paramref name="stores"/> stores spread over the four platforms, <paramref name="perStore"/> each.</summary>
    private static List<WorkItem> Items(int stores, int perStore) =>
        Enumerable.Range(0, stores).SelectMany(s => Enumerable.Range(0, perStore).Select(i =>
            new WorkItem($"s-{s:000}|v-{i}", Platforms[s % 4], StoreId.Parse($"s-{s:000}")))).ToList();

    private static void AssertWithinLimits(WavePlan plan, WaveLimits limits, IReadOnlyCollection<WorkItem> items)
    {
        Assert.All(plan.Waves, w =>
        {
            Assert.InRange(w.Batches.Count, 1, limits.MaxBatchesPerWave);
            Assert.All(w.Batches.GroupBy(b => b.Platform), g => Assert.InRange(g.Count(), 1,
                limits.PerPlatform.Any(p => p.Platform == g.Key) ? limits.MaxConcurrentPerPlatform : limits.ConcurrentFor(g.Key)));
            Assert.Equal(w.Batches.Count, w.Batches.Select(b => b.StoreId).Distinct().Count());
        });
        Assert.All(plan.Waves.SelectMany(w => w.Batches), b => Assert.InRange(b.ItemKeys.Count, 1, limits.MaxItemsPerBatch));
        Assert.Equal(items.Select(i => i.Key).Order(), plan.Waves.SelectMany(w => w.Batches).SelectMany(b => b.ItemKeys).Order());
    }

    [Fact]
    public void Plan_DeployTo100Stores_WavesBoundedPerPlatformAtTheLeastCount()
    {
        var items = Items(100, 1);
        var limits = new WaveLimits(MaxItemsPerBatch: 1, MaxBatchesPerWave: 32, MaxConcurrentPerPlatform: 8);

        var plan = WavePlanner.Plan(items, limits);

        AssertWithinLimits(plan, limits, items);
        Assert.Equal(4, plan.Waves.Count); // 25 stores per platform, 8 at a time
        Assert.Equal(WavePlanner.LowerBound(items, limits), plan.Waves.Count);
    }

    [Fact]
    public void Plan_Renew10000CouponsIn100Stores_BatchesNotItemsAndTheLeastWaves()
    {
        var items = Items(100, 100);
        var limits = WaveLimits.Default;

        var plan = WavePlanner.Plan(items, limits);

        AssertWithinLimits(plan, limits, items);
        Assert.Equal(200, plan.BatchCount);
        Assert.Equal(10_000, plan.ItemCount);
        Assert.Equal(WavePlanner.LowerBound(items, limits), plan.Waves.Count);
    }

    [Fact]
    public void Plan_OneBusyStore_ItsBatchesGoFirstAndOnePerWave()
    {
        var items = Items(1, 120).Concat(Items(5, 1).Skip(1)).ToList();
        var limits = new WaveLimits(MaxItemsPerBatch: 50, MaxBatchesPerWave: 10, MaxConcurrentPerPlatform: 10);

        var plan = WavePlanner.Plan(items, limits);

        AssertWithinLimits(plan, limits, items);
        Assert.Equal(3, plan.Waves.Count);
        Assert.All(plan.Waves, w => Assert.Equal("s-000", w.Batches[0].StoreId.Value));
        Assert.Equal(["s-000.1", "s-000.2", "s-000.3"], plan.Waves.Select(w => w.Batches[0].Id));
    }

    [Fact]
    public void Plan_Renew10000CouponsWithLimitsDerivedFromRates_AtLeastTwelveStoresOfAPlatformInEveryWave()
    {
        var items = Items(100, 100);
        var limits = new JobOptions { MaxConcurrentPerPlatform = 32 }.LimitsFor(_ => new PlatformRate(100, 10));

        var plan = WavePlanner.Plan(items, limits);

        AssertWithinLimits(plan, limits, items);
        // 25 stores x 2 batches per platform: 12 at a time would leave a last wave of 2 stores at a fifth of the app limit;
        // evened out it is 4 waves of 13, 13, 12, 12, every one enough to keep the app limit busy.
        Assert.Equal([13, 13, 12, 12], plan.Waves.Select(w => w.Batches.Count(b => b.Platform == Platform.Shopee)));
        Assert.Equal(52, plan.Waves[0].Batches.Count);
        Assert.Equal(WavePlanner.LowerBound(items, limits), plan.Waves.Count);
    }

    [Fact]
    public void Plan_DerivedNumberAtTheCap_NotExceeded()
    {
        var items = Items(100, 1);
        var limits = new JobOptions { MaxConcurrentPerPlatform = 10 }.LimitsFor(_ => new PlatformRate(100, 10));

        var plan = WavePlanner.Plan(items, limits);

        AssertWithinLimits(plan, limits, items);
        Assert.Equal([10, 10, 5], plan.Waves.Select(w => w.Batches.Count(b => b.Platform == Platform.Shopee)));
    }

    [Fact]
    public void Plan_OnePlatformSlower_EachPlatformKeptToItsOwnNumber()
    {
        var items = Items(40, 1);
        var limits = new WaveLimits(MaxItemsPerBatch: 1, MaxBatchesPerWave: 64, MaxConcurrentPerPlatform: 8)
        {
            PerPlatform = [new PlatformConcurrency(Platform.Lazada, 3)],
        };

        var plan = WavePlanner.Plan(items, limits);

        AssertWithinLimits(plan, limits, items);
        // 10 Lazada stores at 3 a time, evened out: 4, 3, 3 (not 3, 3, 3, 1); Shopee's 10 at the plain limit of 8.
        Assert.Equal([4, 3, 3], plan.Waves.Select(w => w.Batches.Count(b => b.Platform == Platform.Lazada)));
        Assert.Equal([8, 2, 0], plan.Waves.Select(w => w.Batches.Count(b => b.Platform == Platform.Shopee)));
    }

    [Fact]
    public void Plan_SameItems_SamePlan() =>
        Assert.Equal(
            WavePlanner.Plan(Items(30, 7), new WaveLimits(3, 5, 2)).Waves.SelectMany(w => w.Batches.Select(b => (w.Number, b.Id, string.Join(",", b.ItemKeys)))),
            WavePlanner.Plan(Items(30, 7), new WaveLimits(3, 5, 2)).Waves.SelectMany(w => w.Batches.Select(b => (w.Number, b.Id, string.Join(",", b.ItemKeys)))));

    [Fact]
    public void Plan_NoItems_NoWaves() => Assert.Empty(WavePlanner.Plan([], WaveLimits.Default).Waves);

    [Fact]
    public void Plan_DuplicateKey_Throws() =>
        Assert.Throws<ArgumentException>(() => WavePlanner.Plan([.. Items(1, 1), .. Items(1, 1)], WaveLimits.Default));

    [Fact]
    public void Plan_BadLimits_Throws() => Assert.Throws<ArgumentException>(() => WavePlanner.Plan(Items(1, 1), new WaveLimits(0, 1, 1)));

    [Fact]
    public void Plan_PlatformConcurrencyBelowOne_Throws() =>
        Assert.Throws<ArgumentException>(() => WavePlanner.Plan(Items(1, 1), WaveLimits.Default with { PerPlatform = [new PlatformConcurrency(Platform.Shopee, 0)] }));
}
