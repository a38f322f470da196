using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Jobs;

/// <summary>The cancel rules of <c>POST /api/jobs/{id}/cancel</c>: a running job is marked, its pending items become
/// "cancelled" and its started items finish; a finished job cannot be cancelled.</summary>
public static class JobCancellation
{
    /// <summary>The job marked for cancel (safe to ask twice), or Conflict when it has already finished.</summary>
    public static Result<Job> Request(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.CancelRequested) return Result<Job>.Ok(job);
        if (JobStatusRules.IsFinal(job.Status))
            return Result<Job>.Conflict($"The job has already finished ({job.Status}); there is nothing left to cancel.");
        return Result<Job>.Ok(job with { CancelRequested = true });
    }

    /// <summary>Whether an activity about to start an item should run it, or record it as cancelled instead.</summary>
    public static bool ShouldStart(JobItem item, bool cancelRequested)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State == JobItemState.Pending && !cancelRequested;
    }
}
