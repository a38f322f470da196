using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class FindingComparerTests
{
    private static readonly DateTimeOffset Morning = Now;
    private static readonly DateTimeOffset Afternoon = Now.AddHours(6);
    private static readonly DateTimeOffset NextMorning = Now.AddDays(1);

    [Fact]
    public void Compare_NoPreviousRun_MarksEverythingNewFirstSeenNow()
    {
        var tracked = FindingComparer.Compare([], [MakeFinding(), MakeFinding(FindingCodes.SyncStale, couponId: null)], Morning);

        Assert.All(tracked, t => Assert.Equal((FindingState.New, Morning, Morning), (t.State, t.FirstSeenAt, t.LastSeenAt)));
        Assert.Equal(2, tracked.Count);
    }

    [Fact]
    public void Compare_ThreeRuns_GoesNewThenOngoingThenResolvedKeepingFirstSeen()
    {
        var first = FindingComparer.Compare([], [MakeFinding()], Morning);
        var second = FindingComparer.Compare(first, [MakeFinding() with { Message = "Only 2 left." }], Afternoon);
        var third = FindingComparer.Compare(second, [], NextMorning);

        Assert.Equal(FindingState.New, Assert.Single(first).State);
        var ongoing = Assert.Single(second);
        Assert.Equal((FindingState.Ongoing, Morning, Afternoon, "Only 2 left."), (ongoing.State, ongoing.FirstSeenAt, ongoing.LastSeenAt, ongoing.Finding.Message));
        var resolved = Assert.Single(third);
        Assert.Equal((FindingState.Resolved, Morning, Afternoon, "Only 2 left."), (resolved.State, resolved.FirstSeenAt, resolved.LastSeenAt, resolved.Finding.Message));
    }

    [Fact]
    public void Compare_ResolvedLastTimeAndBackNow_IsNewAgainFromNow()
    {
        var resolved = FindingComparer.Compare(FindingComparer.Compare([], [MakeFinding()], Morning), [], Afternoon);

        var back = Assert.Single(FindingComparer.Compare(resolved, [MakeFinding()], NextMorning));

        Assert.Equal((FindingState.New, NextMorning), (back.State, back.FirstSeenAt));
    }

    [Fact]
    public void Compare_ResolvedLastTimeAndStillAbsent_IsDropped()
    {
        var resolved = FindingComparer.Compare(FindingComparer.Compare([], [MakeFinding()], Morning), [], Afternoon);

        Assert.Empty(FindingComparer.Compare(resolved, [], NextMorning));
    }

    [Fact]
    public void Compare_SameCouponDifferentCode_AreDifferentFindings()
    {
        var previous = FindingComparer.Compare([], [MakeFinding(FindingCodes.StockLow)], Morning);

        var tracked = FindingComparer.Compare(previous, [MakeFinding(FindingCodes.StockOut, severity: FindingSeverity.Critical)], Afternoon);

        Assert.Equal(
            new[] { (FindingCodes.StockOut, FindingState.New), (FindingCodes.StockLow, FindingState.Resolved) },
            tracked.Select(t => (t.Finding.Code, t.State)));
    }

    [Fact]
    public void Compare_MixedRun_ListsCurrentInOrderThenResolved()
    {
        var previous = FindingComparer.Compare([], [MakeFinding(couponId: "a"), MakeFinding(couponId: "b")], Morning);

        var tracked = FindingComparer.Compare(previous, [MakeFinding(couponId: "c"), MakeFinding(couponId: "b")], Afternoon);

        Assert.Equal(
            new[] { ("c", FindingState.New), ("b", FindingState.Ongoing), ("a", FindingState.Resolved) },
            tracked.Select(t => (t.Finding.PlatformCouponId!, t.State)));
    }

    [Fact]
    public void Compare_DuplicateKeys_KeepsTheFirstOnce()
    {
        var tracked = FindingComparer.Compare([], [MakeFinding() with { Message = "first" }, MakeFinding() with { Message = "second" }], Morning);

        Assert.Equal("first", Assert.Single(tracked).Finding.Message);
    }

    [Fact]
    public void Compare_SameCouponIdInAnotherStore_IsAnotherFinding()
    {
        var previous = FindingComparer.Compare([], [MakeFinding(store: "s-one")], Morning);

        var tracked = FindingComparer.Compare(previous, [MakeFinding(store: "s-two")], Afternoon);

        Assert.Equal(new[] { FindingState.New, FindingState.Resolved }, tracked.Select(t => t.State));
    }
}
