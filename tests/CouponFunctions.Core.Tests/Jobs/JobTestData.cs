using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Jobs;

internal static class JobTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static JobCounts Counts(int pending = 0, int started = 0, int succeeded = 0, int failed = 0, int skipped = 0, int cancelled = 0) =>
        new(pending + started + succeeded + failed + skipped + cancelled, pending, started, succeeded, failed, skipped, cancelled);

    public static Job Job(JobCounts counts, bool cancelRequested = false) => new()
    {
        TenantId = TenantId.Parse("t-test"),
        Id = JobId.Parse("job-1"),
        Type = JobType.BulkAction,
        Title = "Renew 3 coupons by 7 days",
        StartedBy = new JobStarter("ops laptop", "k-1"),
        CreatedAt = Now,
        Counts = counts,
        CancelRequested = cancelRequested,
    };

    public static JobItem Item(JobItemState state = JobItemState.Pending, string store = "s-shop1", string? coupon = "v-1", ItemOutcome? outcome = null) => new()
    {
        JobId = JobId.Parse("job-1"),
        StoreId = StoreId.Parse(store),
        StoreName = "SG Shop",
        Platform = Platform.Shopee,
        PlatformCouponId = coupon,
        Action = "renew",
        State = state,
        Outcome = outcome,
    };
}
