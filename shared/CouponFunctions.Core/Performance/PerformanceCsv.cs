using System.Globalization;
using System.Text;

namespace CouponFunctions.Core.Performance;

/// <summary>The tables behind the dashboard's charts as CSV (RFC 4180, invariant numbers, formula-like text defused).</summary>
public static class PerformanceCsv
{
    public static string Daily(PerformanceReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "Day", report.GroupBy.ToString(), "Claims", "Uses", "Redemption rate", $"Discount given ({report.Currency})", $"Min order value ({report.Currency})");
        foreach (var d in report.Days)
            Line(csv, d.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Label, Number(d.Claims), Number(d.Uses), Number(d.RedemptionRate), Number(d.DiscountGiven), Number(d.MinOrderValue));
        return csv.ToString();
    }

    /// <summary>The period's figures per group (the table behind the "by campaign" and "by store" comparisons).</summary>
    public static string Summary(PerformanceReport report)
    {
        var csv = new StringBuilder();
        Line(csv, report.GroupBy.ToString(), "Key", "From", "To", "Claims", "Uses", "Redemption rate", $"Discount given ({report.Currency})", $"Min order value ({report.Currency})");
        foreach (var s in report.Summary)
            Line(csv, s.Label, s.Key, Day(report.From), Day(report.To), Number(s.Claims), Number(s.Uses), Number(s.RedemptionRate), Number(s.DiscountGiven), Number(s.MinOrderValue));
        return csv.ToString();
    }

    /// <summary>UTF-8 with a byte-order mark, so that Excel opens non-ASCII names (Thai, Vietnamese) correctly.</summary>
    public static byte[] Bytes(string csv) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Diagnosis(IReadOnlyList<DiagnosedCoupon> coupons)
    {
        var csv = new StringBuilder();
        Line(csv, "Store", "Coupon id", "Coupon", "Claimed", "Quantity", "Used", "Claim rate", "Use rate", "Diagnosis");
        foreach (var c in coupons)
            Line(csv, c.Coupon.StoreName, c.Coupon.PlatformCouponId, c.Coupon.Name, Number(c.Coupon.ClaimedCount), Number(c.Coupon.TotalQuantity),
                Number(c.Coupon.UsedCount), Number(c.ClaimRate), Number(c.UseRate), c.Diagnosis.ToString());
        return csv.ToString();
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string?[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A cell starting with = + - @ would run as a formula in a spreadsheet; numbers are written by us and never negative.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
