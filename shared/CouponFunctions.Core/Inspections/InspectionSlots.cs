namespace CouponFunctions.Core.Inspections;

/// <summary>Which inspection slot of a store is due, computed in the store's zone (Azure timers run in UTC). On a
/// spring-forward day a slot the clocks skip falls due later by the jump (02:30 in a 02:00→03:00 gap is due at 03:30); on a
/// fall-back day a slot the clocks show twice is due at its first occurrence only. Either way each slot runs once a day.</summary>
public static class InspectionSlots
{
    /// <summary>The latest slot due at <paramref name="now"/> (due instant ≤ now), today or on an earlier local day; null
    /// when there are no slots.</summary>
    public static InspectionSlot? LatestDue(TimeZoneInfo zone, IReadOnlyList<TimeOnly> slots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(slots);
        var today = ZoneTime.LocalDate(now, zone);
        InspectionSlot? latest = null;
        // Every candidate of three days is compared, not the first day that has one: a jump can push yesterday's slot past
        // one of today's, and a whole calendar day can be skipped (Samoa, 2011).
        for (var back = 0; back <= 2; back++)
        {
            foreach (var slot in slots)
            {
                var due = ZoneTime.ToInstant(today.AddDays(-back), slot, zone);
                if (due <= now && (latest is null || due > latest.DueAt))
                    latest = new InspectionSlot(today.AddDays(-back), slot, due);
            }
        }

        return latest;
    }

    /// <summary>The slot to run now: the latest due slot if the store has not been inspected since it fell due, else null.
    /// After downtime this is one run for the latest slot, never a backlog.</summary>
    /// <param name="lastInspectedAt">When the store was last inspected (or the due instant of the last slot run); null if never.</param>
    public static InspectionSlot? Pending(TimeZoneInfo zone, IReadOnlyList<TimeOnly> slots, DateTimeOffset now, DateTimeOffset? lastInspectedAt)
    {
        var latest = LatestDue(zone, slots, now);
        return latest is not null && (lastInspectedAt is not { } last || latest.DueAt > last) ? latest : null;
    }

    /// <summary>The first slot due after <paramref name="now"/>, for showing "next inspection"; null when there are no slots.</summary>
    public static InspectionSlot? Next(TimeZoneInfo zone, IReadOnlyList<TimeOnly> slots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(slots);
        var today = ZoneTime.LocalDate(now, zone);
        InspectionSlot? next = null;
        for (var ahead = 0; ahead <= 2; ahead++)
        {
            foreach (var slot in slots)
            {
                var due = ZoneTime.ToInstant(today.AddDays(ahead), slot, zone);
                if (due > now && (next is null || due < next.DueAt))
                    next = new InspectionSlot(today.AddDays(ahead), slot, due);
            }
        }

        return next;
    }
}
