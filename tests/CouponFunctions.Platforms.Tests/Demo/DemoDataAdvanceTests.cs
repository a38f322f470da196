using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Demo;

namespace CouponFunctions.Platforms.Tests.Demo;

public sealed class DemoDataAdvanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = DemoTestBed.Morning;

    private DemoTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DemoTestBed.StartAsync(Morning);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void Advance_BeforeSeed_ChangesNothing()
    {
        var advance = _bed.NewDemo().Advance(Morning);

        Assert.Equal(DemoAdvance.None, advance);
    }

    [Fact]
    public void Advance_FourHoursOfTicks_MovesCountsButNeverBeyondTheQuantity()
    {
        var demo = _bed.NewDemo(new DemoOptions { StockOutEveryTicks = 20 });
        demo.Seed(_bed.Credentials, Morning);

        var changes = new List<DemoUsageChange>();
        for (var tick = 1; tick <= 480; tick++)
        {
            var advance = demo.Advance(Morning.AddSeconds(30 * tick));
            Assert.Equal(tick, advance.Tick);
            changes.AddRange(advance.Changes);
        }

        Assert.All(changes, c => Assert.True(c.After > c.Before && c.After <= (c.Quantity ?? int.MaxValue), c.ToString()));
        Assert.True(changes.Count >= 13 * 480 / 2, $"only {changes.Count} changes");
        Assert.Equal(DemoTestBed.AllPlatforms.Order(), changes.Select(c => c.Platform).Distinct().Order());
        // One forced stock-out every 20 ticks, beside those the ordinary claims bring about.
        Assert.True(changes.Count(c => c.StockedOut) >= 480 / 20, $"{changes.Count(c => c.StockedOut)} stock-outs");
        AssertNothingBeyondItsQuantity();
    }

    [Fact]
    public async Task Advance_Ticks_ShowThroughTheConnectors()
    {
        var demo = _bed.NewDemo();
        var seed = demo.Seed(_bed.Credentials, Morning);
        var before = await _bed.ListAllAsync(seed);

        var changes = Enumerable.Range(1, 40).SelectMany(t => demo.Advance(Morning.AddSeconds(30 * t)).Changes).ToList();
        var after = await _bed.ListAllAsync(seed);

        foreach (var change in changes.GroupBy(c => (c.Platform, c.ShopId, c.CouponId)).Select(g => g.Last()))
        {
            // The connector names Lazada's code vouchers "code-{id}"; the sandbox's id is the bare number.
            var coupon = after.Single(s => s.Store.ShopId == change.ShopId).Coupons
                .Single(c => c.PlatformCouponId == change.CouponId || c.PlatformCouponId == "code-" + change.CouponId);
            Assert.Equal(change.After, change.Platform == Platform.TikTok ? coupon.ClaimedCount : coupon.UsedCount);
        }
        Assert.True(after.Sum(s => s.Coupons.Sum(c => c.ClaimedCount ?? c.UsedCount ?? 0)) > before.Sum(s => s.Coupons.Sum(c => c.ClaimedCount ?? c.UsedCount ?? 0)));
    }

    [Fact]
    public async Task Advance_SameSeedAndTicksInTwoProcesses_MakesTheSameChanges()
    {
        await using var twin = await DemoTestBed.StartAsync(Morning);
        var mine = _bed.NewDemo();
        var theirs = twin.NewDemo();
        mine.Seed(_bed.Credentials, Morning);
        theirs.Seed(twin.Credentials, Morning);

        var a = Enumerable.Range(1, 60).SelectMany(t => mine.Advance(Morning.AddSeconds(30 * t)).Changes).ToList();
        var b = Enumerable.Range(1, 60).SelectMany(t => theirs.Advance(Morning.AddSeconds(30 * t)).Changes).ToList();

        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }

    private void AssertNothingBeyondItsQuantity()
    {
        var sandboxes = _bed.Sandboxes;
        foreach (var store in DemoCatalog.Stores)
        {
            switch (store.Platform)
            {
                case Platform.Shopee:
                    Assert.All(sandboxes.Shopee.Vouchers(long.Parse(store.ShopId)), v => Assert.InRange(v.CurrentUsage, 0, v.UsageQuantity));
                    break;
                case Platform.Lazada:
                    Assert.All(sandboxes.Lazada.Vouchers(long.Parse(store.ShopId)), v => Assert.InRange(v.OrderUsedBudget, 0, v.Issued));
                    break;
                case Platform.TikTok:
                    Assert.All(sandboxes.TikTok.Coupons(store.ShopId), c =>
                    {
                        Assert.InRange(c.ClaimedCount, 0, c.TotalClaimLimit ?? int.MaxValue);
                        Assert.InRange(c.RedeemedCount, 0, c.ClaimedCount);
                    });
                    break;
                case Platform.Shopline:
                    foreach (var rule in sandboxes.Shopline.PriceRules(store.ShopId))
                        Assert.All(sandboxes.Shopline.DiscountCodes(store.ShopId, rule.Id), c => Assert.InRange(c.UsageCount, 0, rule.UsageLimit ?? int.MaxValue));
                    break;
            }
        }
    }
}
