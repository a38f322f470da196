using CouponFunctions.Core.Platforms;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Platforms.Tests.Shopline;

public sealed class ShoplineClientResilienceTests : IAsyncLifetime
{
    private ShoplineTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShoplineTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<string, FaultPlan> TransientFaults => TestDoubles.TransientFaults.Named(throttle: "429", error: "500");

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task GetCouponAsync_TransientFaults_RetriedThenSucceeds(string fault, FaultPlan plan)
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(plan);

        var result = await _bed.Client(o => o.Timeout = TimeSpan.FromSeconds(2)).GetCouponAsync(_bed.Store(), seeded.Id);

        Assert.True(result.Succeeded, $"{fault}: {result.Error}");
        Assert.Equal(plan.MaxFaults, (int)_bed.Sandbox.Stats.Faults);
        // Two reads (the rule and its codes) plus one per fault.
        Assert.Equal(plan.MaxFaults + 2, (int)_bed.Sandbox.Stats.Calls);
        Assert.Empty(_bed.Recorder.Failures);
    }

    [Fact]
    public async Task GetCouponAsync_429WithRetryAfter_WaitsTheGivenTimeThenSucceeds()
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1, RetryAfter = TimeSpan.FromSeconds(1) });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.Id);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Contains(_bed.Logs.Messages, m => m.Contains("Retrying shopline call in 00:00:01 ") && m.Contains("Throttled http_429"));
    }

    [Fact]
    public async Task ListCouponsAsync_ThrottledMidListing_RecoversAndListsEverything()
    {
        for (var i = 0; i < 45; i++) _bed.SeedOngoing($"C{i}");
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 0.3, MaxFaults = 10 });

        var coupons = (await _bed.Client(o => (o.PageSize, o.MaxRetries) = (20, 10)).ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(45, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(10, _bed.Sandbox.Stats.Faults);
        Assert.Equal(3 + 45 + 10, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task CreateCouponAsync_AmbiguousServerFault_NotResentAndReportedTransient()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("AMB"));

        Assert.Equal((PlatformErrorKind.Transient, 500), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
        Assert.Single(_bed.Recorder.Failures);
    }

    [Fact]
    public async Task CreateCouponAsync_ThrottleAnswer_ResentOnceAndCreatedOnce()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("THR"));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Single(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreA));
    }

    [Fact]
    public async Task ListCouponsAsync_FaultOnOneStore_OtherStoreUnaffected()
    {
        _bed.SeedOngoing("B1", ShoplineTestBed.StoreB);
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1 }, ShoplineTestBed.StoreA);
        var client = _bed.Client();

        var sick = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(_bed.Store()).ToListAsync());
        var healthy = (await client.ListCouponsAsync(_bed.Store(ShoplineTestBed.StoreB)).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(PlatformErrorKind.Transient, sick.Error.Kind);
        Assert.Equal("B1", Assert.Single(healthy).Code);
        Assert.All(_bed.Recorder.Failures, f => Assert.Equal(ShoplineTestBed.StoreA, f.Store.ShopId));
    }

    [Fact]
    public async Task GetCouponAsync_ExpiredTokenFault_UnauthorizedWithoutRetry()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ExpiredTokens = true });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), _bed.SeedOngoing().Id);

        Assert.Equal((PlatformErrorKind.Unauthorized, 401), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task SandboxThrottle_ClientFasterThanStoreLimit_ThrottledThenRecoversByBackoff()
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 4);
        var client = _bed.Client(o => (o.MaxRetries, o.RetryBaseDelay) = (8, TimeSpan.FromMilliseconds(100)));
        var store = _bed.Store();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetCouponAsync(store, seeded.Id)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.True(_bed.Sandbox.Stats.Throttled > 0);
    }

    [Fact]
    public async Task SandboxThrottle_ListingPacedAtTheStoreLimit_NeverThrottled()
    {
        for (var i = 0; i < 30; i++) _bed.SeedOngoing($"C{i}");
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 50);
        var client = _bed.Client(o => (o.ShopQps, o.ShopBurst, o.MaxRetries, o.PageSize) = (50, 1, 0, 10));

        var coupons = (await client.ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(30, coupons.Count);
        Assert.Equal(0, _bed.Sandbox.Stats.Throttled);
        Assert.Equal(4 + 30, _bed.Sandbox.Stats.Calls);
    }
}
