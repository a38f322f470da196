using System.Text;

namespace CouponFunctions.Core.Inspections;

/// <summary>The digest's subject and plain-text body.</summary>
internal static class DigestText
{
    public static string Subject(InspectionDigest d)
    {
        var changes = d.HasChanges ? $"{d.NewCount} new, {d.ResolvedCount} resolved" : "no change";
        var open = OpenCounts(d);
        var summary = open is null ? (d.HasChanges ? changes + ", all clear now" : "all clear") : $"{changes}; open: {open}";
        var tenant = Clean(d.TenantName);
        return tenant.Length == 0 ? $"Coupon inspection: {summary}" : $"Coupon inspection for {tenant}: {summary}";
    }

    public static string Render(InspectionDigest d)
    {
        var text = new StringBuilder();
        text.Append("Coupon inspection for ").Append(Clean(d.TenantName)).Append('\n');
        text.Append(Summary(d)).Append("\n\n");
        foreach (var section in d.Sections)
        {
            if (section.Total == 0) continue;
            text.Append(section.Title.ToUpperInvariant()).Append(" (").Append(section.Total).Append(")\n\n");
            foreach (var group in section.Groups)
            {
                text.Append(Clean(group.Store.DisplayName)).Append(" - ").Append(group.Details).Append('\n');
                foreach (var item in group.Items) Item(text, group, item);
                text.Append('\n');
            }

            if (section.Hidden > 0) text.Append("... and ").Append(section.Hidden).Append(" more on the admin page.\n\n");
        }

        if (d.QuietStores.Count > 0)
            text.Append("Nothing to report for: ").Append(string.Join(", ", d.QuietStores.Select(Clean))).Append("\n\n");
        text.Append("See every finding in the admin page: ").Append(d.AdminLink.AbsoluteUri).Append('\n');
        return text.ToString();
    }

    /// <summary>"3 stores inspected. Open: 1 critical, 2 warnings. Since the last inspection: 2 new, 1 resolved."</summary>
    public static string Summary(InspectionDigest d)
    {
        var stores = d.StoreCount == 1 ? "1 store inspected." : $"{d.StoreCount} stores inspected.";
        var open = OpenCounts(d) is { } counts ? $" Open: {counts}." : " Nothing open.";
        return $"{stores}{open} Since the last inspection: {d.NewCount} new, {d.ResolvedCount} resolved.";
    }

    /// <summary>"1 critical, 2 warnings, 3 info", leaving out zeros; null when nothing is open.</summary>
    public static string? OpenCounts(InspectionDigest d)
    {
        var parts = new List<string>(3);
        if (d.CriticalCount > 0) parts.Add($"{d.CriticalCount} critical");
        if (d.WarningCount > 0) parts.Add(d.WarningCount == 1 ? "1 warning" : $"{d.WarningCount} warnings");
        if (d.InfoCount > 0) parts.Add($"{d.InfoCount} info");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>"'Payday' (PAYDAY10)" or the store itself for store-level findings.</summary>
    public static string What(TrackedFinding item) => item.Finding.PlatformCouponId is null
        ? "whole store"
        : InspectionText.Quote(item.Finding.CouponName) + (string.IsNullOrWhiteSpace(item.Finding.CouponCode) ? "" : $" ({item.Finding.CouponCode.Trim()})");

    public static string Since(DigestGroup group, TrackedFinding item) => item.State switch
    {
        FindingState.Ongoing => "open since " + group.LocalTime(item.FirstSeenAt),
        FindingState.Resolved => "last seen " + group.LocalTime(item.LastSeenAt),
        _ => "",
    };

    /// <summary>Platform text on one line: control characters (a name with a line break could fake a line) become spaces.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = ' ';
        return new string(chars).Trim();
    }

    private static void Item(StringBuilder text, DigestGroup group, TrackedFinding item)
    {
        var f = item.Finding;
        var since = Since(group, item);
        text.Append("  [").Append(f.Severity).Append("] ").Append(Clean(What(item))).Append(" - ").Append(f.Code);
        if (since.Length > 0) text.Append(" (").Append(since).Append(')');
        text.Append('\n').Append("    ").Append(Clean(f.Message)).Append('\n');
        if (item.IsOpen) text.Append("    To do: ").Append(Clean(f.Action)).Append('\n');
    }
}
