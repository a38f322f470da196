using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.TikTok;

/// <summary>TikTok Shop coupons are read-only through the API: every write is refused before any call.</summary>
public sealed class TikTokClientWriteTests : IAsyncLifetime
{
    private TikTokTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TikTokTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task CreateCouponAsync_AnyDraft_NotSupportedWithoutACall()
    {
        var draft = new CouponDraft { Name = "New", Reward = RewardType.FixedAmount, DiscountAmount = 5, TotalQuantity = 10, ValidFrom = _bed.Now.AddHours(1), ValidTo = _bed.Now.AddDays(1) };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        AssertRefused(result.Error, PlatformCapabilities.TikTok.CreateRefusal!);
    }

    [Fact]
    public async Task UpdateCouponAsync_OngoingCoupon_NotSupportedWithoutACall()
    {
        var coupon = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), coupon.CouponId, new CouponChange { Name = "Renamed", TotalQuantity = 500 });

        AssertRefused(result.Error, PlatformCapabilities.TikTok.ReadOnlyReason!);
        Assert.Equal("Ongoing", _bed.Sandbox.FindCoupon(TikTokTestBed.ShopA, coupon.CouponId)!.Title);
    }

    [Fact]
    public async Task EndCouponAsync_OngoingCoupon_NotSupportedWithoutACall()
    {
        var coupon = _bed.SeedOngoing();

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), coupon.CouponId);

        AssertRefused(result.Error, PlatformCapabilities.TikTok.ReadOnlyReason!);
    }

    [Fact]
    public async Task DeleteCouponAsync_AnyCoupon_NotSupportedWithoutACall()
    {
        var coupon = _bed.SeedOngoing();

        var result = await _bed.Client().DeleteCouponAsync(_bed.Store(), coupon.CouponId);

        AssertRefused(result.Error, PlatformCapabilities.TikTok.ReadOnlyReason!);
        Assert.NotNull(_bed.Sandbox.FindCoupon(TikTokTestBed.ShopA, coupon.CouponId));
    }

    private void AssertRefused(PlatformError? error, string reason)
    {
        Assert.NotNull(error);
        Assert.Equal((Core.Stores.Platform.TikTok, PlatformErrorKind.NotSupported, reason), (error.Platform, error.Kind, error.Message));
        Assert.Contains("Seller Center", error.Message);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
        Assert.Empty(_bed.Recorder.Failures);
    }
}
