using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Sandbox.Lazada;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientChangeTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task UpdateCouponAsync_UpcomingVoucher_ChangesStartDiscountAndLimit()
    {
        var seeded = _bed.SeedUpcoming();
        var newStart = _bed.Now.AddDays(2);

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { ValidFrom = newStart, DiscountAmount = 7, PerBuyerLimit = 2 });

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((newStart.ToUnixTimeMilliseconds(), 7m, 2), (result.Value.ValidFrom.ToUnixTimeMilliseconds(), result.Value.DiscountAmount!.Value, result.Value.PerBuyerLimit!.Value));
        Assert.Equal(newStart.ToUnixTimeMilliseconds(), result.Value.ClaimStart!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task UpdateCouponAsync_OngoingVoucherNameMoreIssuedLaterEnd_Succeeds()
    {
        var seeded = _bed.SeedOngoing();
        var later = seeded.End.AddDays(3);

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { Name = "Renamed", TotalQuantity = 150, ValidTo = later });

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(("Renamed", 150, later), (result.Value.Name, result.Value.TotalQuantity!.Value, result.Value.ValidTo));
    }

    [Fact]
    public async Task UpdateCouponAsync_IssuedDown_RejectedWithoutAnUpdateCall()
    {
        var seeded = _bed.SeedUpcoming();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { TotalQuantity = 10 });

        Assert.Equal((PlatformErrorKind.Rejected, "issued_decrease"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
        Assert.Equal(100, _bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.Issued);
    }

    [Fact]
    public async Task UpdateCouponAsync_MinSpendOnRunningVoucher_NotSupportedNamingTheField()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { MinSpend = 80 });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Contains("ongoing", result.Error.Message);
        Assert.Contains("MinSpend", result.Error.Message);
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task UpdateCouponAsync_MinSpendOnUpcomingVoucher_RejectedAsFixedOnceSet()
    {
        var seeded = _bed.SeedUpcoming();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { MinSpend = 80 });

        Assert.Equal((PlatformErrorKind.Rejected, "criteria_fixed"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("stays 50", result.Error.Message);
    }

    [Fact]
    public async Task UpdateCouponAsync_StartChangeWhileRunning_NotSupported()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { ValidFrom = _bed.Now.AddDays(1) });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Contains("ValidFrom", result.Error.Message);
    }

    [Fact]
    public async Task UpdateCouponAsync_PausedVoucher_RenameAllowed()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Paused", -TimeSpan.FromHours(1), TimeSpan.FromDays(2), v => v with { Suspended = true });

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { Name = "Still paused" });

        Assert.Equal(("Still paused", CouponStatus.Paused), (result.Value!.Name, result.Value.Status));
    }

    [Fact]
    public async Task UpdateCouponAsync_CodeVoucher_NotSupportedAsReadOnly()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Code", TimeSpan.FromHours(1), TimeSpan.FromDays(2), v => v with { VoucherType = "CODE_VOUCHER", VoucherCode = "C1" });

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), $"code-{seeded.Id}", new CouponChange { Name = "x" });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Contains("read-only", result.Error.Message);
    }

    [Fact]
    public async Task UpdateCouponAsync_ProductVoucherSkus_AddsAndRemoves()
    {
        foreach (var sku in new long[] { 1, 2, 3 }) _bed.Sandbox.AddSku(LazadaTestBed.SellerSg, new LazadaSandboxSku(sku));
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Skus", -TimeSpan.FromHours(1), TimeSpan.FromDays(2), v => v with { Apply = "SPECIFIC_PRODUCTS", SkuIds = [1, 2] });

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.Id.ToString(), new CouponChange { ProductIds = ["2", "3"] });

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(new[] { "2", "3" }, result.Value.ProductIds.Order());
    }

    [Theory]
    [InlineData(false, "issued", "10", "issued can only be raised")]
    [InlineData(false, "criteria_over_money", "75", "criteria_over_money cannot be changed")]
    [InlineData(true, "period_start_time", "START+1d", "Only voucher_name, issued and period_end_time")]
    [InlineData(true, "limit", "5", "Only voucher_name, issued and period_end_time")]
    [InlineData(true, "period_end_time", "PAST", "must be later than the current time")]
    public async Task Sandbox_ForbiddenUpdateSentAnyway_RefusesWithE023(bool running, string field, string value, string expected)
    {
        // Straight to the sandbox, past the connector's own checks: the sandbox must enforce the rule itself.
        var seeded = running ? _bed.SeedOngoing() : _bed.SeedUpcoming();
        var form = FullForm(seeded);
        form[field] = value switch
        {
            "START+1d" => Ms(seeded.Start.AddDays(1)),
            "PAST" => Ms(_bed.Now.AddMinutes(-1)),
            _ => value,
        };

        var result = await _bed.RawAsync(_bed.Store(), HttpMethod.Post, "/promotion/voucher/update", [.. form.Select(p => (p.Key, p.Value))]);

        Assert.Equal((PlatformErrorKind.Rejected, "E023"), (result.Error!.Kind, result.Error.Code));
        Assert.True(result.Error.Message.Contains(expected, StringComparison.Ordinal), $"{field}: {result.Error.Message}");
        Assert.Equal(seeded, _bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id));
    }

    [Fact]
    public async Task Sandbox_FullFormUnchanged_Accepted()
    {
        // The control for the refusals above: the same form with nothing forbidden in it goes through.
        var seeded = _bed.SeedOngoing();
        var form = FullForm(seeded);
        form["voucher_name"] = "Renamed raw";

        var result = await _bed.RawAsync(_bed.Store(), HttpMethod.Post, "/promotion/voucher/update", [.. form.Select(p => (p.Key, p.Value))]);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("Renamed raw", _bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.Name);
    }

    private static Dictionary<string, string> FullForm(LazadaSandboxVoucher v) => new()
    {
        ["id"] = v.Id.ToString(CultureInfo.InvariantCulture),
        ["voucher_type"] = v.VoucherType,
        ["voucher_name"] = v.Name,
        ["apply"] = v.Apply,
        ["display_area"] = v.DisplayArea,
        ["voucher_discount_type"] = v.DiscountType,
        ["criteria_over_money"] = "50",
        ["offering_money_value_off"] = "5",
        ["period_start_time"] = Ms(v.Start),
        ["period_end_time"] = Ms(v.End),
        ["limit"] = "1",
        ["issued"] = "100",
    };

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
