using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Sandbox.Lazada;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientWriteTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task CreateCouponAsync_MoneyOffDraft_CreatesCollectibleVoucherAndReadsItBack()
    {
        var draft = Draft() with { Code = "IGNORED", PerBuyerLimit = 3, ClaimStart = _bed.Now.AddMinutes(30) };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var stored = Assert.Single(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg));
        Assert.Equal(("COLLECTIBLE_VOUCHER", "ENTIRE_SHOP", "MONEY_VALUE_OFF", "REGULAR_CHANNEL"), (stored.VoucherType, stored.Apply, stored.DiscountType, stored.DisplayArea));
        Assert.Equal((10m, 60m, 3, 200), (stored.MoneyValueOff!.Value, stored.CriteriaOverMoney, stored.Limit, stored.Issued));
        Assert.Equal(draft.ClaimStart!.Value.ToUnixTimeMilliseconds(), stored.CollectStart!.Value.ToUnixTimeMilliseconds());
        Assert.Equal((stored.Id.ToString(CultureInfo.InvariantCulture), (string?)null), (result.Value.PlatformCouponId, result.Value.Code));
        Assert.Equal((CouponStatus.Upcoming, "SGD", 10m), (result.Value.Status, result.Value.Currency, result.Value.DiscountAmount!.Value));
    }

    [Fact]
    public async Task CreateCouponAsync_PercentageWithCap_SendsPercentageFields()
    {
        var draft = Draft() with { Reward = RewardType.Percentage, DiscountAmount = null, Percentage = 15, MaxDiscount = 25 };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((RewardType.Percentage, 15m, 25m), (result.Value.Reward, result.Value.Percentage!.Value, result.Value.MaxDiscount!.Value));
        var stored = Assert.Single(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg));
        Assert.Equal(("PERCENTAGE_DISCOUNT_OFF", (decimal?)null), (stored.DiscountType, stored.MoneyValueOff));
    }

    [Fact]
    public async Task CreateCouponAsync_ProductDraft_CreatesThenAddsSkus()
    {
        _bed.Sandbox.AddSku(LazadaTestBed.SellerSg, new LazadaSandboxSku(501));
        _bed.Sandbox.AddSku(LazadaTestBed.SellerSg, new LazadaSandboxSku(502));

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), Draft() with { Scope = CouponScope.Product, ProductIds = ["501", "502"] });

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(CouponScope.Product, result.Value.Scope);
        Assert.Equal(["501", "502"], result.Value.ProductIds);
        Assert.Equal([501L, 502L], Assert.Single(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg)).SkuIds);
    }

    [Fact]
    public async Task CreateCouponAsync_UnknownSku_VoucherCreatedAndFailureSaysSo()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), Draft() with { Scope = CouponScope.Product, ProductIds = ["999"] });

        var voucher = Assert.Single(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg));
        Assert.Equal((PlatformErrorKind.Rejected, "E023"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains($"voucher {voucher.Id} was created", result.Error.Message);
    }

    [Fact]
    public async Task CreateCouponAsync_CoinCashback_NotSupportedWithoutCalling()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), Draft() with { Reward = RewardType.CoinCashback, Percentage = 5 });

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task CreateCouponAsync_StartInThePast_RejectedBySandbox()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), Draft() with { ValidFrom = _bed.Now.AddHours(-1) });

        Assert.Equal((PlatformErrorKind.Rejected, "E023"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("period_start_time", result.Error.Message);
        Assert.Empty(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg));
    }

    [Fact]
    public async Task CreateCouponAsync_PhilippinesPercentageOverSiteCap_RejectedBySandbox()
    {
        var draft = Draft() with { Reward = RewardType.Percentage, DiscountAmount = null, Percentage = 60 };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(LazadaTestBed.SellerPh), draft);

        Assert.Equal("E023", result.Error!.Code);
        Assert.Contains("50%", result.Error.Message);
    }

    [Fact]
    public async Task CreateCouponAsync_VietnamFractionalAmount_RejectedBySandbox()
    {
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(LazadaTestBed.SellerVn), Draft() with { DiscountAmount = 10.5m, MinSpend = 100 });

        Assert.Equal(("E024", PlatformErrorKind.Rejected), (result.Error!.Code, result.Error.Kind));
    }

    [Fact]
    public async Task Sandbox_CodeVoucherCreateSentAnyway_RefusedWithE021()
    {
        var start = _bed.Now.AddHours(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var end = _bed.Now.AddDays(2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var result = await _bed.RawAsync(_bed.Store(), HttpMethod.Post, "/promotion/voucher/create",
            ("voucher_type", "CODE_VOUCHER"), ("voucher_name", "Code"), ("apply", "ENTIRE_SHOP"), ("display_area", "REGULAR_CHANNEL"),
            ("voucher_discount_type", "MONEY_VALUE_OFF"), ("offering_money_value_off", "5"), ("criteria_over_money", "50"),
            ("period_start_time", start), ("period_end_time", end), ("limit", "1"), ("issued", "10"));

        Assert.Equal((PlatformErrorKind.Rejected, "E021"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("COLLECTIBLE_VOUCHER", result.Error.Message);
        Assert.Empty(_bed.Sandbox.Vouchers(LazadaTestBed.SellerSg));
    }

    [Fact]
    public async Task Sandbox_CreateMissingRequiredFields_RefusedAsIllegalParameter()
    {
        var result = await _bed.RawAsync(_bed.Store(), HttpMethod.Post, "/promotion/voucher/create",
            ("voucher_type", "COLLECTIBLE_VOUCHER"), ("voucher_name", "Half a form"));

        Assert.Equal("E024", result.Error!.Code);
        Assert.Contains("apply is required", result.Error.Message);
    }

    private CouponDraft Draft() => _bed.FixedAmountDraft("Ten off", quantity: 200);
}
