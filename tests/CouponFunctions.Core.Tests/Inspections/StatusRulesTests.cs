using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class StatusRulesTests
{
    private static Coupon Upcoming(DateTimeOffset start) =>
        Coupon(status: CouponStatus.Upcoming) with { ValidFrom = start, ValidTo = start.AddDays(7), ClaimedCount = 0, UsedCount = 0, RawStatus = "NOT_STARTED" };

    [Fact]
    public void Inspect_UpcomingAfterStartAndGrace_ReportsStartOverdue()
    {
        var finding = Inspect(Upcoming(Now.AddHours(-3))).Single(FindingCodes.StartOverdue);

        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal(
            "'Payday 10% off' should have started Sat 21 Nov 06:00 (Asia/Bangkok), 3 hours ago, but the platform still lists it as not started (status 'NOT_STARTED').",
            finding.Message);
        Assert.Equal("v-1", finding.PlatformCouponId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(60)]
    public void Inspect_UpcomingWithinGraceOrInFuture_ReportsNothing(int startMinutesFromNow) =>
        Assert.DoesNotContain(FindingCodes.StartOverdue, Inspect(Upcoming(Now.AddMinutes(startMinutesFromNow))).Codes());

    [Fact]
    public void Inspect_UpcomingOneSecondPastGrace_ReportsStartOverdue() =>
        Assert.Contains(FindingCodes.StartOverdue, Inspect(Upcoming(Now.AddMinutes(-30).AddSeconds(-1))).Codes());

    [Fact]
    public void Inspect_UpcomingWhoseEndPassedToo_SaysSo()
    {
        var coupon = Upcoming(Now.AddDays(-3)) with { ValidTo = Now.AddDays(-1) };

        var finding = Inspect(coupon).Single(FindingCodes.StartOverdue);

        Assert.EndsWith("Its end, Fri 20 Nov 09:00 (Asia/Bangkok), has passed too.", finding.Message);
    }

    [Fact]
    public void Inspect_OngoingAfterStart_ReportsNoStartOverdue() =>
        Assert.DoesNotContain(FindingCodes.StartOverdue, Inspect(Coupon() with { ValidFrom = Now.AddDays(-5) }).Codes());

    [Fact]
    public void Inspect_PausedBeforeEnd_ReportsPausedWithRawStatus()
    {
        var finding = Inspect(Coupon(status: CouponStatus.Paused) with { RawStatus = "SUSPENDED" }).Single(FindingCodes.StatusPaused);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(
            "'Payday 10% off' is paused on the platform (status 'SUSPENDED'): buyers cannot use it, although it runs until Tue 1 Dec 09:00 (Asia/Bangkok).",
            finding.Message);
    }

    [Fact]
    public void Inspect_PausedPastItsEnd_ReportsNoPause() =>
        Assert.DoesNotContain(FindingCodes.StatusPaused, Inspect(Coupon(status: CouponStatus.Paused) with { ValidTo = Now.AddMinutes(-1) }).Codes());

    [Theory]
    [InlineData(CouponStatus.Ongoing)]
    [InlineData(CouponStatus.Upcoming)]
    [InlineData(CouponStatus.Ended)]
    [InlineData(CouponStatus.Deactivated)]
    public void Inspect_NotPaused_ReportsNoPause(CouponStatus status) =>
        Assert.DoesNotContain(FindingCodes.StatusPaused, Inspect(Coupon(status: status)).Codes());

    [Fact]
    public void Inspect_OngoingPastEndAndGrace_ReportsEndedButActive()
    {
        var coupon = Coupon() with { ValidTo = Now.AddHours(-9), RawStatus = "ONGOING" };

        var findings = Inspect(coupon);

        var finding = findings.Single(FindingCodes.StatusEndedButActive);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(
            "'Payday 10% off' ended Sat 21 Nov 00:00 (Asia/Bangkok), 9 hours ago, but the platform still lists it as active (status 'ONGOING').",
            finding.Message);
        Assert.Equal([FindingCodes.StatusEndedButActive], findings.Codes());
    }

    [Fact]
    public void Inspect_OngoingEndedWithinGrace_ReportsNothing() =>
        Assert.Empty(Inspect(Coupon() with { ValidTo = Now.AddMinutes(-30) }));

    [Fact]
    public void Inspect_EndedPastEnd_ReportsNothing() =>
        Assert.Empty(Inspect(Coupon(status: CouponStatus.Ended) with { ValidTo = Now.AddDays(-1) }));

    [Fact]
    public void Inspect_GraceSetToZero_ReportsAsSoonAsTimePasses()
    {
        var settings = InspectionSettings.Default with { StatusGrace = TimeSpan.Zero };

        Assert.Contains(FindingCodes.StartOverdue, Inspect(Upcoming(Now.AddSeconds(-1)), settings: settings).Codes());
        Assert.Contains(FindingCodes.StatusEndedButActive, Inspect(Coupon() with { ValidTo = Now.AddSeconds(-1) }, settings: settings).Codes());
    }
}
