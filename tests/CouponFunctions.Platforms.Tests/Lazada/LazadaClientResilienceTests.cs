using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientResilienceTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<string, FaultPlan> TransientFaults => TestDoubles.TransientFaults.Named(throttle: "ApiCallLimit", error: "ServiceUnavailable");

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task GetCouponAsync_TransientFaults_RetriedThenSucceeds(string fault, FaultPlan plan)
    {
        var seeded = _bed.SeedOngoing();
        var client = _bed.Client(o => o.Timeout = TimeSpan.FromSeconds(1));
        var store = _bed.Store();
        // A first answer warms both sides up, so that the timed-out attempt is the only slow one.
        Assert.True((await client.GetCouponAsync(store, seeded.Id.ToString())).Succeeded);
        _bed.Sandbox.Stats.Reset();
        _bed.Sandbox.Faults.Set(plan);

        var result = await client.GetCouponAsync(store, seeded.Id.ToString());

        Assert.True(result.Succeeded, $"{fault}: {result.Error}");
        Assert.Equal(plan.MaxFaults, (int)_bed.Sandbox.Stats.Faults);
        Assert.Equal(plan.MaxFaults + 1, (int)_bed.Sandbox.Stats.Calls);
        Assert.Empty(_bed.Recorder.Failures);
    }

    [Fact]
    public async Task CreateCouponAsync_AmbiguousServerFault_NotResentAndReportedTransient()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1, MaxFaults = 1 });

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.FixedAmountDraft("Ten off"));

        Assert.Equal((PlatformErrorKind.Transient, "ServiceUnavailable"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
        Assert.Single(_bed.Recorder.Failures);
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

        Assert.Equal((Platform.Lazada, PlatformErrorKind.CircuitOpen), (fast.Error!.Platform, fast.Error.Kind));
        Assert.Equal(callsBefore, _bed.Sandbox.Stats.Calls);
        Assert.Contains("access_token=***", fast.Error.RequestUrl);
        Assert.Equal(5, _bed.Recorder.Failures.Count);
    }

    [Fact]
    public async Task CircuitBreaker_LazadaOpen_ShopeeConnectorOnTheSameHostStillWorks()
    {
        var lazada = _bed.Client(o => (o.MaxRetries, o.CircuitMinimumThroughput) = (0, 2));
        var store = _bed.Store();
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1 });
        for (var i = 0; i < 2; i++) await lazada.GetCouponAsync(store, "1");
        var (shopee, shopeeStore) = ConnectShopee();

        var open = await lazada.GetCouponAsync(store, "1");
        var healthy = await shopee.ListCouponsAsync(shopeeStore).ToListAsync();

        Assert.Equal(PlatformErrorKind.CircuitOpen, open.Error!.Kind);
        Assert.Equal("SHP1", healthy.Single().Single().Code);
    }

    [Fact]
    public async Task ListCouponsAsync_FaultOnOneSeller_OtherSellerUnaffected()
    {
        _bed.SeedOngoing(LazadaTestBed.SellerVn, "VN1");
        _bed.Sandbox.Faults.Set(new FaultPlan { ErrorRate = 1 }, LazadaTestBed.SellerSg.ToString());
        var client = _bed.Client();

        var sick = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(_bed.Store()).ToListAsync());
        var healthy = (await client.ListCouponsAsync(_bed.Store(LazadaTestBed.SellerVn)).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(PlatformErrorKind.Transient, sick.Error.Kind);
        Assert.Equal("VN1", Assert.Single(healthy).Name);
        Assert.All(_bed.Recorder.Failures, f => Assert.Equal(LazadaTestBed.SellerSg.ToString(), f.Store.ShopId));
    }

    [Fact]
    public async Task GetCouponAsync_ExpiredTokenFault_UnauthorizedWithoutRetry()
    {
        _bed.Sandbox.Faults.Set(new FaultPlan { ExpiredTokens = true });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "1");

        Assert.Equal((PlatformErrorKind.Unauthorized, "IllegalAccessToken"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    private (ShopeeClient Client, StoreConnection Store) ConnectShopee()
    {
        const long partner = 2_001_234, shop = 500_001;
        _bed.Host.Shopee.AddPartner(partner, "shopee-partner-key-0123456789");
        _bed.Host.Shopee.AddShop(shop, "SG", partner);
        _bed.Host.Shopee.AddVoucher(shop, new ShopeeSandboxVoucher { Code = "SHP1", Name = "Shopee", Start = _bed.Now.AddHours(-1), End = _bed.Now.AddDays(1), DiscountAmount = 5 });
        var tokens = _bed.Host.Shopee.IssueTokens(partner, shop);
        var options = new ShopeeClientOptions { PartnerId = partner, PartnerKey = "shopee-partner-key-0123456789", BaseUrl = _bed.Host.BaseUrl(Platform.Shopee), MaxRetries = 0 };
        var client = new ShopeeClient(options, _bed.HttpClients, _bed.Clock, new RecordingCallRecorder(), new CapturingLogger<ShopeeClient>());
        return (client, new StoreConnection(TenantId.Parse("t-test"), StoreId.Parse("s-shopee"), Platform.Shopee, "SG", shop.ToString(),
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt)));
    }
}
