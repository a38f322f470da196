using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.TikTok;

public sealed class TikTokClientListTests : IAsyncLifetime
{
    private TikTokTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TikTokTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ListCouponsAsync_130CouponsInEveryStatus_PagesByCursorAndListsEachOnceWithCounts()
    {
        for (var i = 0; i < 40; i++) _bed.Seed(TikTokTestBed.ShopA, $"Soon {i}", TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 50; i++) _bed.Seed(TikTokTestBed.ShopA, $"Now {i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2), c => c with { ClaimedCount = i, RedeemedCount = i / 2 });
        for (var i = 0; i < 30; i++) _bed.Seed(TikTokTestBed.ShopA, $"Past {i}", -TimeSpan.FromDays(10), TimeSpan.FromDays(2));
        for (var i = 0; i < 10; i++) _bed.Seed(TikTokTestBed.ShopA, $"Off {i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2), c => c with { Deactivated = true });

        var pages = await _bed.Client(o => o.PageSize = 25).ListCouponsAsync(_bed.Store()).ToListAsync();
        var coupons = pages.SelectMany(p => p).ToList();

        Assert.Equal(130, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(130, coupons.Count);
        Assert.Equal(40, coupons.Count(c => c.Status == CouponStatus.Upcoming && c.RawStatus == "NOT_START" && c.Name.StartsWith("Soon")));
        Assert.Equal(50, coupons.Count(c => c.Status == CouponStatus.Ongoing && c.RawStatus == "ONGOING" && c.Name.StartsWith("Now")));
        Assert.Equal(30, coupons.Count(c => c.Status == CouponStatus.Ended && c.RawStatus == "EXPIRED"));
        Assert.Equal(10, coupons.Count(c => c.Status == CouponStatus.Deactivated && c.RawStatus == "DEACTIVATED"));
        Assert.Equal(Enumerable.Range(0, 50).Sum(), coupons.Where(c => c.Name.StartsWith("Now")).Sum(c => c.ClaimedCount!.Value));
        Assert.All(coupons, c => Assert.NotNull(c.UsedCount));
        // 25 per page: 6 pages (the last holds 5), plus one detail read per coupon for its usage_stats.
        Assert.Equal([25, 25, 25, 25, 25, 5], pages.Select(p => p.Count));
        Assert.Equal(6 + 130, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_ThreePages_SearchesTheNextPageBeforeHandingThisOneOver()
    {
        for (var i = 0; i < 75; i++) _bed.SeedOngoing(title: $"C{i}");

        await using var pages = _bed.Client(o => o.PageSize = 25).ListCouponsAsync(_bed.Store()).GetAsyncEnumerator();

        // The first page comes with its 25 detail reads done and the second page searched (its reads under way): the
        // listing runs a page ahead of its caller, so a store's calls do not stop at page boundaries.
        Assert.True(await pages.MoveNextAsync());
        Assert.Equal(25, pages.Current.Count);
        Assert.InRange(_bed.Sandbox.Stats.Calls, 1 + 25 + 1, 1 + 25 + 1 + 25);
        var listed = new List<Coupon>(pages.Current);
        while (await pages.MoveNextAsync()) listed.AddRange(pages.Current);
        Assert.Equal(75, listed.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.All(listed, c => Assert.NotNull(c.ClaimedCount));
        Assert.Equal(3 + 75, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_UsageStatsOff_OneCallPerPageAndCountsUnknown()
    {
        for (var i = 0; i < 60; i++) _bed.SeedOngoing(title: $"C{i}");

        var coupons = (await _bed.Client(o => (o.PageSize, o.FetchUsageStats) = (25, false)).ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(60, coupons.Count);
        Assert.All(coupons, c => Assert.Equal(((int?)null, (int?)null), (c.ClaimedCount, c.UsedCount)));
        Assert.Equal(3, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_CouponsAddedWhilePaging_OldOnesListedExactlyOnce()
    {
        var seeded = Enumerable.Range(0, 60).Select(i => _bed.SeedOngoing(title: $"Old {i}").CouponId).ToHashSet();
        var client = _bed.Client(o => (o.PageSize, o.FetchUsageStats) = (20, false));
        var listed = new List<string>();

        await using (var pages = client.ListCouponsAsync(_bed.Store()).GetAsyncEnumerator())
        {
            Assert.True(await pages.MoveNextAsync());
            listed.AddRange(pages.Current.Select(c => c.PlatformCouponId));
            for (var i = 0; i < 15; i++) _bed.SeedOngoing(title: $"New {i}");
            while (await pages.MoveNextAsync()) listed.AddRange(pages.Current.Select(c => c.PlatformCouponId));
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Subset(listed.ToHashSet(), seeded);
        Assert.Equal(60, listed.Count);
    }

    [Fact]
    public async Task GetCouponAsync_PercentPromoCodeOnProducts_MapsEveryField()
    {
        var start = _bed.Now.AddHours(-2);
        var seeded = _bed.Seed(TikTokTestBed.ShopA, "Flash 15%", -TimeSpan.FromHours(2), TimeSpan.FromDays(3), c => c with
        {
            DiscountType = "PERCENT_OFF", Percentage = 15, MaxDiscount = 12.5m, ReductionAmount = 0, MinSpend = 40, ProductIds = ["1729", "1730"],
            DisplayType = "PROMO_CODE", PromoCode = "FLASH15", TotalClaimLimit = 500, SingleBuyerClaimLimit = 2, RedemptionLimit = 300,
            ClaimedCount = 120, RedeemedCount = 45, RedemptionStart = start.AddHours(1), RedemptionEnd = start.AddDays(5),
        });

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.CouponId);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var c = result.Value;
        Assert.Equal((seeded.CouponId, "FLASH15", "Flash 15%", CouponScope.Product, RewardType.Percentage), (c.PlatformCouponId, c.Code, c.Name, c.Scope, c.Reward));
        Assert.Equal((15m, 12.5m, (decimal?)null, 40m), (c.Percentage!.Value, c.MaxDiscount!.Value, c.DiscountAmount, c.MinSpend));
        Assert.Equal((500, 120, 45, 2, 380), (c.TotalQuantity!.Value, c.ClaimedCount!.Value, c.UsedCount!.Value, c.PerBuyerLimit!.Value, c.RemainingQuantity!.Value));
        Assert.Equal((seeded.ClaimStart, seeded.ClaimEnd), (c.ClaimStart!.Value, c.ClaimEnd!.Value));
        Assert.Equal((seeded.RedemptionStart!.Value, seeded.RedemptionEnd!.Value), (c.ValidFrom, c.ValidTo));
        Assert.Equal(("SGD", CouponStatus.Ongoing, "ONGOING"), (c.Currency, c.Status, c.RawStatus));
        Assert.Equal(["1729", "1730"], c.ProductIds);
        Assert.Equal("PROMO_CODE", c.PlatformFields["display_type"]);
        Assert.Contains("\"ABSOLUTE\"", c.PlatformFields["redemption_duration"]);
    }

    [Fact]
    public async Task GetCouponAsync_RelativeRedemption_ValidFromClaimStartUntilClaimEndPlusDays()
    {
        var seeded = _bed.Seed(TikTokTestBed.ShopB, "Follow gift", -TimeSpan.FromDays(1), TimeSpan.FromDays(10), c => c with
        {
            RedemptionStart = null, RedemptionEnd = null, RelativeDays = 7, ReductionAmount = 20000, MinSpend = null, TotalClaimLimit = null, SingleBuyerClaimLimit = null,
        });

        var c = (await _bed.Client().GetCouponAsync(_bed.Store(TikTokTestBed.ShopB), seeded.CouponId)).Value!;

        Assert.Equal((seeded.ClaimStart, seeded.ClaimEnd.AddDays(7)), (c.ValidFrom, c.ValidTo));
        Assert.Equal(("VND", 20000m, 0m, (int?)null, (string?)null), (c.Currency, c.DiscountAmount!.Value, c.MinSpend, c.TotalQuantity, c.Code));
        Assert.Contains("\"relative_days\":7", c.PlatformFields["redemption_duration"]);
    }

    [Fact]
    public async Task GetCouponAsync_UnknownCoupon_NotFound()
    {
        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "7300000000000099999");

        Assert.Equal((PlatformErrorKind.NotFound, "36009004", 404), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
    }

    [Fact]
    public async Task ListCouponsAsync_OtherShopsCoupons_NotListed()
    {
        _bed.SeedOngoing(TikTokTestBed.ShopA, "Mine");
        _bed.SeedOngoing(TikTokTestBed.ShopB, "Sister shop's");

        var coupons = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal("Mine", Assert.Single(coupons).Name);
    }
}
