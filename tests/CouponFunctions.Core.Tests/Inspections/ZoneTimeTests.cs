using CouponFunctions.Core.Inspections;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class ZoneTimeTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ToInstant_OrdinaryTime_UsesTheZonesOffset() =>
        Assert.Equal(Utc(11, 21, 2, 0), ZoneTime.ToInstant(new(2026, 11, 21), new(9, 0), Zone("Asia/Bangkok")));

    [Fact]
    public void ToInstant_SkippedTime_MovesLaterByTheJump() =>
        Assert.Equal(Utc(3, 29, 1, 30), ZoneTime.ToInstant(new(2026, 3, 29), new(1, 30), Zone("Europe/London")));

    [Fact]
    public void ToInstant_RepeatedTime_IsTheFirstOccurrence() =>
        Assert.Equal(Utc(10, 25, 0, 30), ZoneTime.ToInstant(new(2026, 10, 25), new(1, 30), Zone("Europe/London")));

    [Fact]
    public void StartOfDay_WhereMidnightIsSkipped_IsTheEndOfTheJump()
    {
        // Chile springs forward at 24:00 on 6 Sep 2026: 00:00 becomes 01:00 (-04 → -03).
        var start = ZoneTime.StartOfDay(new(2026, 9, 6), Zone("America/Santiago"));

        Assert.Equal(Utc(9, 6, 4, 0), start);
        Assert.Equal(new DateOnly(2026, 9, 6), ZoneTime.LocalDate(start, Zone("America/Santiago")));
        Assert.Equal(new DateOnly(2026, 9, 5), ZoneTime.LocalDate(start.AddTicks(-1), Zone("America/Santiago")));
    }

    [Fact]
    public void LocalDate_AheadOfUtc_IsTheLocalCalendarDay() =>
        Assert.Equal(new DateOnly(2026, 11, 22), ZoneTime.LocalDate(Utc(11, 21, 17, 30), Zone("Asia/Bangkok")));
}
