using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.Shopee;

public sealed class ShopeeClientListTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ListCouponsAsync_550VouchersAcrossStatuses_ListsEachOnceWithTheRightStatus()
    {
        for (var i = 0; i < 200; i++) _bed.Seed(ShopeeTestBed.ShopA, $"U{i}", TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 250; i++) _bed.Seed(ShopeeTestBed.ShopA, $"O{i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 100; i++) _bed.Seed(ShopeeTestBed.ShopA, $"E{i}", -TimeSpan.FromDays(10), TimeSpan.FromDays(2));
        var client = _bed.Client();

        var pages = new List<IReadOnlyList<Coupon>>();
        await foreach (var page in client.ListCouponsAsync(_bed.Store())) pages.Add(page);
        var coupons = pages.SelectMany(p => p).ToList();

        Assert.Equal(550, coupons.Count);
        Assert.Equal(550, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(200, coupons.Count(c => c.Status == CouponStatus.Upcoming && c.Code!.StartsWith('U')));
        Assert.Equal(250, coupons.Count(c => c.Status == CouponStatus.Ongoing && c.Code!.StartsWith('O')));
        Assert.Equal(100, coupons.Count(c => c.Status == CouponStatus.Ended && c.RawStatus == "expired"));
        // 100 per page: upcoming 2 pages, ongoing 3, expired 1.
        Assert.Equal(6, pages.Count);
        Assert.Equal(6, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_NoVouchers_YieldsNothing()
    {
        var pages = await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync();

        Assert.Empty(pages);
        Assert.Equal(3, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_PercentageVoucherWithoutCap_MapsEveryListedFieldAndLeavesMinSpendAndCapUnknown()
    {
        var seeded = _bed.Seed(ShopeeTestBed.ShopA, "PCT", TimeSpan.FromHours(2), TimeSpan.FromDays(3), v => v with
        {
            RewardType = 2, Percentage = 15, MaxPrice = 0, DiscountAmount = 0, MinBasketPrice = 30, UsageQuantity = 70, CurrentUsage = 12, VoucherPurpose = 0,
        });

        var coupon = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).Single().Single();

        Assert.Equal(seeded.VoucherId.ToString(), coupon.PlatformCouponId);
        Assert.Equal(("PCT", "Voucher PCT", CouponScope.Shop, RewardType.Percentage), (coupon.Code, coupon.Name, coupon.Scope, coupon.Reward));
        // The official list item has no min_basket_price or max_price: unknown, never 0 (or "no cap").
        Assert.Equal((15m, (decimal?)null, (decimal?)null, (decimal?)null), (coupon.Percentage!.Value, coupon.MaxDiscount, coupon.DiscountAmount, coupon.MinSpend));
        Assert.Equal(UnknownCouponFields.MinSpend | UnknownCouponFields.MaxDiscount, coupon.Unknown);
        Assert.False(coupon.PlatformFields.ContainsKey("min_basket_price"));
        Assert.Equal((70, 12, (int?)null), (coupon.TotalQuantity!.Value, coupon.UsedCount!.Value, coupon.ClaimedCount));
        Assert.Equal((seeded.Start, seeded.End, TimeSpan.Zero), (coupon.ValidFrom, coupon.ValidTo, coupon.ValidFrom.Offset));
        Assert.Equal(("SGD", CouponStatus.Upcoming, "upcoming"), (coupon.Currency, coupon.Status, coupon.RawStatus));
        Assert.Equal("2", coupon.PlatformFields["reward_type"]);
        Assert.Equal("false", coupon.PlatformFields["is_admin"]);
    }

    [Fact]
    public async Task GetCouponAsync_ProductVoucherInVietnam_HasItemsAndDong()
    {
        var seeded = _bed.Seed(ShopeeTestBed.ShopB, "PRD", -TimeSpan.FromHours(1), TimeSpan.FromDays(1), v => v with
        {
            VoucherType = 2, ItemIds = [111, 222], DiscountAmount = 10000, MinBasketPrice = 50000, MaxPrice = 0,
        });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(ShopeeTestBed.ShopB), seeded.VoucherId.ToString());

        Assert.True(result.Succeeded);
        Assert.Equal((CouponScope.Product, "VND", CouponStatus.Ongoing, 10000m), (result.Value.Scope, result.Value.Currency, result.Value.Status, result.Value.DiscountAmount!.Value));
        Assert.Equal(["111", "222"], result.Value.ProductIds);
    }

    [Fact]
    public async Task GetCouponAsync_PercentageVoucher_ReadsMinSpendCapAndItemsFromTheDetail()
    {
        var seeded = _bed.Seed(ShopeeTestBed.ShopA, "DET", TimeSpan.FromHours(2), TimeSpan.FromDays(3), v => v with
        {
            VoucherType = 2, ItemIds = [42, 7], RewardType = 2, Percentage = 15, MaxPrice = 25, DiscountAmount = 0, MinBasketPrice = 30,
        });

        var listed = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).Single().Single();
        var detail = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.VoucherId.ToString());

        Assert.Equal(UnknownCouponFields.MinSpend | UnknownCouponFields.MaxDiscount | UnknownCouponFields.Products, listed.Unknown);
        Assert.Empty(listed.ProductIds);
        Assert.True(detail.Succeeded, detail.Error?.ToString());
        Assert.Equal(UnknownCouponFields.None, detail.Value.Unknown);
        Assert.Equal(((decimal?)30m, (decimal?)25m), (detail.Value.MinSpend, detail.Value.MaxDiscount));
        Assert.Equal(["42", "7"], detail.Value.ProductIds);
        Assert.Equal("30", detail.Value.PlatformFields["min_basket_price"]);
    }

    [Fact]
    public async Task GetVoucherList_OfficialItemShape_HasNoDetailOnlyFields()
    {
        _bed.Seed(ShopeeTestBed.ShopA, "SHP", TimeSpan.FromHours(2), TimeSpan.FromDays(3), v => v with { VoucherType = 2, ItemIds = [1], MinBasketPrice = 30 });
        var api = _bed.Api();

        var page = await api.ShopCallAsync(_bed.Store(), HttpMethod.Get, "/api/v2/voucher/get_voucher_list",
            [new("status", "all"), new("page_no", "1"), new("page_size", "10")], null, global::CouponFunctions.Platforms.Common.Http.RetryMode.Safe, e => e.Clone(), CancellationToken.None);

        var item = page.Value.GetProperty("response").GetProperty("voucher_list")[0];
        foreach (var field in new[] { "min_basket_price", "max_price", "display_channel_list", "usecase", "item_id_list" })
            Assert.False(item.TryGetProperty(field, out _), field);
        Assert.True(item.TryGetProperty("voucher_code", out _));
    }

    [Fact]
    public async Task GetCouponAsync_UnknownVoucher_NotFound()
    {
        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "999");

        Assert.Equal((PlatformErrorKind.NotFound, "common.error_not_found"), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task ListCouponsAsync_ClockPassesStart_VoucherListedAsOngoingOnBothSides()
    {
        var seeded = _bed.Seed(ShopeeTestBed.ShopA, "SOON", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        _bed.Clock.Advance(TimeSpan.FromHours(2));

        var coupon = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).Single().Single();

        Assert.Equal("ongoing", _bed.Sandbox.FindVoucher(ShopeeTestBed.ShopA, seeded.VoucherId)!.StatusAt(_bed.Now));
        Assert.Equal((CouponStatus.Ongoing, "ongoing"), (coupon.Status, coupon.RawStatus));
    }
}
