using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox;
using CouponFunctions.Sandbox.Demo;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CouponFunctions.Platforms.Tests.Demo;

public sealed class DemoClaimsServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = DemoTestBed.Morning;

    private DemoTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DemoTestBed.StartAsync(Morning);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_IntervalPasses_AdvancesTheDemo()
    {
        var demo = _bed.NewDemo();
        demo.Seed(_bed.Credentials, Morning);
        var options = new DemoOptions { AdvanceInterval = TimeSpan.FromSeconds(30) };
        var before = UsageOf(demo);
        using var service = new DemoClaimsService(demo, options, _bed.Clock, NullLogger<DemoClaimsService>.Instance);

        await service.StartAsync(CancellationToken.None);
        // The service makes its timer on its own thread: move the clock on until a tick has come through.
        Assert.True(await Eventually.TrueAsync(() =>
        {
            _bed.Clock.Advance(TimeSpan.FromSeconds(30));
            return UsageOf(demo) > before;
        }), "No claims tick came through.");
        await service.StopAsync(CancellationToken.None);

        Assert.True(UsageOf(demo) > before);
    }

    [Fact]
    public async Task ExecuteAsync_ZeroInterval_EndsAtOnce()
    {
        var demo = _bed.NewDemo();
        using var service = new DemoClaimsService(demo, new DemoOptions { AdvanceInterval = TimeSpan.Zero }, _bed.Clock, NullLogger<DemoClaimsService>.Instance);

        await service.StartAsync(CancellationToken.None);
        // The limit only stops a hang: a service that kept running would never complete.
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public void AddSandboxDemo_AfterTheSandboxes_UsesTheRegisteredSandboxesAndAddsTheTicker()
    {
        using var services = new ServiceCollection().AddLogging().AddPlatformSandboxes().AddSandboxDemo(o => o.AdvanceInterval = TimeSpan.FromSeconds(5)).BuildServiceProvider();

        var demo = services.GetRequiredService<DemoData>();

        Assert.Same(services.GetRequiredService<ShopeeSandbox>(), demo.Sandboxes.Shopee);
        Assert.Same(demo, services.GetRequiredService<DemoData>());
        Assert.Single(services.GetServices<IHostedService>().OfType<DemoClaimsService>());
    }

    [Fact]
    public void AddSandboxDemo_NegativeInterval_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSandboxDemo(o => o.AdvanceInterval = TimeSpan.FromSeconds(-1)));

        Assert.Contains("AdvanceInterval", error.Message);
    }

    // Claims and uses summed over every demo coupon, read from the sandboxes.
    private static long UsageOf(DemoData demo) =>
        demo.Planned.Where(p => p.Spec.Platform == Core.Stores.Platform.Shopee).Sum(p => demo.Sandboxes.Shopee.Vouchers(long.Parse(p.Spec.ShopId)).Sum(v => (long)v.CurrentUsage))
        + demo.Planned.Where(p => p.Spec.Platform == Core.Stores.Platform.TikTok).Sum(p => demo.Sandboxes.TikTok.Coupons(p.Spec.ShopId).Sum(c => (long)c.ClaimedCount))
        + demo.Planned.Where(p => p.Spec.Platform == Core.Stores.Platform.Lazada).Sum(p => demo.Sandboxes.Lazada.Vouchers(long.Parse(p.Spec.ShopId)).Sum(v => (long)v.OrderUsedBudget))
        + demo.Planned.Where(p => p.Spec.Platform == Core.Stores.Platform.Shopline).Sum(p => demo.Sandboxes.Shopline.PriceRules(p.Spec.ShopId)
            .Sum(r => demo.Sandboxes.Shopline.DiscountCodes(p.Spec.ShopId, r.Id).Sum(c => (long)c.UsageCount)));
}
