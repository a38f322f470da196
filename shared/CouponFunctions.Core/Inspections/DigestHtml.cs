using System.Net;
using System.Text;

namespace CouponFunctions.Core.Inspections;

/// <summary>The digest as simple HTML with inline styles (email clients drop style sheets); every value is encoded, since
/// coupon names and errors come from platforms.</summary>
internal static class DigestHtml
{
    private const string Body = "margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#222;background:#ffffff";
    private const string Muted = "color:#666;font-weight:normal";

    public static string Render(InspectionDigest d)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(d.Subject)).Append("</title></head>");
        html.Append("<body style=\"").Append(Body).Append("\">");
        html.Append("<h1 style=\"font-size:20px;margin:0 0 8px\">Coupon inspection for ").Append(E(DigestText.Clean(d.TenantName))).Append("</h1>");
        html.Append("<p style=\"margin:0 0 8px\">");
        Badge(html, d.CriticalCount, "critical", "#c62828");
        Badge(html, d.WarningCount, d.WarningCount == 1 ? "warning" : "warnings", "#ef6c00");
        Badge(html, d.InfoCount, "info", "#1565c0");
        html.Append("</p><p style=\"margin:0 0 16px\">").Append(E(DigestText.Summary(d))).Append("</p>");

        foreach (var section in d.Sections)
        {
            if (section.Total == 0) continue;
            html.Append("<h2 style=\"font-size:17px;margin:20px 0 8px;border-bottom:1px solid #ddd\">")
                .Append(E(section.Title)).Append(" (").Append(section.Total).Append(")</h2>");
            foreach (var group in section.Groups) Group(html, group);
            if (section.Hidden > 0)
                html.Append("<p style=\"").Append(Muted).Append("\">… and ").Append(section.Hidden).Append(" more on the admin page.</p>");
        }

        if (d.QuietStores.Count > 0)
            html.Append("<p style=\"").Append(Muted).Append("\">Nothing to report for: ")
                .Append(E(string.Join(", ", d.QuietStores.Select(DigestText.Clean)))).Append("</p>");
        html.Append("<p style=\"margin:20px 0 0\"><a href=\"").Append(E(d.AdminLink.AbsoluteUri))
            .Append("\" style=\"color:#1565c0\">See every finding in the admin page</a></p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Group(StringBuilder html, DigestGroup group)
    {
        html.Append("<h3 style=\"font-size:15px;margin:12px 0 4px\">").Append(E(group.Store.DisplayName))
            .Append(" <span style=\"").Append(Muted).Append("\">· ").Append(E(group.Details)).Append("</span></h3>");
        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;width:100%\">");
        foreach (var item in group.Items)
        {
            var f = item.Finding;
            var since = DigestText.Since(group, item);
            html.Append("<tr><td style=\"padding:6px 10px;border-left:4px solid ").Append(Colour(f.Severity)).Append(";border-bottom:1px solid #eee\">");
            html.Append("<div><strong>").Append(f.Severity).Append("</strong> · ").Append(E(DigestText.What(item)))
                .Append(" <span style=\"").Append(Muted).Append("\">").Append(E(f.Code));
            if (since.Length > 0) html.Append(" · ").Append(E(since));
            html.Append("</span></div>");
            html.Append("<div>").Append(E(f.Message)).Append("</div>");
            if (item.IsOpen) html.Append("<div style=\"color:#444\"><em>To do:</em> ").Append(E(f.Action)).Append("</div>");
            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Badge(StringBuilder html, int count, string label, string colour)
    {
        if (count == 0) return;
        html.Append("<span style=\"display:inline-block;padding:2px 8px;margin-right:6px;border-radius:10px;color:#ffffff;background:")
            .Append(colour).Append("\">").Append(count).Append(' ').Append(label).Append("</span>");
    }

    private static string Colour(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => "#c62828",
        FindingSeverity.Warning => "#ef6c00",
        _ => "#1565c0",
    };

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
