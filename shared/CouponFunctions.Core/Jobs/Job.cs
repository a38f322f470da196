using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Jobs;

/// <summary>What a job does: deploy a template to stores, or act on existing coupons.</summary>
public enum JobType
{
    Deployment,
    BulkAction,
}

/// <summary>A job's status, derived from its items by <see cref="JobStatusRules"/> (item rows are the truth).</summary>
public enum JobStatus
{
    Running,
    Completed,
    CompletedWithFailures,
    Failed,
    Cancelled,
}

/// <summary>Who started a job: the API key's name (for people) and id (for audit).</summary>
public sealed record JobStarter(string KeyName, string KeyId);

/// <summary>One deployment or bulk action, as <c>GET /api/jobs</c> lists it; its items are separate rows.</summary>
public sealed record Job
{
    public required TenantId TenantId { get; init; }

    public required JobId Id { get; init; }

    public required JobType Type { get; init; }

    /// <summary>"Deploy Mid-year sale", "Renew 200 coupons by 7 days": what the operator sees in the list.</summary>
    public required string Title { get; init; }

    public required JobStarter StartedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool CancelRequested { get; init; }

    public required JobCounts Counts { get; init; }

    public JobStatus Status => JobStatusRules.Derive(Counts, CancelRequested);

    /// <summary>When the failure report stops being served (see <see cref="ReportExpiry"/>); null when there is none.</summary>
    public DateTimeOffset? ReportExpiresAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag), set by storage.</summary>
    public string? Version { get; init; }
}

/// <summary>How many items are in each state; the orchestration's custom status carries the same numbers for progress.</summary>
public sealed record JobCounts(int Total, int Pending, int Started, int Succeeded, int Failed, int Skipped, int Cancelled)
{
    public static JobCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public static JobCounts Of(IEnumerable<JobItemState> states)
    {
        int pending = 0, started = 0, succeeded = 0, failed = 0, skipped = 0, cancelled = 0;
        foreach (var s in states)
        {
            switch (s)
            {
                case JobItemState.Pending: pending++; break;
                case JobItemState.Started: started++; break;
                case JobItemState.Succeeded: succeeded++; break;
                case JobItemState.Failed: failed++; break;
                case JobItemState.Skipped: skipped++; break;
                case JobItemState.Cancelled: cancelled++; break;
                default: throw new ArgumentOutOfRangeException(nameof(states), s, null);
            }
        }

        return new JobCounts(pending + started + succeeded + failed + skipped + cancelled, pending, started, succeeded, failed, skipped, cancelled);
    }

    public int Finished => Succeeded + Failed + Skipped + Cancelled;

    public bool AllFinished => Finished == Total;

    /// <summary>Whole percent of items finished; 100 for a job with no items.</summary>
    public int ProgressPercent => Total == 0 ? 100 : (int)(Finished * 100L / Total);
}
