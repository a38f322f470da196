namespace CouponFunctions.Core.Inspections;

/// <summary>Local wall-clock times of a store's zone turned into instants, with one documented answer on daylight-saving days.</summary>
internal static class ZoneTime
{
    /// <summary>The instant (in UTC) a zone's clocks show <paramref name="date"/> <paramref name="time"/>. A time skipped by a
    /// spring-forward jump is moved later by the length of the jump (02:30 in a 02:00→03:00 gap is 03:30), as java.time and
    /// NodaTime's lenient resolver do; a time shown twice on a fall-back day is its first occurrence.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the wall clock passes this reading.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var first = offsets[0];
            foreach (var offset in offsets) if (offset > first) first = offset;
            return new DateTimeOffset(local, first).ToUniversalTime();
        }

        if (zone.IsInvalidTime(local))
        {
            // Read the skipped time with the offset in force before the jump. A day earlier (as UTC) is before any jump
            // that skips this reading, whatever the zone's offset.
            var before = zone.GetUtcOffset(new DateTimeOffset(local.AddDays(-1), TimeSpan.Zero));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first instant of a local calendar day (later than midnight where a jump skips midnight).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) => ToInstant(date, TimeOnly.MinValue, zone);

    /// <summary>The local calendar day of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
