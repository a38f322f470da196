using CouponFunctions.Core.Jobs;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>A job and its items as the API returns them.</summary>
internal static class JobResponse
{
    public static object From(Job job) => new
    {
        id = job.Id.Value,
        type = job.Type,
        title = job.Title,
        startedBy = new { keyName = job.StartedBy.KeyName, keyId = job.StartedBy.KeyId },
        createdAt = job.CreatedAt,
        finishedAt = job.FinishedAt,
        status = job.Status,
        cancelRequested = job.CancelRequested,
        counts = job.Counts,
        progressPercent = job.Counts.ProgressPercent,
        failureReport = job.ReportExpiresAt is { } expiresAt ? new { url = $"/api/jobs/{job.Id}/failure-report", expiresAt } : null,
    };

    public static object From(JobItem item) => new
    {
        key = item.Key,
        storeId = item.StoreId.Value,
        storeName = item.StoreName,
        platform = item.Platform,
        couponId = item.PlatformCouponId,
        action = item.Action,
        state = item.State,
        outcome = item.Outcome,
        target = item.Target,
        startedAt = item.StartedAt,
        finishedAt = item.FinishedAt,
    };
}
