using System.Globalization;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>Numbers, times and durations written the way operators read them in violation messages.</summary>
internal static class RuleText
{
    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A time in the store's own zone with its offset, e.g. "2025-03-01 18:00 (UTC+08:00)".</summary>
    public static string Time(DateTimeOffset instant, Site site)
    {
        var local = TimeZoneInfo.ConvertTime(instant, site.TimeZone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + " (UTC" + local.ToString("zzz", CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>"1 hour", "30 minutes", "2 days 3 hours"; seconds only when nothing larger is there.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) return "-" + Duration(span.Negate());
        var parts = new List<string>();
        Add(parts, span.Days, "day");
        Add(parts, span.Hours, "hour");
        Add(parts, span.Minutes, "minute");
        if (parts.Count == 0) Add(parts, Math.Max(span.Seconds, 0), "second");
        return parts.Count == 0 ? "0 seconds" : string.Join(" ", parts);
    }

    private static void Add(List<string> parts, int n, string unit)
    {
        if (n > 0) parts.Add(n == 1 ? $"1 {unit}" : $"{n} {unit}s");
    }

    /// <summary>"Name", "total quantity": a field as words, for messages about what may change.</summary>
    public static string FieldWords(string field) => field switch
    {
        RuleFields.Name => "name",
        RuleFields.TotalQuantity => "total quantity",
        RuleFields.ValidFrom => "start",
        RuleFields.ValidTo => "end",
        RuleFields.DiscountAmount => "discount amount",
        RuleFields.Percentage => "percentage",
        RuleFields.MaxDiscount => "maximum discount",
        RuleFields.MinSpend => "minimum spend",
        RuleFields.PerBuyerLimit => "per-buyer limit",
        RuleFields.ProductIds => "products",
        _ => field,
    };
}
