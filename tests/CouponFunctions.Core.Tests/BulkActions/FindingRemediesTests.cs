using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Deployments.DeployTestData;

namespace CouponFunctions.Core.Tests.BulkActions;

public sealed class FindingRemediesTests
{
    private static FindingRemedy? For(string code, Coupon coupon, string site = "SG") =>
        FindingRemedies.Default.For(code, coupon, Store(coupon.Platform, site));

    [Theory]
    [InlineData(FindingCodes.StockOut)]
    [InlineData(FindingCodes.StockLow)]
    public void For_Stock_ReplenishesByTheTotal(string code)
    {
        var remedy = For(code, Coupon())!;

        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 100 }, remedy.Request);
        Assert.Equal(new CouponRef(StoreId.Parse("s-shop1"), "v-1"), remedy.Coupon);
    }

    [Fact]
    public void For_StockOutWithoutKnownTotal_NoRemedy() => Assert.Null(For(FindingCodes.StockOut, Coupon() with { TotalQuantity = null }));

    [Theory]
    [InlineData(FindingCodes.ExpiryToday)]
    [InlineData(FindingCodes.ExpirySoon)]
    public void For_Expiring_RenewsByAWeek(string code) =>
        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.Renew, ExtendDays = 7 }, For(code, Coupon())!.Request);

    [Fact]
    public void For_OverCapUpcomingLazadaPercentage_ModifiesToTheCap() =>
        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.Modify, Percentage = 50m },
            For(FindingCodes.DiscountOverCap, PercentCoupon(Platform.Lazada, 60m, CouponStatus.Upcoming, "PHP"), "PH")!.Request);

    [Fact]
    public void For_OverCapUpcomingLazadaFixed_ModifiesTheAmountRoundedDown()
    {
        var coupon = Coupon(Platform.Lazada, CouponStatus.Upcoming) with { DiscountAmount = 600.5m, MinSpend = 1000.99m, Currency = "PHP" };

        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.Modify, DiscountAmount = 500.49m }, For(FindingCodes.DiscountOverCap, coupon, "PH")!.Request);
    }

    [Fact]
    public void For_OverCapRunningLazada_EndsIt() =>
        Assert.Equal(BulkActionKind.EndNow, For(FindingCodes.DiscountOverCap, PercentCoupon(Platform.Lazada, 60m, currency: "PHP"), "PH")!.Request!.Kind);

    [Fact]
    public void For_OverCapTikTok_NoRemedy() => Assert.Null(For(FindingCodes.DiscountOverCap, PercentCoupon(Platform.TikTok, 60m)));

    [Theory]
    [InlineData(Platform.Shopee)]
    [InlineData(Platform.TikTok)]
    [InlineData(Platform.Shopline)]
    public void For_PausedWhereTheApiCannotResume_ExplainsWhereToResume(Platform platform)
    {
        var remedy = For(FindingCodes.StatusPaused, Coupon(platform, status: CouponStatus.Paused))!;

        Assert.Null(remedy.Request);
        Assert.Contains("seller center", remedy.Explanation);
    }

    [Fact]
    public void For_PausedLazadaVoucher_ReactivatesIt()
    {
        var remedy = For(FindingCodes.StatusPaused, Coupon(Platform.Lazada, status: CouponStatus.Paused), "PH")!;

        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.Reactivate }, remedy.Request);
        Assert.Equal(new CouponRef(StoreId.Parse("s-shop1"), "v-1"), remedy.Coupon);
        Assert.StartsWith("Re-activate", remedy.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FindingCodes.UsageHighClaimsLowUsage)]
    [InlineData(FindingCodes.SyncStale)]
    public void For_FindingWithoutRemedy_Null(string code) => Assert.Null(For(code, Coupon()));
}
