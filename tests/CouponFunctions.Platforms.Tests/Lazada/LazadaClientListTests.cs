using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Sandbox.Lazada;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientListTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ListCouponsAsync_VouchersInEveryStatusAndType_ListsEachOnceWithTheRightStatus()
    {
        const long s = LazadaTestBed.SellerSg;
        for (var i = 0; i < 60; i++) _bed.Seed(s, $"U{i}", TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 130; i++) _bed.Seed(s, $"O{i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 20; i++) _bed.Seed(s, $"P{i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2), v => v with { Suspended = true });
        for (var i = 0; i < 40; i++) _bed.Seed(s, $"E{i}", -TimeSpan.FromDays(10), TimeSpan.FromDays(2));
        for (var i = 0; i < 10; i++) _bed.Seed(s, $"D{i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2), v => v with { DeactivatedAt = _bed.Now.AddHours(-1) });
        for (var i = 0; i < 5; i++) _bed.Seed(s, $"C{i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2), v => v with { VoucherType = "CODE_VOUCHER", VoucherCode = $"CODE{i}" });

        var pages = await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync();
        var coupons = pages.SelectMany(p => p).ToList();

        Assert.Equal(265, coupons.Count);
        Assert.Equal(265, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(60, coupons.Count(c => c.Status == CouponStatus.Upcoming && c.RawStatus == "NOT_START" && c.Name.StartsWith('U')));
        Assert.Equal(130, coupons.Count(c => c.Status == CouponStatus.Ongoing && c.Name.StartsWith('O')));
        Assert.Equal(20, coupons.Count(c => c.Status == CouponStatus.Paused && c.RawStatus == "SUSPEND"));
        Assert.Equal(40, coupons.Count(c => c.Status == CouponStatus.Ended && c.RawStatus == "FINISH"));
        Assert.Equal(10, coupons.Count(c => c.Status == CouponStatus.Deactivated && c.RawStatus == "FINISH" && c.Name.StartsWith('D')));
        Assert.All(coupons.Where(c => c.Name.StartsWith('C')), c => Assert.StartsWith("code-", c.PlatformCouponId));
        // 50 a page: collectible NOT_START 2 pages, ONGOING 3, SUSPEND 1, FINISH 1 (50 exactly, total says stop);
        // code vouchers ONGOING 1; the three empty code lists 1 call each.
        Assert.Equal(8, pages.Count);
        Assert.Equal(11, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_NoVouchers_OneCallPerTypeAndStatusAndNothingYielded()
    {
        var pages = await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync();

        Assert.Empty(pages);
        Assert.Equal(8, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_PageSizeThree_PagesByCurPageUntilTheTotal()
    {
        for (var i = 0; i < 7; i++) _bed.SeedOngoing(name: $"O{i}");

        var pages = await _bed.Client(o => o.PageSize = 3).ListCouponsAsync(_bed.Store()).ToListAsync();

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"O{6 - i}"), pages.SelectMany(p => p).Select(c => c.Name));
    }

    [Fact]
    public async Task ListCouponsAsync_PercentageVoucherWithCap_MapsEveryField()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Twelve off", TimeSpan.FromHours(2), TimeSpan.FromDays(3), v => v with
        {
            DiscountType = "PERCENTAGE_DISCOUNT_OFF", MoneyValueOff = null, PercentageOff = 12.5m, MaxDiscount = 20, CriteriaOverMoney = 80,
            Issued = 70, OrderUsedBudget = 12, Limit = 2, CollectStart = _bed.Now.AddHours(1), DisplayArea = "STORE_FOLLOWER",
        });

        var coupon = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).Single().Single();

        Assert.Equal(seeded.Id.ToString(), coupon.PlatformCouponId);
        Assert.Equal(((string?)null, "Twelve off", CouponScope.Shop, RewardType.Percentage), (coupon.Code, coupon.Name, coupon.Scope, coupon.Reward));
        Assert.Equal((12.5m, 20m, (decimal?)null, 80m), (coupon.Percentage!.Value, coupon.MaxDiscount!.Value, coupon.DiscountAmount, coupon.MinSpend));
        Assert.Equal((70, 12, 2), (coupon.TotalQuantity!.Value, coupon.UsedCount!.Value, coupon.PerBuyerLimit!.Value));
        Assert.Equal((seeded.Start, seeded.End, seeded.CollectStart), (coupon.ValidFrom, coupon.ValidTo, coupon.ClaimStart));
        Assert.Equal(("SGD", CouponStatus.Upcoming, "NOT_START"), (coupon.Currency, coupon.Status, coupon.RawStatus));
        Assert.Equal("STORE_FOLLOWER", coupon.PlatformFields["display_area"]);
        Assert.Equal(string.Empty, coupon.PlatformFields["voucher_code"]);
    }

    [Fact]
    public async Task GetCouponAsync_ProductVoucherInVietnam_HasSkusAndDong()
    {
        _bed.Sandbox.AddSku(LazadaTestBed.SellerVn, new LazadaSandboxSku(3001, 11));
        _bed.Sandbox.AddSku(LazadaTestBed.SellerVn, new LazadaSandboxSku(3002, 11));
        var seeded = _bed.Seed(LazadaTestBed.SellerVn, "SKU deal", -TimeSpan.FromHours(1), TimeSpan.FromDays(1), v => v with
        {
            Apply = "SPECIFIC_PRODUCTS", SkuIds = [3001, 3002], MoneyValueOff = 10000, CriteriaOverMoney = 50000,
        });

        var result = await _bed.Client(o => o.PageSize = 1).GetCouponAsync(_bed.Store(LazadaTestBed.SellerVn), seeded.Id.ToString());

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((CouponScope.Product, "VND", CouponStatus.Ongoing, 10000m), (result.Value.Scope, result.Value.Currency, result.Value.Status, result.Value.DiscountAmount!.Value));
        Assert.Equal(["3001", "3002"], result.Value.ProductIds);
    }

    [Fact]
    public async Task ListCouponsAsync_ProductVoucher_ProductsUnknownUntilTheDetailReadsThemPaged()
    {
        _bed.Sandbox.AddSku(LazadaTestBed.SellerSg, new LazadaSandboxSku(4001, 11));
        _bed.Sandbox.AddSku(LazadaTestBed.SellerSg, new LazadaSandboxSku(4002, 11));
        _bed.Sandbox.AddSku(LazadaTestBed.SellerSg, new LazadaSandboxSku(4003, 12));
        var product = _bed.Seed(LazadaTestBed.SellerSg, "Three SKUs", -TimeSpan.FromHours(1), TimeSpan.FromDays(1), v => v with
        {
            Apply = "SPECIFIC_PRODUCTS", SkuIds = [4001, 4002, 4003],
        });
        _bed.SeedOngoing(name: "Whole shop");
        var client = _bed.Client(o => o.PageSize = 2);

        var listed = (await client.ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToDictionary(c => c.Name);
        var calls = _bed.Sandbox.Stats.Calls;
        var detail = await client.GetCouponAsync(_bed.Store(), product.Id.ToString());

        Assert.Equal((UnknownCouponFields.Products, 0), (listed["Three SKUs"].Unknown, listed["Three SKUs"].ProductIds.Count));
        Assert.Equal(UnknownCouponFields.None, listed["Whole shop"].Unknown);
        Assert.Equal(UnknownCouponFields.None, detail.Value!.Unknown);
        Assert.Equal(["4001", "4002", "4003"], detail.Value.ProductIds);
        // The voucher, then /promotion/voucher/products/get in pages of 2.
        Assert.Equal(calls + 3, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task GetCouponAsync_CodeVoucher_ReadThroughItsQualifiedId()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Code", -TimeSpan.FromHours(1), TimeSpan.FromDays(1), v => v with { VoucherType = "CODE_VOUCHER", VoucherCode = "SAVE5" });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), $"code-{seeded.Id}");

        Assert.Equal(("SAVE5", $"code-{seeded.Id}"), (result.Value!.Code, result.Value.PlatformCouponId));
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task GetCouponAsync_UnknownVoucher_NotFound()
    {
        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "91471121999999");

        Assert.Equal((PlatformErrorKind.NotFound, "E024"), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task ListCouponsAsync_ClockPassesStart_VoucherListedAsOngoingOnBothSides()
    {
        var seeded = _bed.Seed(LazadaTestBed.SellerSg, "Soon", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        _bed.Clock.Advance(TimeSpan.FromHours(2));

        var coupon = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).Single().Single();

        Assert.Equal("ONGOING", _bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.StatusAt(_bed.Now));
        Assert.Equal((CouponStatus.Ongoing, "ONGOING"), (coupon.Status, coupon.RawStatus));
    }
}
