using System.Globalization;

namespace CouponFunctions.Core.Inspections;

/// <summary>Numbers, local times and spans as operators read them in finding messages.</summary>
internal static class InspectionText
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Part of a whole in percent; 0 when the whole is 0.</summary>
    public static decimal Share(int part, int whole) => whole == 0 ? 0m : part * 100m / whole;

    /// <summary>A platform's text quoted for a message; empty names still read as a name.</summary>
    public static string Quote(string? name) => string.IsNullOrWhiteSpace(name) ? "(unnamed)" : $"'{name.Trim()}'";

    public static string LocalTime(DateTimeOffset instant, TimeZoneInfo zone, int currentYear)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var format = local.Year == currentYear ? "ddd d MMM HH:mm" : "ddd d MMM yyyy HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture) + " (" + zone.Id + ")";
    }

    /// <summary>"45 minutes", "3 hours", "2 days": the largest whole unit, for "... ago" and "after ...".</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalMinutes < 1) return "less than a minute";
        if (span.TotalHours < 1) return Unit((int)span.TotalMinutes, "minute");
        if (span.TotalDays < 2) return Unit((int)span.TotalHours, "hour");
        return Unit((int)span.TotalDays, "day");
    }

    public static string Days(int days) => Unit(days, "day");

    private static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{Count(n)} {unit}s";
}
