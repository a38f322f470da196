using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Sync;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class SnapshotPlannerTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    [Fact]
    public void Plan_FiguresUnchanged_WritesNothing()
    {
        var coupon = Coupon();

        var rows = SnapshotPlanner.Plan(Day, [(Stored(coupon), coupon with { Name = "Renamed" })], Empty());

        Assert.Empty(rows);
    }

    [Fact]
    public void Plan_FirstChangeOfTheDay_StartsFromTheStoredFigures()
    {
        var before = Coupon();

        var row = Assert.Single(SnapshotPlanner.Plan(Day, [(Stored(before), before with { ClaimedCount = 130, UsedCount = 14 })], Empty()));

        Assert.Equal((100, 10, 130, 14, 30, 4), (row.BaseClaimed, row.BaseUsed, row.Claimed, row.Used, row.Claims, row.Uses));
        Assert.Equal(100m, row.DiscountPerUse);
    }

    [Fact]
    public void Plan_SecondChangeSameDay_KeepsTheDaysStartAndUpdatesTheFigures()
    {
        var before = Coupon() with { ClaimedCount = 130, UsedCount = 14 };
        var today = new Dictionary<string, CouponDayFigures> { ["v-1"] = new("v-1", Day, 100, 10, 130, 14, 100m, 500m, "THB") };

        var row = Assert.Single(SnapshotPlanner.Plan(Day, [(Stored(before), before with { ClaimedCount = 150 })], today));

        Assert.Equal((100, 10, 150, 14), (row.BaseClaimed, row.BaseUsed, row.Claimed, row.Used));
    }

    [Fact]
    public void Plan_TodaysRowAlreadyHasTheFigures_WritesNothing()
    {
        // A run that wrote the snapshot and stopped before the coupon write sees the change again: same row, no write.
        var before = Coupon();
        var after = before with { ClaimedCount = 130 };
        var today = new Dictionary<string, CouponDayFigures> { ["v-1"] = new("v-1", Day, 100, 10, 130, 10, 100m, 500m, "THB") };

        Assert.Empty(SnapshotPlanner.Plan(Day, [(Stored(before), after)], today));
    }

    [Fact]
    public void Plan_NewCouponWithClaims_CountsThemFromZeroAndSkipsOneWithout()
    {
        var rows = SnapshotPlanner.Plan(Day, [(null, Coupon("v-new")), (null, Coupon("v-zero") with { ClaimedCount = 0, UsedCount = 0 })], Empty());

        var row = Assert.Single(rows);
        Assert.Equal(("v-new", 100, 10), (row.CouponId, row.Claims, row.Uses));
    }

    [Fact]
    public void DiscountPerUse_FixedPercentageAndUnknownCap_AreAmountCapAndNull()
    {
        var fixedAmount = Coupon() with { Reward = RewardType.FixedAmount, DiscountAmount = 25m };
        var unknownCap = Coupon() with { Unknown = UnknownCouponFields.MaxDiscount };

        Assert.Equal((25m, 100m, (decimal?)null), (SnapshotPlanner.DiscountPerUse(fixedAmount), SnapshotPlanner.DiscountPerUse(Coupon()), SnapshotPlanner.DiscountPerUse(unknownCap)));
    }

    private static Dictionary<string, CouponDayFigures> Empty() => [];

    private static StoredCoupon Stored(Coupon coupon) => new(coupon, "hash", Now.AddDays(-3), Now.AddDays(-1));
}
