namespace CouponFunctions.Sandbox.Demo;

/// <summary>Times around one instant in one store's zone: "today", local wall-clock times, the next local midnight.</summary>
internal sealed class DemoClock
{
    private readonly TimeZoneInfo _zone;

    public DemoClock(DateTimeOffset now, TimeZoneInfo zone)
    {
        _zone = zone;
        Now = now.ToUniversalTime();
        Hour = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(Now, zone);
        Today = DateOnly.FromDateTime(local.DateTime);
        LocalTime = TimeOnly.FromDateTime(local.DateTime);
        Midnight = At(Today.AddDays(1), TimeOnly.MinValue);
    }

    public DateTimeOffset Now { get; }

    /// <summary><see cref="Now"/> down to the whole hour (UTC), the anchor of round-looking start times.</summary>
    public DateTimeOffset Hour { get; }

    /// <summary>The store's calendar day at <see cref="Now"/>.</summary>
    public DateOnly Today { get; }

    public TimeOnly LocalTime { get; }

    /// <summary>The first instant of the store's tomorrow.</summary>
    public DateTimeOffset Midnight { get; }

    /// <summary>A wall-clock time of a day in the store's zone, as a UTC instant.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time in a daylight-saving gap does not exist: take the hour after (none of the demo sites has DST).
        if (_zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
