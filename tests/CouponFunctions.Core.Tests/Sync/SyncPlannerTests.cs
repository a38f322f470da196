using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Tests.Sync;

public sealed class SyncPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = DateOnly.FromDateTime(Now.UtcDateTime);

    private static Coupon Coupon(int total = 100, int used = 10, CouponStatus status = CouponStatus.Ongoing, string name = "Payday") => new()
    {
        Platform = Platform.Shopee, PlatformCouponId = "42", Code = "PAY", Name = name, Reward = RewardType.FixedAmount, DiscountAmount = 5,
        MinSpend = 50, TotalQuantity = total, UsedCount = used, ValidFrom = Now.AddDays(-1), ValidTo = Now.AddDays(5), Currency = "THB",
        Status = status, RawStatus = status.ToString().ToLowerInvariant(),
        PlatformFields = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
    };

    private static StoredCoupon Stored(Coupon coupon, DateTimeOffset? stockOutSince = null, DateTimeOffset? removedAt = null) =>
        new(coupon, CouponHash.Compute(coupon), Now.AddDays(-3), Now.AddDays(-3), removedAt, stockOutSince);

    [Fact]
    public void Plan_NewCoupon_CreatesWithoutAlert()
    {
        var write = SyncPlanner.Plan(null, Coupon(used: 100), Now, Day);

        Assert.Equal(CouponWriteKind.Created, write!.Kind);
        Assert.Null(write.Alert);
        Assert.Null(write.Next.StockOutSince);
    }

    [Fact]
    public void Plan_SameContent_WritesNothing()
    {
        Assert.Null(SyncPlanner.Plan(Stored(Coupon()), Coupon(), Now, Day));
    }

    [Fact]
    public void Plan_ChangedFields_ListsEachChange()
    {
        var write = SyncPlanner.Plan(Stored(Coupon()), Coupon(used: 30, name: "Payday+"), Now, Day)!;

        Assert.Equal(CouponWriteKind.Updated, write.Kind);
        Assert.Equal(["name", "usedCount"], write.Changes.Select(c => c.Field).Order());
        Assert.Contains(write.Changes, c => c is { Field: "usedCount", From: "10", To: "30" });
        Assert.Equal(Now, write.Next.LastChangedAt);
    }

    [Fact]
    public void Plan_OngoingStockHitsZero_RaisesOneAlertAndStartsTheEpisode()
    {
        var write = SyncPlanner.Plan(Stored(Coupon(used: 99)), Coupon(used: 100), Now, Day)!;

        Assert.NotNull(write.Alert);
        Assert.Equal("stock.out", write.Alert!.Kind);
        Assert.Equal(Now, write.Next.StockOutSince);
    }

    [Fact]
    public void Plan_StillOutOfStockInTheSameEpisode_DoesNotAlertAgain()
    {
        var since = Now.AddHours(-2);
        var write = SyncPlanner.Plan(Stored(Coupon(used: 100), since), Coupon(used: 100, name: "Renamed"), Now, Day)!;

        Assert.Null(write.Alert);
        Assert.Equal(since, write.Next.StockOutSince);
    }

    [Fact]
    public void Plan_StockReturns_EndsTheEpisode()
    {
        var write = SyncPlanner.Plan(Stored(Coupon(used: 100), Now.AddHours(-2)), Coupon(total: 150, used: 100), Now, Day)!;

        Assert.Null(write.Next.StockOutSince);
        Assert.Null(write.Alert);
    }

    [Fact]
    public void Plan_ZeroStockButNotOngoing_DoesNotAlert()
    {
        var write = SyncPlanner.Plan(Stored(Coupon(used: 99, status: CouponStatus.Upcoming)), Coupon(used: 100, status: CouponStatus.Upcoming), Now, Day)!;

        Assert.Null(write.Alert);
    }

    [Fact]
    public void Plan_RemovedCouponReturns_IsUpdatedAndNoLongerRemoved()
    {
        var write = SyncPlanner.Plan(Stored(Coupon(), removedAt: Now.AddDays(-1)), Coupon(), Now, Day)!;

        Assert.Equal(CouponWriteKind.Updated, write.Kind);
        Assert.Null(write.Next.RemovedAt);
        Assert.Equal("removed", write.Changes[0].Field);
    }

    [Fact]
    public void Hash_PlatformFieldsInAnotherOrder_IsTheSame()
    {
        var reordered = Coupon() with { PlatformFields = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };

        Assert.Equal(CouponHash.Compute(Coupon()), CouponHash.Compute(reordered));
        Assert.NotEqual(CouponHash.Compute(Coupon()), CouponHash.Compute(Coupon(used: 11)));
    }
}
