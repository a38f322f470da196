using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Shopline;

namespace CouponFunctions.Platforms.Tests.Shopline;

public sealed class ShoplineClientListTests : IAsyncLifetime
{
    private ShoplineTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShoplineTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ListCouponsAsync_260RulesInEveryStatus_PagesBySinceIdAndListsEachOnceWithUsage()
    {
        for (var i = 0; i < 100; i++) _bed.Seed(ShoplineTestBed.StoreA, $"U{i}", TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 100; i++) _bed.Seed(ShoplineTestBed.StoreA, $"O{i}", -TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        for (var i = 0; i < 60; i++) _bed.Seed(ShoplineTestBed.StoreA, $"E{i}", -TimeSpan.FromDays(10), TimeSpan.FromDays(2));
        _bed.Sandbox.SetUsage(ShoplineTestBed.StoreA, "O7", 13);

        var pages = await _bed.Client(o => o.PageSize = 50).ListCouponsAsync(_bed.Store()).ToListAsync();
        var coupons = pages.SelectMany(p => p).ToList();

        Assert.Equal(260, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(260, coupons.Count);
        Assert.Equal(100, coupons.Count(c => c.Status == CouponStatus.Upcoming && c.RawStatus == "scheduled" && c.Code!.StartsWith('U')));
        Assert.Equal(100, coupons.Count(c => c.Status == CouponStatus.Ongoing && c.RawStatus == "active" && c.Code!.StartsWith('O')));
        Assert.Equal(60, coupons.Count(c => c.Status == CouponStatus.Ended && c.RawStatus == "expired" && c.Code!.StartsWith('E')));
        Assert.Equal(13, coupons.Single(c => c.Code == "O7").UsedCount);
        Assert.Equal([50, 50, 50, 50, 50, 10], pages.Select(p => p.Count));
        // 6 list pages plus one discount-code read per rule.
        Assert.Equal(6 + 260, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_ThreePages_ListsTheNextPageBeforeHandingThisOneOver()
    {
        for (var i = 0; i < 25; i++) _bed.SeedOngoing($"C{i}");

        await using var pages = _bed.Client(o => o.PageSize = 10).ListCouponsAsync(_bed.Store()).GetAsyncEnumerator();

        // The first page comes with its 10 code reads done and the second page listed (its code reads under way): the
        // listing runs a page ahead of its caller, so a store's calls do not stop at page boundaries.
        Assert.True(await pages.MoveNextAsync());
        Assert.Equal(10, pages.Current.Count);
        Assert.InRange(_bed.Sandbox.Stats.Calls, 1 + 10 + 1, 1 + 10 + 1 + 10);
        var listed = new List<Coupon>(pages.Current);
        while (await pages.MoveNextAsync()) listed.AddRange(pages.Current);
        Assert.Equal(25, listed.Select(c => c.PlatformCouponId).Distinct().Count());
        Assert.Equal(3 + 25, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_ExactMultipleOfThePageSize_EndsOnTheEmptyPageWithoutYieldingIt()
    {
        for (var i = 0; i < 20; i++) _bed.SeedOngoing($"C{i}");

        var pages = await _bed.Client(o => o.PageSize = 10).ListCouponsAsync(_bed.Store()).ToListAsync();

        Assert.Equal([10, 10], pages.Select(p => p.Count));
        Assert.Equal(3 + 20, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task ListCouponsAsync_RulesAddedAndDeletedWhilePaging_NoneSkippedOrRepeated()
    {
        var seeded = Enumerable.Range(0, 30).Select(i => _bed.SeedOngoing($"Old{i}")).ToList();
        var client = _bed.Client(o => o.PageSize = 10);
        var listed = new List<string>();

        await using (var pages = client.ListCouponsAsync(_bed.Store()).GetAsyncEnumerator())
        {
            Assert.True(await pages.MoveNextAsync());
            listed.AddRange(pages.Current.Select(c => c.Code!));
            // Offset paging would now skip a rule; since_id paging does not.
            await client.DeleteCouponAsync(_bed.Store(), seeded[0].Id);
            _bed.SeedOngoing("New0");
            while (await pages.MoveNextAsync()) listed.AddRange(pages.Current.Select(c => c.Code!));
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"Old{i}").Append("New0").Order(), listed.Order());
    }

    [Fact]
    public async Task GetCouponAsync_PercentageProductRuleWithTwoCodes_MapsEveryField()
    {
        var seeded = _bed.Seed(ShoplineTestBed.StoreA, "SUMMER", TimeSpan.FromHours(2), TimeSpan.FromDays(3), r => r with
        {
            ValueType = "percentage", Value = 12.5m, MinSubtotal = 40, UsageLimit = 70, OncePerCustomer = true,
            TargetSelection = "entitled", EntitledProductIds = ["111", "222"],
        });
        _bed.Sandbox.AddDiscountCode(ShoplineTestBed.StoreA, seeded.Id, "SUMMER2", usageCount: 4);
        _bed.Sandbox.SetUsage(ShoplineTestBed.StoreA, "SUMMER", 8);

        var result = await _bed.Client().GetCouponAsync(_bed.Store(), seeded.Id);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var c = result.Value;
        Assert.Equal((seeded.Id, "SUMMER", "Rule SUMMER", CouponScope.Product, RewardType.Percentage), (c.PlatformCouponId, c.Code, c.Name, c.Scope, c.Reward));
        Assert.Equal((12.5m, (decimal?)null, (decimal?)null, 40m), (c.Percentage!.Value, c.DiscountAmount, c.MaxDiscount, c.MinSpend));
        Assert.Equal((70, 12, (int?)null, 1, 58), (c.TotalQuantity!.Value, c.UsedCount!.Value, c.ClaimedCount, c.PerBuyerLimit!.Value, c.RemainingQuantity!.Value));
        Assert.Equal((seeded.StartsAt, seeded.EndsAt!.Value), (c.ValidFrom, c.ValidTo));
        Assert.Equal(("SGD", CouponStatus.Upcoming, "scheduled"), (c.Currency, c.Status, c.RawStatus));
        Assert.Equal(["111", "222"], c.ProductIds);
        Assert.Equal("SUMMER,SUMMER2", c.PlatformFields["discount_codes"]);
    }

    [Fact]
    public async Task GetCouponAsync_RuleWithoutEnd_OngoingUntilTheOpenEndedDate()
    {
        var seeded = _bed.Seed(ShoplineTestBed.StoreB, "FOREVER", -TimeSpan.FromDays(1), TimeSpan.FromDays(1), r => r with { EndsAt = null, UsageLimit = null, Value = 100 });

        var c = (await _bed.Client().GetCouponAsync(_bed.Store(ShoplineTestBed.StoreB), seeded.Id)).Value!;

        Assert.Equal((CouponStatus.Ongoing, ShoplinePriceRuleMapper.OpenEnded, (int?)null, "TWD"), (c.Status, c.ValidTo, c.TotalQuantity, c.Currency));
        Assert.Equal(string.Empty, c.PlatformFields["ends_at"]);
    }

    [Fact]
    public async Task GetCouponAsync_UnknownRule_NotFound()
    {
        var result = await _bed.Client().GetCouponAsync(_bed.Store(), "6018000000000999999");

        Assert.Equal((PlatformErrorKind.NotFound, 404), (result.Error!.Kind, result.Error.HttpStatus));
    }

    [Fact]
    public async Task ListCouponsAsync_ClockPassesEnd_RuleListedAsEndedOnBothSides()
    {
        var seeded = _bed.Seed(ShoplineTestBed.StoreA, "BRIEF", -TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        _bed.Clock.Advance(TimeSpan.FromHours(2));

        var coupon = (await _bed.Client().ListCouponsAsync(_bed.Store()).ToListAsync()).Single().Single();

        Assert.Equal("expired", _bed.Sandbox.FindPriceRule(ShoplineTestBed.StoreA, seeded.Id)!.StatusAt(_bed.Now));
        Assert.Equal((CouponStatus.Ended, "expired"), (coupon.Status, coupon.RawStatus));
    }
}
