using CouponFunctions.Core.Platforms;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Platforms.Tests.TikTok;

public sealed class TikTokClientResilienceTests : IAsyncLifetime
{
    private TikTokTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TikTokTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<string, FaultPlan> TransientFaults => TestDoubles.TransientFaults.Named(throttle: "36009002 throttle", error: "36009003 internal error");

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task GetCouponAsync_TransientFaults_RetriedThenSucceeds(string fault, FaultPlan plan)
    {
        var coupon = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(plan);

        var result = await _bed.Client(o => o.Timeout = TimeSpan.FromSeconds(2)).GetCouponAsync(_bed.Store(), coupon.CouponId);

        Assert.True(result.Succeeded, $"{fault}: {result.Error}");
        Assert.Equal(plan.MaxFaults, (int)_bed.Sandbox.Stats.Faults);
        Assert.Equal(plan.MaxFaults + 1, (int)_bed.Sandbox.Stats.Calls);
        Assert.Empty(_bed.Recorder.Failures);
    }

    [Fact]
    public async Task GetCouponAsync_429WithRetryAfter_WaitsTheGivenTimeThenSucceeds()
    {
        var coupon = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1, RetryAfter = TimeSpan.FromSeconds(1) });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), coupon.CouponId);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Contains(_bed.Logs.Messages, m => m.Contains("Retrying tiktok call in 00:00:01 ") && m.Contains("Throttled 36009002"));
    }

    [Fact]
    public async Task ListCouponsAsync_ThrottledMidListing_RecoversAndListsEverything()
    {
        for (var i = 0; i < 45; i++) _bed.SeedOngoing(title: $"C{i}");
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 0.3, MaxFaults = 10 });

        var coupons = (await _bed.Client(o => (o.PageSize, o.MaxRetries) = (20, 10)).ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(45, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(10, _bed.Sandbox.Stats.Faults);
        Assert.Equal(3 + 45 + 10, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task GetCouponAsync_RetryAfterLongerThanWeWait_FailsThrottledAtOnce()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, RetryAfter = TimeSpan.FromMinutes(5) });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "7300000000000000001");

        Assert.Equal((PlatformErrorKind.Throttled, "36009002", 429), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task RefreshTokenAsync_AmbiguousServerFault_NotResent()
    {
        var store = _bed.Store();
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().RefreshTokenAsync(store);

        // The refresh token is single-use: after a 5xx the platform may have rotated it, so it is not re-sent.
        Assert.Equal((PlatformErrorKind.Transient, "36009003"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_FaultOnOneShop_OtherShopUnaffected()
    {
        _bed.SeedOngoing(TikTokTestBed.ShopB, "B1");
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1 }, TikTokTestBed.ShopA);
        var client = _bed.Client();

        var sick = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(_bed.Store()).ToListAsync());
        var healthy = (await client.ListCouponsAsync(_bed.Store(TikTokTestBed.ShopB)).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(PlatformErrorKind.Transient, sick.Error.Kind);
        Assert.Equal("B1", Assert.Single(healthy).Name);
        Assert.All(_bed.Recorder.Failures, f => Assert.Equal(TikTokTestBed.ShopA, f.Store.ShopId));
    }

    [Fact]
    public async Task GetCouponAsync_ExpiredTokenFault_UnauthorizedWithoutRetry()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ExpiredTokens = true });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "7300000000000000001");

        Assert.Equal((PlatformErrorKind.Unauthorized, "105002"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task SandboxThrottle_ClientFasterThanShopLimit_ThrottledThenRecoversByBackoff()
    {
        var coupon = _bed.SeedOngoing();
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 5);
        var client = _bed.Client(o => (o.MaxRetries, o.RetryBaseDelay) = (8, TimeSpan.FromMilliseconds(100)));
        var store = _bed.Store();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetCouponAsync(store, coupon.CouponId)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.True(_bed.Sandbox.Stats.Throttled > 0);
    }

    [Fact]
    public async Task SandboxThrottle_ListingPacedAtTheShopLimit_NeverThrottled()
    {
        for (var i = 0; i < 30; i++) _bed.SeedOngoing(title: $"C{i}");
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 50);
        var client = _bed.Client(o => (o.ShopQps, o.ShopBurst, o.MaxRetries, o.PageSize) = (50, 1, 0, 10));

        var coupons = (await client.ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(30, coupons.Count);
        Assert.Equal(0, _bed.Sandbox.Stats.Throttled);
        Assert.Equal(3 + 30, _bed.Sandbox.Stats.Calls);
    }
}
