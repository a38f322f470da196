using System.Collections.Concurrent;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Store time zones by IANA id, looked up once per process, and the store-local day arithmetic the list needs.</summary>
internal static class StoreZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    // Store ids are validated when stores are saved; an unknown id here (a zone retired from tzdata) falls back to UTC
    // so one odd store cannot break the whole list.
    public static TimeZoneInfo Find(string id) => Cache.GetOrAdd(id, static key =>
        TimeZoneInfo.TryFindSystemTimeZoneById(key, out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>The instant the store-local day <paramref name="daysAhead"/> days after today (in the zone, at <paramref name="now"/>) ends.</summary>
    public static DateTimeOffset EndOfLocalDay(TimeZoneInfo zone, DateTimeOffset now, int daysAhead)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).DateTime.Date;
        return StartOfLocalDay(zone, today.AddDays(daysAhead + 1));
    }

    /// <summary>The first instant of a local date: midnight, or where a daylight-saving change skips or repeats midnight, the first moment of the date.</summary>
    public static DateTimeOffset StartOfLocalDay(TimeZoneInfo zone, DateTime localDate)
    {
        var midnight = DateTime.SpecifyKind(localDate.Date, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(midnight))
            offset = zone.GetUtcOffset(midnight.AddHours(-12)); // clocks jump past midnight: the day starts at the jump
        else if (zone.IsAmbiguousTime(midnight))
            offset = zone.GetAmbiguousTimeOffsets(midnight).Max(); // midnight happens twice: the earlier one
        else
            offset = zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The instant in the store's local time with its offset, for display.</summary>
    public static DateTimeOffset ToLocal(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
}
