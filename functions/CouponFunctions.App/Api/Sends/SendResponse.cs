using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Sends;

namespace CouponFunctions.App.Api.Sends;

/// <summary>A send as the API shows it: its state and counts, and its failure report's state once it is over.</summary>
internal static class SendResponse
{
    public static object From(SegmentSend s, ReportDownload? report = null) => new
    {
        id = s.Id.Value,
        segmentId = s.SegmentId.Value,
        storeId = s.StoreId.Value,
        couponId = s.CouponId,
        channels = s.Channels.Select(c => c == ContactChannel.Email ? "email" : "sms"),
        scheduledAt = s.ScheduledAt,
        message = s.Message,
        campaign = s.Campaign,
        landingUrl = s.LandingUrl?.AbsoluteUri,
        status = s.Status.ToString().ToLowerInvariant(),
        counts = new { recipients = s.Counts.Recipients, sent = s.Counts.Sent, failed = s.Counts.Failed },
        createdAt = s.CreatedAt,
        startedAt = s.StartedAt,
        finishedAt = s.FinishedAt,
        cancelledAt = s.CancelledAt,
        canCancel = s.Status == SendStatus.Scheduled,
        report = report is null ? null : new
        {
            status = report.Access == ReportAccess.Available ? "available" : "expired",
            expiresAt = report.ExpiresAt,
            url = $"/api/sends/{s.Id.Value}/report",
            // The read-only link itself (it carries its own authorization, valid until expiresAt): the admin page links to it directly.
            link = report.Link?.AbsoluteUri,
        },
    };
}
