using System.Globalization;

namespace CouponFunctions.Core.Inspections;

/// <summary>One inspection slot of a store: a local date and slot time, and the instant it falls due.</summary>
/// <param name="LocalDate">The store's calendar day.</param>
/// <param name="Slot">The configured slot time (as configured, even when a daylight-saving jump moved <paramref name="DueAt"/>).</param>
/// <param name="DueAt">The instant the slot falls due (see <see cref="InspectionSlots"/> for daylight-saving days).</param>
public sealed record InspectionSlot(DateOnly LocalDate, TimeOnly Slot, DateTimeOffset DueAt)
{
    /// <summary>A stable key for the slot in the store's local terms, e.g. "2026-11-21T09:00"; keys sort in time order.</summary>
    public string Key => LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + Slot.ToString("HH:mm", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Key} (due {DueAt.UtcDateTime:yyyy-MM-dd HH:mm}Z)";
}
