using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Sync;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class SnapshotPlannerTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    [Fact]
    public void DayStart_FiguresUnchanged_KeepsTheStoredDay()
    {
        var coupon = Coupon();
        var stored = Stored(coupon) with { Day = new CouponDayStart(Day.AddDays(-2), 90, 8) };

        Assert.Equal(stored.Day, SnapshotPlanner.DayStart(stored, coupon with { Name = "Renamed" }, Day));
        Assert.False(SnapshotPlanner.Moved(stored, coupon with { Name = "Renamed" }));
    }

    [Fact]
    public void DayStart_FirstMoveOfTheDay_StartsFromTheStoredFigures()
    {
        var before = Stored(Coupon()) with { Day = new CouponDayStart(Day.AddDays(-1), 60, 5) };
        var after = Coupon() with { ClaimedCount = 130, UsedCount = 14 };

        var next = before with { Coupon = after, Day = SnapshotPlanner.DayStart(before, after, Day) };

        var row = Assert.Single(SnapshotPlanner.Figures([next], Day));
        Assert.Equal((100, 10, 130, 14, 30, 4), (row.BaseClaimed, row.BaseUsed, row.Claimed, row.Used, row.Claims, row.Uses));
        Assert.Equal((100m, 500m, "THB"), (row.DiscountPerUse, row.MinSpend, row.Currency));
        Assert.True(SnapshotPlanner.Moved(before, after));
    }

    [Fact]
    public void DayStart_SecondMoveSameDay_KeepsTheDaysStart()
    {
        var before = Stored(Coupon() with { ClaimedCount = 130, UsedCount = 14 }) with { Day = new CouponDayStart(Day, 100, 10) };

        Assert.Equal(new CouponDayStart(Day, 100, 10), SnapshotPlanner.DayStart(before, before.Coupon with { ClaimedCount = 150 }, Day));
    }

    [Fact]
    public void DayStart_NewCouponWithClaims_CountsThemFromZeroAndNoneWithout()
    {
        Assert.Equal(new CouponDayStart(Day, 0, 0), SnapshotPlanner.DayStart(null, Coupon("v-new"), Day));
        Assert.Null(SnapshotPlanner.DayStart(null, Coupon("v-zero") with { ClaimedCount = 0, UsedCount = 0 }, Day));
    }

    [Fact]
    public void Figures_StoreOfCouponsMovedOnSeveralDays_OnlyThoseOfTheDay()
    {
        var coupons = new[]
        {
            Stored(Coupon("v-today") with { ClaimedCount = 120 }) with { Day = new CouponDayStart(Day, 100, 10) },
            Stored(Coupon("v-yesterday")) with { Day = new CouponDayStart(Day.AddDays(-1), 0, 0) },
            Stored(Coupon("v-never") with { ClaimedCount = 0, UsedCount = 0 }),
        };

        var row = Assert.Single(SnapshotPlanner.Figures(coupons, Day));

        Assert.Equal(("v-today", Day, 20, 0), (row.CouponId, row.Day, row.Claims, row.Uses));
    }

    [Fact]
    public void SyncPlanner_TwoMovesOnOneDayThenOneOnTheNext_EachDayFromItsOwnStart()
    {
        var first = SyncPlanner.Plan(null, Coupon(), Now, Day)!.Next;
        var second = SyncPlanner.Plan(first, Coupon() with { ClaimedCount = 110 }, Now.AddHours(1), Day)!.Next;
        var nextDay = SyncPlanner.Plan(second, Coupon() with { ClaimedCount = 115, UsedCount = 12 }, Now.AddDays(1), Day.AddDays(1))!.Next;

        Assert.Equal((110, 10), (Assert.Single(SnapshotPlanner.Figures([second], Day)).Claims, Assert.Single(SnapshotPlanner.Figures([second], Day)).Uses));
        Assert.Equal((5, 2), (Assert.Single(SnapshotPlanner.Figures([nextDay], Day.AddDays(1))).Claims, Assert.Single(SnapshotPlanner.Figures([nextDay], Day.AddDays(1))).Uses));
        Assert.Empty(SnapshotPlanner.Figures([nextDay], Day));
    }

    [Fact]
    public void DiscountPerUse_FixedPercentageAndUnknownCap_AreAmountCapAndNull()
    {
        var fixedAmount = Coupon() with { Reward = RewardType.FixedAmount, DiscountAmount = 25m };
        var unknownCap = Coupon() with { Unknown = UnknownCouponFields.MaxDiscount };

        Assert.Equal((25m, 100m, (decimal?)null), (SnapshotPlanner.DiscountPerUse(fixedAmount), SnapshotPlanner.DiscountPerUse(Coupon()), SnapshotPlanner.DiscountPerUse(unknownCap)));
    }

    private static StoredCoupon Stored(Coupon coupon) => new(coupon, "hash", Now.AddDays(-3), Now.AddDays(-1));
}
