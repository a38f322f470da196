using CouponFunctions.Core.Sends;

namespace CouponFunctions.Core.Tests.Sends;

public sealed class SendScheduleTests
{
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_ExactlyTwoHoursAheadOnTheHour_IsAllowed()
    {
        Assert.Null(SendSchedule.Check(Now.AddHours(2), Now, Bangkok));
    }

    [Fact]
    public void Check_LessThanTwoHoursAhead_SaysTheEarliestLocalTime()
    {
        var error = SendSchedule.Check(Now.AddHours(2).AddTicks(-1), Now, Bangkok);

        Assert.Contains("at least 2 hours ahead: 2026-11-21 11:00 (UTC+07:00) or later", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NotOnTheHour_IsRefused()
    {
        Assert.Contains("on the hour", SendSchedule.Check(Now.AddHours(3).AddMinutes(30), Now, Bangkok), StringComparison.Ordinal);
        Assert.Contains("on the hour", SendSchedule.Check(Now.AddHours(3).AddSeconds(1), Now, Bangkok), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HalfHourZone_OnTheHourIsLocalNotUtc()
    {
        // 12:00 in Kolkata (+05:30) is 06:30 UTC; 06:00 UTC is 11:30 there.
        Assert.Null(SendSchedule.Check(new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero), Now, Kolkata));
        Assert.NotNull(SendSchedule.Check(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), Now, Kolkata));
    }

    [Fact]
    public void Check_FortyFiveMinuteZone_OnTheHourIsLocal()
    {
        // 12:00 in Kathmandu (+05:45) is 06:15 UTC.
        Assert.Null(SendSchedule.Check(new DateTimeOffset(2026, 11, 21, 6, 15, 0, TimeSpan.Zero), Now, Kathmandu));
        Assert.NotNull(SendSchedule.Check(new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero), Now, Kathmandu));
    }

    [Fact]
    public void Slots_HalfHourZone_OffersWholeLocalHoursFromTwoHoursAhead()
    {
        // Now is 07:30 in Kolkata; 09:30 is the earliest moment, so the first whole hour is 10:00 local (04:30 UTC).
        var slots = SendSchedule.Slots(Now, Kolkata, 3);

        Assert.Equal([new(2026, 11, 21, 4, 30, 0, TimeSpan.Zero), new(2026, 11, 21, 5, 30, 0, TimeSpan.Zero), new(2026, 11, 21, 6, 30, 0, TimeSpan.Zero)], slots);
        Assert.All(slots, s => Assert.Null(SendSchedule.Check(s, Now, Kolkata)));
    }

    [Fact]
    public void Slots_OnTheHourNow_IncludesExactlyTwoHoursAhead()
    {
        Assert.Equal(Now.AddHours(2), SendSchedule.Slots(Now, Bangkok, 1)[0]);
    }

    [Fact]
    public void Slots_SpringForwardNight_SkipsTheMissingHour()
    {
        // London, 29 Mar 2026: 01:00 local jumps to 02:00. From 22:00 UTC on the 28th, slots are 00:00, 02:00, 03:00 local.
        var slots = SendSchedule.Slots(new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), London, 3);

        Assert.Equal([new(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new(2026, 3, 29, 2, 0, 0, TimeSpan.Zero)], slots);
        Assert.Equal("2026-03-29 02:00 (UTC+01:00)", SendSchedule.Local(slots[1], London));
    }
}
