using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListRowTests
{
    [Fact]
    public void From_StoreAndCoupon_CopiesStoreDisplayFieldsAndCouponFields()
    {
        var store = Store("s-bkk", Platform.Lazada, "TH");
        var coupon = Coupon("v-9") with { Percentage = 15m, MaxDiscount = 100m, ClaimStart = Now.AddDays(-12), ClaimEnd = Now.AddDays(19) };

        var row = CouponListRow.From(store, coupon, Now.AddHours(-2), removedAt: Now.AddHours(-1), archived: true, openFindings: 2, highestSeverity: "high");

        Assert.Equal((store.Id, "Store s-bkk", Platform.Lazada, "TH", "Asia/Bangkok"), (row.StoreId, row.StoreName, row.Platform, row.Site, row.TimeZoneId));
        Assert.Equal(("v-9", "CODEV-9", "Coupon v-9", "ongoing"), (row.PlatformCouponId, row.Code, row.Name, row.RawStatus));
        Assert.Equal((5m, 15m, 100m, 50m, "SGD"), (row.DiscountAmount, row.Percentage, row.MaxDiscount, row.MinSpend, row.Currency));
        Assert.Equal((coupon.ValidFrom, coupon.ValidTo, coupon.ClaimStart, coupon.ClaimEnd), (row.ValidFrom, row.ValidTo, row.ClaimStart, row.ClaimEnd));
        Assert.Equal((true, Now.AddHours(-1), true, Now.AddHours(-2)), (row.IsRemoved, row.RemovedAt, row.IsArchived, row.LastChangedAt));
        Assert.Equal((2, "high"), (row.OpenFindings, row.HighestSeverity));
    }

    [Fact]
    public void From_InstantWithOffset_KeepsTheInstantInUtc()
    {
        var local = new DateTimeOffset(2026, 3, 20, 23, 59, 59, TimeSpan.FromHours(7));

        var row = CouponListRow.From(Store(), Coupon() with { ValidTo = local }, Now);

        Assert.Equal(local, row.ValidTo);
        Assert.Equal(TimeSpan.Zero, row.ValidTo.Offset);
    }

    [Fact]
    public void From_NoOpenFindings_DropsSeverity() =>
        Assert.Null(CouponListRow.From(Store(), Coupon(), Now, openFindings: 0, highestSeverity: "high").HighestSeverity);

    [Fact]
    public void From_NotRemoved_IsNotRemoved()
    {
        var row = Row();

        Assert.False(row.IsRemoved);
        Assert.Null(row.RemovedAt);
        Assert.Null(row.ClaimStart);
    }

    [Theory]
    [InlineData(100, 40, 10, 60)]
    [InlineData(100, 120, 10, 0)]
    [InlineData(100, null, 30, 70)]
    [InlineData(100, null, null, 100)]
    public void Remaining_KnownTotal_IsTotalLessClaimedOrUsed(int total, int? claimed, int? used, int expected) =>
        Assert.Equal(expected, (Row() with { TotalQuantity = total, ClaimedCount = claimed, UsedCount = used }).Remaining);

    [Fact]
    public void Remaining_UnlimitedQuantity_IsNull() => Assert.Null((Row() with { TotalQuantity = null }).Remaining);

    [Theory]
    [InlineData(40, 10, 0.25)]
    [InlineData(8, 8, 1.0)]
    public void RedemptionRate_ClaimsAndUses_IsUsedOverClaimed(int claimed, int used, double expected) =>
        Assert.Equal(expected, (Row() with { ClaimedCount = claimed, UsedCount = used }).RedemptionRate);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(null, 5)]
    [InlineData(10, null)]
    public void RedemptionRate_NoClaimsOrUnknownCount_IsNull(int? claimed, int? used) =>
        Assert.Null((Row() with { ClaimedCount = claimed, UsedCount = used }).RedemptionRate);

    [Fact]
    public void Equals_SameValues_AreEqual() => Assert.Equal(Row("c-7"), Row("c-7"));

    [Fact]
    public void Equals_DifferentEndTime_AreNotEqual() => Assert.NotEqual(Row(), Row() with { ValidTo = Now.AddDays(21) });
}
