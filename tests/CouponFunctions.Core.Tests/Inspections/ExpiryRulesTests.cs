using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class ExpiryRulesTests
{
    private const string Bkk = "Asia/Bangkok";

    private static Coupon EndingAt(DateTimeOffset end) => Coupon() with { ValidTo = end };

    [Fact]
    public void Inspect_EndsOneSecondBeforeLocalMidnight_ReportsExpiryToday()
    {
        var finding = Inspect(EndingAt(Local(Bkk, 2026, 11, 21, 23, 59, 59))).Single(FindingCodes.ExpiryToday);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("'Payday 10% off' ends today, Sat 21 Nov 23:59 (Asia/Bangkok), with 400 of 500 left.", finding.Message);
        Assert.Equal("Extend the end or renew the coupon if the promotion should go on.", finding.Action);
    }

    [Fact]
    public void Inspect_EndsAtLocalMidnight_ReportsExpiringTomorrowNotToday()
    {
        var findings = Inspect(EndingAt(Local(Bkk, 2026, 11, 22, 0, 0)));

        Assert.Equal([FindingCodes.ExpirySoon], findings.Codes());
        Assert.Equal("'Payday 10% off' ends tomorrow, Sun 22 Nov 00:00 (Asia/Bangkok).", findings[0].Message);
        Assert.Equal(FindingSeverity.Info, findings[0].Severity);
    }

    [Fact]
    public void Inspect_EndsOnLastDayOfWindow_ReportsExpirySoon() =>
        Assert.Contains("ends in 3 days, Tue 24 Nov 23:59",
            Inspect(EndingAt(Local(Bkk, 2026, 11, 24, 23, 59, 59))).Single(FindingCodes.ExpirySoon).Message);

    [Fact]
    public void Inspect_EndsTheDayAfterTheWindow_ReportsNothing() => Assert.Empty(Inspect(EndingAt(Local(Bkk, 2026, 11, 25, 0, 0))));

    [Fact]
    public void Inspect_WindowOfOneDay_ReportsOnlyTomorrow()
    {
        var settings = InspectionSettings.Default with { ExpiryWindowDays = 1 };

        Assert.Contains(FindingCodes.ExpirySoon, Inspect(EndingAt(Local(Bkk, 2026, 11, 22, 23, 0)), settings: settings).Codes());
        Assert.Empty(Inspect(EndingAt(Local(Bkk, 2026, 11, 23, 0, 0)), settings: settings));
    }

    [Fact]
    public void Inspect_PausedEndingToday_ReportsExpiryToday() =>
        Assert.Contains(FindingCodes.ExpiryToday, Inspect(Coupon(status: CouponStatus.Paused) with { ValidTo = Now.AddHours(1) }).Codes());

    [Theory]
    [InlineData(CouponStatus.Upcoming)]
    [InlineData(CouponStatus.Ended)]
    [InlineData(CouponStatus.Deactivated)]
    public void Inspect_NotRunningEndingToday_ReportsNoExpiry(CouponStatus status)
    {
        var codes = Inspect(Coupon(status: status) with { ValidFrom = Now.AddHours(1), ValidTo = Now.AddHours(2) }).Codes();

        Assert.DoesNotContain(FindingCodes.ExpiryToday, codes);
        Assert.DoesNotContain(FindingCodes.ExpirySoon, codes);
    }

    [Fact]
    public void Inspect_BangkokAt2330CouponEndingAfterLocalMidnightButSameUtcDay_IsNotToday()
    {
        var now = Local(Bkk, 2026, 11, 21, 23, 30); // 16:30Z on the 21st
        var end = Local(Bkk, 2026, 11, 22, 0, 30); // 17:30Z, still the 21st in UTC

        var findings = Inspect(EndingAt(end), now);

        Assert.Equal([FindingCodes.ExpirySoon], findings.Codes());
        Assert.Contains("ends tomorrow, Sun 22 Nov 00:30", findings[0].Message);
    }

    [Fact]
    public void Inspect_BangkokAt0030WhenUtcIsStillYesterday_UsesLocalToday()
    {
        var now = Local(Bkk, 2026, 11, 22, 0, 30); // 17:30Z on the 21st
        var end = Local(Bkk, 2026, 11, 22, 20, 0); // 13:00Z on the 22nd

        Assert.Equal([FindingCodes.ExpiryToday], Inspect(EndingAt(end), now).Codes());
    }

    [Fact]
    public void Inspect_LosAngelesAt2330WhenUtcIsTheNextDay_UsesLocalToday()
    {
        var store = Store("America/Los_Angeles", site: "US", id: "s-lax");
        var now = Local("America/Los_Angeles", 2026, 11, 21, 23, 30); // 07:30Z on the 22nd

        Assert.Equal([FindingCodes.ExpiryToday], Inspect(EndingAt(Local("America/Los_Angeles", 2026, 11, 21, 23, 59, 59)), now, store: store).Codes());
        Assert.Equal([FindingCodes.ExpirySoon], Inspect(EndingAt(Local("America/Los_Angeles", 2026, 11, 22, 0, 0, 1)), now, store: store).Codes());
    }

    [Fact]
    public void Inspect_FallBackDayOf25Hours_KeepsTheLastHourInToday()
    {
        // 1 Nov 2026 in Los Angeles: 02:00 PDT falls back to 01:00 PST, so the day lasts 25 hours.
        var store = Store("America/Los_Angeles", site: "US", id: "s-lax");
        var now = Local("America/Los_Angeles", 2026, 11, 1, 0, 30);

        Assert.Equal([FindingCodes.ExpiryToday], Inspect(EndingAt(Local("America/Los_Angeles", 2026, 11, 1, 23, 59, 59)), now, store: store).Codes());
        Assert.Equal([FindingCodes.ExpirySoon], Inspect(EndingAt(Local("America/Los_Angeles", 2026, 11, 2, 0, 0, 1)), now, store: store).Codes());
    }

    [Fact]
    public void Inspect_SpringForwardDayOf23Hours_EndsTodayAtLocalMidnight()
    {
        // 29 Mar 2026 in London: 01:00 GMT springs to 02:00 BST, so the day lasts 23 hours.
        var store = Store("Europe/London", platform: Platform.TikTok, site: "GB", id: "s-lon");
        var now = Local("Europe/London", 2026, 3, 29, 0, 30);

        Assert.Equal([FindingCodes.ExpiryToday], Inspect(EndingAt(Local("Europe/London", 2026, 3, 29, 23, 59, 59)), now, store: store).Codes());
        var tomorrow = Inspect(EndingAt(Local("Europe/London", 2026, 3, 30, 0, 30)), now, store: store);
        Assert.Equal([FindingCodes.ExpirySoon], tomorrow.Codes());
        Assert.Contains("ends tomorrow, Mon 30 Mar 00:30 (Europe/London)", tomorrow[0].Message);
    }

    [Fact]
    public void Inspect_EndsNextYear_ShowsTheYear()
    {
        var now = Local(Bkk, 2026, 12, 30, 9, 0);

        Assert.Contains("ends in 2 days, Fri 1 Jan 2027 12:00 (Asia/Bangkok)",
            Inspect(EndingAt(Local(Bkk, 2027, 1, 1, 12, 0)), now).Single(FindingCodes.ExpirySoon).Message);
    }
}
