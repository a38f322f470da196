using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Platforms.Tests.Shopee;

public sealed class ShopeeClientResilienceTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<string, FaultPlan> TransientFaults => TestDoubles.TransientFaults.Named(throttle: "throttle", error: "error_server");

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task GetCouponAsync_TransientFaults_RetriedThenSucceeds(string fault, FaultPlan plan)
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(plan);

        var result = await _bed.Client(o => o.Timeout = TimeSpan.FromSeconds(2)).GetCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.True(result.Succeeded, $"{fault}: {result.Error}");
        Assert.Equal(plan.MaxFaults, (int)_bed.Sandbox.Stats.Faults);
        Assert.Equal(plan.MaxFaults + 1, (int)_bed.Sandbox.Stats.Calls);
        Assert.Empty(_bed.Recorder.Failures);
    }

    [Fact]
    public async Task GetCouponAsync_ThrottledWithRetryAfter_WaitsTheGivenTimeThenSucceeds()
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1, RetryAfter = TimeSpan.FromSeconds(1) });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Contains(_bed.Logs.Messages, m => m.Contains("Retrying shopee call in 00:00:01 ") && m.Contains("Throttled error_rate_limit"));
    }

    [Fact]
    public async Task GetCouponAsync_RetryAfterLongerThanWeWait_FailsThrottledAtOnce()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, RetryAfter = TimeSpan.FromMinutes(5) });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "1");

        Assert.Equal((PlatformErrorKind.Throttled, "error_rate_limit", 429), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task CreateCouponAsync_AmbiguousServerFault_NotResentAndReportedTransient()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("AMB"));

        Assert.Equal((PlatformErrorKind.Transient, "error_server"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
        Assert.Single(_bed.Recorder.Failures);
    }

    [Fact]
    public async Task CreateCouponAsync_ThrottleAnswer_ResentOnceAndCreatedOnce()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("THR"));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Single(_bed.Sandbox.Vouchers(ShopeeTestBed.ShopA));
    }

    [Fact]
    public async Task CircuitBreaker_Repeated5xx_OpensAndFailsFastWithoutCalling()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ServerErrorRate = 1 });
        var client = _bed.Client(o => (o.MaxRetries, o.CircuitMinimumThroughput) = (0, 4));
        var store = _bed.Store();

        for (var i = 0; i < 4; i++) Assert.Equal(PlatformErrorKind.Transient, (await client.GetCouponAsync(store, "1")).Error!.Kind);
        _bed.Sandbox.Faults.Clear();
        var callsBefore = _bed.Sandbox.Stats.Calls;
        var fast = await client.GetCouponAsync(store, "1");

        Assert.Equal(PlatformErrorKind.CircuitOpen, fast.Error!.Kind);
        Assert.Equal(callsBefore, _bed.Sandbox.Stats.Calls);
        Assert.Contains("access_token=***", fast.Error.RequestUrl);
        Assert.Equal(5, _bed.Recorder.Failures.Count);
    }

    [Fact]
    public async Task CircuitBreaker_OnePlatformOpen_OtherPlatformsCallerStillCalls()
    {
        // Two call paths as two platforms would have them (same sandbox behind both): each has its own circuit.
        var shopee = _bed.Api(configure: o => (o.MaxRetries, o.CircuitMinimumThroughput) = (0, 2));
        var other = _bed.Api(Platform.Lazada, o => (o.MaxRetries, o.CircuitMinimumThroughput) = (0, 2));
        var store = _bed.Store();
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1 });
        for (var i = 0; i < 2; i++) await Get(shopee, store);
        _bed.Sandbox.Faults.Clear();

        var open = await Get(shopee, store);
        var healthy = await Get(other, store);

        Assert.Equal((Platform.Shopee, PlatformErrorKind.CircuitOpen), (open.Error!.Platform, open.Error.Kind));
        Assert.Equal(PlatformErrorKind.NotFound, healthy.Error!.Kind);
    }

    [Fact]
    public async Task ListCouponsAsync_FaultOnOneShop_OtherShopUnaffected()
    {
        _bed.SeedOngoing(ShopeeTestBed.ShopB, "B1");
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1 }, ShopeeTestBed.ShopA.ToString());
        var client = _bed.Client();

        var sick = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(_bed.Store()).ToListAsync());
        var healthy = (await client.ListCouponsAsync(_bed.Store(ShopeeTestBed.ShopB)).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(PlatformErrorKind.Transient, sick.Error.Kind);
        Assert.Equal("B1", Assert.Single(healthy).Code);
        Assert.All(_bed.Recorder.Failures, f => Assert.Equal(ShopeeTestBed.ShopA.ToString(), f.Store.ShopId));
    }

    [Fact]
    public async Task GetCouponAsync_ExpiredTokenFault_UnauthorizedWithoutRetry()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ExpiredTokens = true });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "1");

        Assert.Equal((PlatformErrorKind.Unauthorized, "invalid_access_token"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task SandboxThrottle_ClientFasterThanLimit_ThrottledThenRecoversByBackoff()
    {
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 5);
        var client = _bed.Client(o => (o.MaxRetries, o.RetryBaseDelay) = (8, TimeSpan.FromMilliseconds(100)));
        var store = _bed.Store();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetCouponAsync(store, "1")));

        Assert.All(results, r => Assert.Equal(PlatformErrorKind.NotFound, r.Error!.Kind));
        Assert.True(_bed.Sandbox.Stats.Throttled > 0);
    }

    [Fact]
    public async Task SandboxThrottle_ClientPacedAtTheLimit_NeverThrottled()
    {
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 10);
        var client = _bed.Client(o => (o.ShopQps, o.ShopBurst, o.MaxRetries) = (10, 1, 0));
        var store = _bed.Store();

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.GetCouponAsync(store, "1")));

        Assert.All(results, r => Assert.Equal(PlatformErrorKind.NotFound, r.Error!.Kind));
        Assert.Equal(0, _bed.Sandbox.Stats.Throttled);
    }

    private static Task<PlatformResult<System.Text.Json.JsonElement>> Get(Platforms.Shopee.ShopeeApi api, StoreConnection store) =>
        api.ShopCallAsync(store, HttpMethod.Get, "/api/v2/voucher/get_voucher", [new("voucher_id", "1")], null,
            Platforms.Common.Http.RetryMode.Safe, e => e, CancellationToken.None);
}
