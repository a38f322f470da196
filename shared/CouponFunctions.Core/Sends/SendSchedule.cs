using CouponFunctions.Core.Inspections;

namespace CouponFunctions.Core.Sends;

/// <summary>
/// When a send may be scheduled: at least 2 hours ahead, on a whole hour of the store's local clock. "On the hour" is local:
/// in Asia/Kolkata (+05:30) or Asia/Kathmandu (+05:45) 10:00 local is 04:30 or 04:15 UTC, not a whole UTC hour.
/// </summary>
public static class SendSchedule
{
    public static TimeSpan MinimumLead { get; } = TimeSpan.FromHours(2);

    /// <summary>Null when <paramref name="scheduledAt"/> is allowed, else the reason.</summary>
    public static string? Check(DateTimeOffset scheduledAt, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (scheduledAt < now + MinimumLead)
            return $"The send time must be at least 2 hours ahead: {Local(now + MinimumLead, zone)} or later in the store's time ({zone.Id}).";
        if (!IsOnTheHour(scheduledAt, zone))
            return $"The send time must be on the hour in the store's time ({zone.Id}); {Local(scheduledAt, zone)} is not.";
        return null;
    }

    public static bool IsOnTheHour(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.TimeOfDay.Ticks % TimeSpan.TicksPerHour == 0;
    }

    /// <summary>The whole local hours a time picker may offer, from the first allowed one, <paramref name="count"/> of them.
    /// An hour that a daylight-saving jump skips is not offered; one shown twice is offered once (its first instant).</summary>
    public static IReadOnlyList<DateTimeOffset> Slots(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        var slots = new List<DateTimeOffset>(count);
        var earliest = now + MinimumLead;
        var local = TimeZoneInfo.ConvertTime(earliest, zone).DateTime;
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        for (var guard = 0; slots.Count < count && guard < count * 2 + 4; guard++, hour = hour.AddHours(1))
        {
            if (zone.IsInvalidTime(hour)) continue;
            var instant = ZoneTime.ToInstant(DateOnly.FromDateTime(hour), TimeOnly.FromDateTime(hour), zone);
            if (instant >= earliest && (slots.Count == 0 || instant > slots[^1])) slots.Add(instant);
        }

        return slots;
    }

    /// <summary>An instant in the store's local time with its offset, for messages ("2026-12-24 18:00 (UTC+07:00)").</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} (UTC{sign}{offset:hh\\:mm})");
    }
}
