using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientEndTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task EndCouponAsync_OngoingVoucher_DeactivatesItForGood()
    {
        var seeded = _bed.SeedOngoing();
        var client = _bed.Client();

        var result = await client.EndCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        var after = await client.GetCouponAsync(_bed.Store(), seeded.Id.ToString());
        Assert.Equal((CouponStatus.Deactivated, "FINISH"), (after.Value!.Status, after.Value.RawStatus));
        _bed.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(CouponStatus.Ended, (await client.GetCouponAsync(_bed.Store(), seeded.Id.ToString())).Value!.Status);
    }

    [Fact]
    public async Task EndCouponAsync_UpcomingVoucher_Deactivates()
    {
        var seeded = _bed.SeedUpcoming();

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.NotNull(_bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.DeactivatedAt);
    }

    [Fact]
    public async Task EndCouponAsync_FinishedVoucher_NotSupportedWithPlainReason()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Over", -TimeSpan.FromDays(5), TimeSpan.FromDays(1));

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal("Only upcoming or ongoing or paused lazada coupons can be deactivated; this one is ended.", result.Error.Message);
    }

    [Fact]
    public async Task ReactivateCouponAsync_SuspendedVoucher_ActivatesItOnTheSandboxAndItReadsOngoingAgain()
    {
        var seeded = _bed.SeedOngoing();
        _bed.Sandbox.SetSuspended(LazadaTestBed.SellerSg, seeded.Id, true);
        var client = _bed.Client();
        var before = await client.GetCouponAsync(_bed.Store(), seeded.Id.ToString());

        var result = await client.ReactivateCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((CouponStatus.Paused, "SUSPEND"), (before.Value!.Status, before.Value.RawStatus));
        Assert.False(_bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.Suspended);
        var after = await client.GetCouponAsync(_bed.Store(), seeded.Id.ToString());
        Assert.Equal((CouponStatus.Ongoing, "ONGOING"), (after.Value!.Status, after.Value.RawStatus));
    }

    [Fact]
    public async Task ReactivateCouponAsync_DeactivatedVoucher_NotSupportedAfterOnlyTheRead()
    {
        var seeded = _bed.SeedOngoing();
        Assert.True((await _bed.Client().EndCouponAsync(_bed.Store(), seeded.Id.ToString())).Succeeded);
        _bed.Sandbox.Stats.Reset();

        var result = await _bed.Client().ReactivateCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal("Only paused lazada coupons can be re-activated; this one is deactivated.", result.Error.Message);
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
        Assert.NotNull(_bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.DeactivatedAt);
    }

    [Fact]
    public async Task DeleteCouponAsync_AnyVoucher_NotSupportedWithCapabilityReasonAndNoCall()
    {
        var seeded = _bed.SeedUpcoming();

        var result = await _bed.Client().DeleteCouponAsync(_bed.Store(), seeded.Id.ToString());

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal(PlatformCapabilities.Lazada.DeleteRefusal, result.Error.Message);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
        Assert.NotNull(_bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id));
    }

    [Fact]
    public async Task Sandbox_DeactivateFinishedVoucherSentAnyway_RefusesWithE023()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Over", -TimeSpan.FromDays(5), TimeSpan.FromDays(1));

        var result = await _bed.RawAsync(_bed.Store(), HttpMethod.Post, "/promotion/voucher/deactivate", ("voucher_type", "COLLECTIBLE_VOUCHER"), ("id", seeded.Id.ToString()));

        Assert.Equal(("E023", "The voucher has already finished."), (result.Error!.Code, result.Error.Message));
    }
}
