using System.Net;
using System.Net.Http.Json;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Platforms.Tests.Shopee;

/// <summary>The run-time control endpoints under /sandbox/shopee/_control.</summary>
public sealed class ShopeeSandboxControlTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Uri Control(string path) => new($"{_bed.Host.BaseUrl(Platform.Shopee)}/_control/{path}");

    [Fact]
    public async Task PostFaults_ForOneShop_InjectedThereOnlyAndReadableBack()
    {
        var http = _bed.NoRedirectClient();
        var shop = ShopeeTestBed.ShopA.ToString();

        using var set = await http.PostAsJsonAsync(Control("faults"), new { shopId = shop, errorRate = 1.0, maxFaults = 1, latencyMs = 5 });
        var plan = await http.GetFromJsonAsync<Dictionary<string, object>>(Control($"faults?shopId={shop}"));
        var other = await http.GetFromJsonAsync<Dictionary<string, object>>(Control("faults"));
        var result = await _bed.Client().GetCouponAsync(_bed.Store(), _bed.SeedOngoing().VoucherId.ToString());

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal("1", plan!["errorRate"].ToString());
        Assert.Equal("0", other!["errorRate"].ToString());
        Assert.True(result.Succeeded);
        Assert.Equal(1, _bed.Sandbox.Stats.Faults);
    }

    [Fact]
    public async Task DeleteFaults_ClearsEveryPlan()
    {
        _bed.Sandbox.Faults.Set(new() { ServerErrorRate = 1 });
        var http = _bed.NoRedirectClient();

        using var cleared = await http.DeleteAsync(Control("faults"));
        var result = await _bed.Client(o => o.MaxRetries = 0).GetCouponAsync(_bed.Store(), _bed.SeedOngoing().VoucherId.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
    }

    [Fact]
    public async Task PostClock_Advance_MovesVoucherFromUpcomingToOngoing()
    {
        var seeded = _bed.Seed(ShopeeTestBed.ShopA, "LATER", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        var http = _bed.NoRedirectClient();

        using var moved = await http.PostAsJsonAsync(Control("clock"), new { advanceSeconds = 7200 });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("ongoing", _bed.Sandbox.FindVoucher(ShopeeTestBed.ShopA, seeded.VoucherId)!.StatusAt(_bed.Now));
    }

    [Fact]
    public async Task PostThrottleThenGetStats_CountsThrottledCalls()
    {
        var http = _bed.NoRedirectClient();
        using var set = await http.PostAsJsonAsync(Control("throttle"), new { appQps = 1, shopQps = 0 });
        var client = _bed.Client(o => o.MaxRetries = 0);
        var store = _bed.Store();

        await client.GetCouponAsync(store, "1");
        var second = await client.GetCouponAsync(store, "1");
        var stats = await http.GetFromJsonAsync<Dictionary<string, long>>(Control("stats"));

        Assert.Equal(Core.Platforms.PlatformErrorKind.Throttled, second.Error!.Kind);
        Assert.Equal((2L, 1L), (stats!["calls"], stats["throttled"]));
    }
}
