using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.Shopline;

/// <summary>Update, end ("ends_at = now") and delete of SHOPLINE price rules, each only where the capability table allows.</summary>
public sealed class ShoplineClientChangeTests : IAsyncLifetime
{
    private ShoplineTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShoplineTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task UpdateCouponAsync_UpcomingRule_ChangesWhatWasAskedOnly()
    {
        var seeded = _bed.SeedUpcoming("UPD1");
        var newEnd = seeded.EndsAt!.Value.AddDays(3);

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id, new CouponChange { Name = "Renamed", TotalQuantity = 250, ValidTo = newEnd, DiscountAmount = 7, MinSpend = 35 });

        Assert.True(result.Succeeded, result.Error?.ToString());
        var rule = _bed.Sandbox.FindPriceRule(ShoplineTestBed.StoreA, seeded.Id)!;
        Assert.Equal(("Renamed", 250, newEnd, 7m, 35m, seeded.StartsAt), (rule.Title, rule.UsageLimit!.Value, rule.EndsAt!.Value, rule.Value, rule.MinSubtotal!.Value, rule.StartsAt));
        Assert.Equal(("Renamed", 250, "UPD1"), (result.Value.Name, result.Value.TotalQuantity!.Value, result.Value.Code));
    }

    [Fact]
    public async Task UpdateCouponAsync_EndedRule_NotSupportedWithoutAPut()
    {
        var seeded = _bed.SeedEnded();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id, new CouponChange { Name = "Too late" });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal("Rule OLD1", _bed.Sandbox.FindPriceRule(ShoplineTestBed.StoreA, seeded.Id)!.Title);
        // Only the reads that found its status: the rule and its codes.
        Assert.Equal(2, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task UpdateCouponAsync_PercentageOnAFixedRule_RejectedBeforeAPut()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id, new CouponChange { Percentage = 20 });

        Assert.Equal((PlatformErrorKind.Rejected, "invalid_discount"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(2, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task EndCouponAsync_OngoingRule_EndsNow()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), seeded.Id);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var rule = _bed.Sandbox.FindPriceRule(ShoplineTestBed.StoreA, seeded.Id)!;
        Assert.Equal("expired", rule.StatusAt(_bed.Now));
        Assert.Equal(seeded.StartsAt, rule.StartsAt);
        Assert.InRange(rule.EndsAt!.Value, _bed.Now.AddSeconds(-5), _bed.Now);
    }

    [Fact]
    public async Task EndCouponAsync_UpcomingRule_StartAndEndMovedToNowSoTheWindowStaysValid()
    {
        var seeded = _bed.SeedUpcoming();

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), seeded.Id);
        var coupon = (await _bed.Client().GetCouponAsync(_bed.Store(), seeded.Id)).Value!;

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(coupon.ValidFrom, coupon.ValidTo);
        Assert.Equal(CouponStatus.Ended, coupon.Status);
    }

    [Fact]
    public async Task EndCouponAsync_EndedRule_NotSupported()
    {
        var result = await _bed.Client().EndCouponAsync(_bed.Store(), _bed.SeedEnded().Id);

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Contains("ended", result.Error.Message);
    }

    [Fact]
    public async Task ReactivateCouponAsync_AnyRule_NotSupportedWithTheCapabilityReasonAndNoCall()
    {
        var seeded = _bed.SeedOngoing("PAUSE");
        _bed.Sandbox.Stats.Reset();

        var result = await _bed.Client().ReactivateCouponAsync(_bed.Store(), seeded.Id);

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal(PlatformCapabilities.Shopline.ReactivateRefusal, result.Error.Message);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task DeleteCouponAsync_RuleWithCodes_GoneWithItsCodes()
    {
        var seeded = _bed.SeedOngoing("BYE");
        _bed.Sandbox.AddDiscountCode(ShoplineTestBed.StoreA, seeded.Id, "BYE2");

        var result = await _bed.Client().DeleteCouponAsync(_bed.Store(), seeded.Id);
        var again = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.Id);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Empty(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreA));
        Assert.Empty(_bed.Sandbox.DiscountCodes(ShoplineTestBed.StoreA, seeded.Id));
        Assert.Equal(PlatformErrorKind.NotFound, again.Error!.Kind);
    }
}
