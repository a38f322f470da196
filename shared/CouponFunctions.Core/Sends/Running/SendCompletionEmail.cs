using System.Globalization;
using System.Net;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Reports;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>The merchant's email when a send is over: its outcome and counts, and the failure report's link only when something failed.</summary>
public static class SendCompletionEmail
{
    public const string Kind = "segment-send-finished";

    /// <param name="reportUrl">The failure report's read-only link; left out of the email when nothing failed.</param>
    public static Notification Create(SegmentSend send, string storeName, string segmentName, string couponName, TimeZoneInfo storeZone,
        IReadOnlyList<string> to, Uri adminLink, Uri? reportUrl)
    {
        if (send.FinishedAt is not { } finishedAt || send.Status is not (SendStatus.Done or SendStatus.Failed))
            throw new InvalidOperationException("Only a finished send has a completion email.");
        var c = send.Counts;
        var outcome = send.Status == SendStatus.Done ? "Done" : "Failed";
        var subject = $"Coupon send {outcome}: {Clean(couponName)} to {Clean(segmentName)} ({N(c.Sent)} sent, {N(c.Failed)} failed)";
        var link = c.Failed > 0 ? reportUrl : null;
        var expires = SendSchedule.Local(ReportValidity.ExpiresAt(finishedAt), storeZone);

        var text = new System.Text.StringBuilder()
            .AppendLine($"The coupon send to the segment \"{Clean(segmentName)}\" of {Clean(storeName)} is over: {outcome}.")
            .AppendLine($"Coupon: {Clean(couponName)}. Scheduled for {SendSchedule.Local(send.ScheduledAt, storeZone)}.")
            .AppendLine($"Messages: {N(c.Recipients)} planned, {N(c.Sent)} sent, {N(c.Failed)} failed.");
        if (link is not null) text.AppendLine($"Failure report (customer, contact, reason), available until {expires}: {link.AbsoluteUri}");
        text.AppendLine($"See the send in the admin page: {adminLink.AbsoluteUri}");

        var html = new System.Text.StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(E(subject)).Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">")
            .Append("<p>The coupon send to the segment <strong>").Append(E(Clean(segmentName))).Append("</strong> of ").Append(E(Clean(storeName)))
            .Append(" is over: <strong>").Append(outcome).Append("</strong>.</p>")
            .Append("<p>Coupon: ").Append(E(Clean(couponName))).Append(". Scheduled for ").Append(E(SendSchedule.Local(send.ScheduledAt, storeZone))).Append(".</p>")
            .Append("<p>Messages: ").Append(N(c.Recipients)).Append(" planned, ").Append(N(c.Sent)).Append(" sent, ").Append(N(c.Failed)).Append(" failed.</p>");
        if (link is not null)
            html.Append("<p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">Download the failure report</a> (available until ").Append(E(expires)).Append(").</p>");
        html.Append("<p><a href=\"").Append(E(adminLink.AbsoluteUri)).Append("\">See the send in the admin page</a></p></body></html>");

        return new Notification(send.TenantId, DeliveryKeys.CompletionEmail(send.Id), Kind, to, subject, text.ToString(), html.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Names come from platforms and merchants: no line breaks or control characters in a subject or a line.
    private static string Clean(string value) => string.Concat(value.Select(ch => char.IsControl(ch) ? ' ' : ch)).Trim();
}
