using CouponFunctions.Platforms.Common.Throttling;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Testing;

namespace CouponFunctions.Platforms.Tests.Common;

public sealed class TokenBucketTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Reserve_WithinBurst_NoWaitThenOneInterval()
    {
        var limiter = Limiter(appQps: 10, appBurst: 3, shopQps: 100, shopBurst: 100);

        var waits = Enumerable.Range(0, 4).Select(_ => limiter.ReserveApp("app")).ToList();
        var shopWaits = Enumerable.Range(0, 2).Select(_ => limiter.ReserveShop("app", "s")).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)], waits);
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero], shopWaits);
    }

    [Fact]
    public async Task AcquireAsync_NoToken_CompletesExactlyWhenTheTokenArrives()
    {
        var limiter = Limiter(appQps: 10, appBurst: 1, shopQps: 100, shopBurst: 1);
        await limiter.AcquireAsync("app", "shop");

        var waiting = limiter.AcquireAsync("app", "shop").AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_SeveralWaiters_ServedInArrivalOrder()
    {
        var limiter = Limiter(appQps: 4, appBurst: 1, shopQps: 100, shopBurst: 1);
        await limiter.AcquireAsync("app", null);
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 3).Select(async i =>
        {
            await limiter.AcquireAsync("app", null);
            lock (order) order.Add(i);
        }).ToList();

        for (var step = 0; step < 3; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            var expected = step + 1;
            Assert.True(await Eventually.TrueAsync(() => { lock (order) return order.Count >= expected; }), $"Waiter {expected} was not let through.");
            lock (order) Assert.Equal(expected, order.Count);
        }

        await Task.WhenAll(waiters);
        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public async Task AcquireAsync_ShopLimitTighterThanApp_ShopSpacedWhileOtherShopsGoOn()
    {
        var limiter = Limiter(appQps: 100, appBurst: 1, shopQps: 2, shopBurst: 1);

        var shopA = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync("app", "A").AsTask()).ToList();
        var shopB = limiter.AcquireAsync("app", "B").AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        await shopB.WaitAsync(TimeSpan.FromSeconds(5));

        // B needed only the app's next slot (10 ms); A's second and third calls wait for A's own bucket.
        Assert.Equal([true, false, false], shopA.Select(t => t.IsCompleted));
        _clock.Advance(TimeSpan.FromMilliseconds(490));
        await shopA[1].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(shopA[2].IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await shopA[2].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Reserve_ManyCalls_RateIsExactOverTheRun()
    {
        var limiter = Limiter(appQps: 50, appBurst: 1, shopQps: 1000, shopBurst: 1);

        var last = Enumerable.Range(0, 1000).Select(_ => limiter.ReserveApp("app")).ToList()[^1];

        Assert.InRange(last.Ticks, TimeSpan.FromSeconds(999 / 50d).Ticks - 1, TimeSpan.FromSeconds(999 / 50d).Ticks + 1);
    }

    [Fact]
    public void Reserve_AfterIdle_BurstComesBackButNotMore()
    {
        var limiter = Limiter(appQps: 10, appBurst: 2, shopQps: 100, shopBurst: 100);
        limiter.ReserveApp("app");
        limiter.ReserveApp("app");

        _clock.Advance(TimeSpan.FromSeconds(10));
        var waits = Enumerable.Range(0, 3).Select(_ => limiter.ReserveApp("app")).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)], waits);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0.5)]
    public void Constructor_RateOrBurstOutOfRange_Throws(double rate, double burst) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(rate, burst));

    private PlatformRateLimiter Limiter(double appQps, double appBurst, double shopQps, double shopBurst) =>
        new(new ShopeeClientOptions { AppQps = appQps, AppBurst = appBurst, ShopQps = shopQps, ShopBurst = shopBurst }, _clock);
}
