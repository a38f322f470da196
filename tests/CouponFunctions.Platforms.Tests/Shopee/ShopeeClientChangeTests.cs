using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Tests.Shopee;

public sealed class ShopeeClientChangeTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task UpdateCouponAsync_UpcomingVoucher_ChangesStartAndDiscount()
    {
        var seeded = _bed.SeedUpcoming();
        var newStart = _bed.Now.AddDays(2);

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { ValidFrom = newStart, DiscountAmount = 7 });

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((newStart.ToUnixTimeSeconds(), 7m), (result.Value.ValidFrom.ToUnixTimeSeconds(), result.Value.DiscountAmount!.Value));
    }

    [Fact]
    public async Task UpdateCouponAsync_OngoingVoucherNameMoreQuantityLaterEnd_Succeeds()
    {
        var seeded = _bed.SeedOngoing();
        var later = seeded.End.AddDays(3);

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { Name = "Renamed", TotalQuantity = 150, ValidTo = later });

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(("Renamed", 150, later), (result.Value.Name, result.Value.TotalQuantity!.Value, result.Value.ValidTo));
    }

    [Fact]
    public async Task ReactivateCouponAsync_AnyVoucher_NotSupportedWithTheCapabilityReasonAndNoCall()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().ReactivateCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal(PlatformCapabilities.Shopee.ReactivateRefusal, result.Error.Message);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task UpdateCouponAsync_OngoingVoucherStartChange_NotSupportedAfterOnlyTheRead()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { ValidFrom = _bed.Now.AddDays(1) });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Contains("ongoing", result.Error.Message);
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task UpdateCouponAsync_OngoingQuantityDown_RejectedBySandbox()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { TotalQuantity = 10 });

        Assert.Equal((PlatformErrorKind.Rejected, "voucher.voucher_quantity_reduce_error"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(100, _bed.Sandbox.FindVoucher(ShopeeTestBed.ShopA, seeded.VoucherId)!.UsageQuantity);
    }

    [Fact]
    public async Task UpdateCouponAsync_OngoingEarlierEnd_RejectedBySandbox()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { ValidTo = seeded.End.AddDays(-1) });

        Assert.Equal("voucher.voucher_end_time_reduce_error", result.Error!.Code);
    }

    [Fact]
    public async Task UpdateCouponAsync_AdminVoucher_NotSupported()
    {
        var seeded = _bed.Seed(ShopeeTestBed.ShopA, "ADM", TimeSpan.FromDays(1), TimeSpan.FromDays(2), v => v with { IsAdmin = true });

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { Name = "x" });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
    }

    [Fact]
    public async Task EndCouponAsync_OngoingVoucher_EndsIt()
    {
        var seeded = _bed.SeedOngoing();
        var client = _bed.Client();

        var result = await client.EndCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        var after = await client.GetCouponAsync(_bed.Store(), seeded.VoucherId.ToString());
        Assert.Equal(CouponStatus.Ended, after.Value!.Status);
    }

    [Fact]
    public async Task EndCouponAsync_UpcomingVoucher_NotSupportedWithPlainReason()
    {
        var seeded = _bed.SeedUpcoming();

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal("Only ongoing shopee coupons can be ended; this one is upcoming.", result.Error.Message);
    }

    [Fact]
    public async Task DeleteCouponAsync_UpcomingVoucher_DeletesIt()
    {
        var seeded = _bed.SeedUpcoming();
        var client = _bed.Client();

        var result = await client.DeleteCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(PlatformErrorKind.NotFound, (await client.GetCouponAsync(_bed.Store(), seeded.VoucherId.ToString())).Error!.Kind);
    }

    [Fact]
    public async Task DeleteCouponAsync_OngoingVoucher_NotSupported()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().DeleteCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.NotNull(_bed.Sandbox.FindVoucher(ShopeeTestBed.ShopA, seeded.VoucherId));
    }

    [Theory]
    [InlineData("/api/v2/voucher/end_voucher", false, "error_param")]
    [InlineData("/api/v2/voucher/delete_voucher", true, "error_param")]
    [InlineData("/api/v2/voucher/end_voucher", true, "voucher.operate_voucher_permission_error")]
    public async Task Sandbox_ForbiddenStopSentAnyway_RefusesWithShopeesError(string path, bool ongoing, string expected)
    {
        // Straight to the sandbox, past the connector's own capability check: the sandbox must enforce the rule itself.
        var admin = expected.Contains("permission");
        var seeded = _bed.Seed(ShopeeTestBed.ShopA, "RAW", ongoing ? -TimeSpan.FromHours(1) : TimeSpan.FromHours(1), TimeSpan.FromDays(1), v => v with { IsAdmin = admin });

        var result = await _bed.Api().ShopCallAsync(_bed.Store(), HttpMethod.Post, path, [], new { voucher_id = seeded.VoucherId },
            RetryMode.Safe, e => e, CancellationToken.None);

        Assert.Equal((PlatformErrorKind.Rejected, expected), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task Sandbox_OngoingMinSpendChangeSentAnyway_RefusesOngoingParam()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Api().ShopCallAsync(_bed.Store(), HttpMethod.Post, "/api/v2/voucher/update_voucher", [],
            new { voucher_id = seeded.VoucherId, min_basket_price = 80 }, RetryMode.Safe, e => e.GetProperty("response"), CancellationToken.None);

        Assert.Equal("voucher.voucher_ongoing_param_error", result.Error!.Code);
        Assert.NotEqual(JsonValueKind.Object, result.Value.ValueKind);
    }
}
