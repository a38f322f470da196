using CouponFunctions.Core.Platforms;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientThrottleTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ListCouponsAsync_ThrottledMidPaging_RecoversAndListsEverything()
    {
        for (var i = 0; i < 12; i++) _bed.SeedOngoing(name: $"O{i}");
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 0.5, MaxFaults = 4 });

        var coupons = (await _bed.Client(o => (o.PageSize, o.MaxRetries) = (5, 6)).ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(12, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(4, _bed.Sandbox.Stats.Faults);
        Assert.Contains(_bed.Logs.Messages, m => m.Contains("Throttled ApiCallLimit"));
    }

    [Fact]
    public async Task GetCouponAsync_ThrottledWithRetryAfter_WaitsTheGivenTimeThenSucceeds()
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1, RetryAfter = TimeSpan.FromSeconds(1) });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Contains(_bed.Logs.Messages, m => m.Contains("Retrying lazada call in 00:00:01 ") && m.Contains("Throttled ApiCallLimit"));
    }

    [Fact]
    public async Task CreateCouponAsync_ApiCallLimitAnswer_ResentAndCreatedOnce()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ThrottleRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.FixedAmountDraft("Ten off"));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Single(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg));
    }

    [Fact]
    public async Task SandboxThrottle_PerSellerLimitExceeded_ThrottledThenRecoversByBackoff()
    {
        _bed.Sandbox.Throttle.Configure(appQps: 0, shopQps: 5);
        var client = _bed.Client(o => (o.MaxRetries, o.RetryBaseDelay) = (8, TimeSpan.FromMilliseconds(100)));
        var store = _bed.Store();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetCouponAsync(store, "1")));

        Assert.All(results, r => Assert.Equal(PlatformErrorKind.NotFound, r.Error!.Kind));
        Assert.True(_bed.Sandbox.Stats.Throttled > 0);
    }

    [Fact]
    public async Task SandboxThrottle_PerAppLimit_CountsEverySellerOfTheApp()
    {
        _bed.Sandbox.Throttle.Configure(appQps: 0.01, shopQps: 0);
        var client = _bed.Client(o => o.MaxRetries = 0);

        var first = await client.GetCouponAsync(_bed.Store(), "1");
        var second = await client.GetCouponAsync(_bed.Store(LazadaTestBed.SellerVn), "1");

        Assert.Equal(PlatformErrorKind.NotFound, first.Error!.Kind);
        Assert.Equal((PlatformErrorKind.Throttled, "ApiCallLimit"), (second.Error!.Kind, second.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Throttled);
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
}
