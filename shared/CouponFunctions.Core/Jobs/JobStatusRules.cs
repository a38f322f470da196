namespace CouponFunctions.Core.Jobs;

/// <summary>A job's status from its item counts, so that a job can never say "done" while items failed (the "bare count
/// hides failures" trap of product-anchors.md C).</summary>
public static class JobStatusRules
{
    /// <summary>Running while any item is pending or started. Then: Cancelled when a cancel skipped at least one item;
    /// Failed when items failed and none succeeded; CompletedWithFailures when some failed; else Completed. Skipped
    /// items (nothing to do) count as neither success nor failure.</summary>
    public static JobStatus Derive(JobCounts counts, bool cancelRequested)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!counts.AllFinished) return JobStatus.Running;
        if (cancelRequested && counts.Cancelled > 0) return JobStatus.Cancelled;
        if (counts.Failed > 0) return counts.Succeeded == 0 ? JobStatus.Failed : JobStatus.CompletedWithFailures;
        return JobStatus.Completed;
    }

    public static bool IsFinal(JobStatus status) => status != JobStatus.Running;
}
