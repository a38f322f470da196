using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.Shopee;

public sealed class ShopeeClientWriteTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task CreateCouponAsync_ValidDraft_CreatesAndReadsItBack()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("NEW1"));

        Assert.True(result.Succeeded, result.Error?.ToString());
        var stored = Assert.Single(_bed.Sandbox.Vouchers(ShopeeTestBed.ShopA));
        Assert.Equal((stored.VoucherId.ToString(), "NEW1", CouponStatus.Upcoming, 10m), (result.Value.PlatformCouponId, result.Value.Code, result.Value.Status, result.Value.DiscountAmount!.Value));
        Assert.Equal((1, 1, 100, 60m), (stored.VoucherType, stored.RewardType, stored.UsageQuantity, stored.MinBasketPrice));
    }

    [Fact]
    public async Task CreateCouponAsync_ProductPercentageVoucher_SendsItemsAndCap()
    {
        _bed.Sandbox.AddItem(ShopeeTestBed.ShopA, new(777));
        var draft = _bed.Draft("PCT1") with { Scope = CouponScope.Product, Reward = RewardType.Percentage, DiscountAmount = null, Percentage = 20, MaxDiscount = 15, MinSpend = 40, ProductIds = ["777"] };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((CouponScope.Product, RewardType.Percentage, 20m, 15m), (result.Value.Scope, result.Value.Reward, result.Value.Percentage!.Value, result.Value.MaxDiscount!.Value));
        Assert.Equal(["777"], result.Value.ProductIds);
    }

    [Theory]
    [InlineData("MIN", 2, 10, "voucher.voucher_min_price_error")]
    public async Task CreateCouponAsync_BreaksAShopeeRule_RejectedWithShopeesCode(string code, double hours, int minSpend, string expected)
    {
        var start = _bed.Now.AddHours(1);
        var draft = _bed.Draft(code) with { ValidFrom = start, ValidTo = start.AddHours(hours), MinSpend = minSpend };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.Equal((PlatformErrorKind.Rejected, expected), (result.Error!.Kind, result.Error.Code));
        Assert.Empty(_bed.Sandbox.Vouchers(ShopeeTestBed.ShopA));
        Assert.Contains(_bed.Recorder.Failures, f => f.Operation == "voucher/add_voucher" && f.Error.Code == expected);
    }

    [Fact]
    public async Task CreateCouponAsync_DuplicateCodeOfOpenVoucher_Rejected()
    {
        _bed.SeedOngoing(code: "DUP");

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("DUP"));

        Assert.Equal("voucher.voucher_code_duplicate_error", result.Error!.Code);
    }

    [Theory]
    [InlineData("TOOLONG", 1, 2, "code.length", "must be 1–5 characters")]
    [InlineData("BAD-1", 1, 2, "code.format", "letters A–Z, a–z and digits 0–9")]
    [InlineData("SHORT", 1, 0.5, "time.too_short", "at least 1 hour after they start")]
    [InlineData("LONG", 1, 24 * 95, "time.too_long", "at most 3 months")]
    [InlineData("PAST", -0.2, 2, "time.start_in_past", "cannot start in the past")]
    public async Task CreateCouponAsync_BreaksACatalogRule_RefusedInPlainWordsBeforeAnyCall(string code, double startsInHours, double hours, string expected, string words)
    {
        var start = _bed.Now.AddHours(startsInHours);
        var draft = _bed.Draft(code) with { ValidFrom = start, ValidTo = start.AddHours(hours) };
        var calls = _bed.Sandbox.Stats.Calls;

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.Equal((PlatformErrorKind.Rejected, expected), (result.Error!.Kind, result.Error.Code));
        Assert.Contains(words, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(calls, _bed.Sandbox.Stats.Calls);
        Assert.Empty(_bed.Sandbox.Vouchers(ShopeeTestBed.ShopA));
    }

    [Fact]
    public async Task UpdateCouponAsync_EndWithinAnHourOfStart_RefusedBeforeUpdateVoucher()
    {
        var seeded = _bed.SeedUpcoming(code: "UPD");
        var calls = _bed.Sandbox.Stats.Calls;

        var result = await _bed.Client().UpdateCouponAsync(_bed.Store(), seeded.VoucherId.ToString(), new CouponChange { ValidTo = seeded.Start.AddMinutes(30) });

        Assert.Equal((PlatformErrorKind.Rejected, "time.too_short"), (result.Error!.Kind, result.Error.Code));
        // Only the read of the voucher's current times, no update_voucher.
        Assert.Equal(calls + 1, _bed.Sandbox.Stats.Calls);
        Assert.Equal(seeded.End, _bed.Sandbox.FindVoucher(ShopeeTestBed.ShopA, seeded.VoucherId)!.End);
    }

    [Fact]
    public async Task CreateCouponAsync_FractionalAmountInVietnam_Rejected()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(ShopeeTestBed.ShopB), _bed.Draft("VN1") with { DiscountAmount = 10.5m });

        Assert.Equal((PlatformErrorKind.Rejected, "error_param"), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task CreateCouponAsync_ThousandOpenVouchers_RejectedOverLimit()
    {
        for (var i = 0; i < 1000; i++) _bed.Seed(ShopeeTestBed.ShopA, $"L{i}", TimeSpan.FromDays(1), TimeSpan.FromDays(2));

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("ONEMO"));

        Assert.Equal("voucher.voucher_over_limit", result.Error!.Code);
    }

    [Fact]
    public async Task CreateCouponAsync_PerBuyerLimitAboveOne_NotSupportedWithoutCall()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("PB") with { PerBuyerLimit = 3 });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
    }
}
