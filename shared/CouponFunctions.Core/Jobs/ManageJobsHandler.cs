using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Jobs;

/// <summary>One job with a page of its items.</summary>
public sealed record JobDetail(Job Job, JobItemPage Items);

/// <summary>Lists and reads jobs, cancels them, serves their failure reports, and closes a job once its items are done.
/// A store-scoped key sees and acts on a job only when every store of the job is in its scope (others look missing).</summary>
public sealed class ManageJobsHandler(IJobRepository jobs, IFailureReportStore reports, TimeProvider time)
{
    public const int MaxPageSize = 200;
    private const int StorePageSize = 1000;

    public async Task<JobPage> ListAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var page = await jobs.ListAsync(caller.TenantId, Math.Clamp(pageSize, 1, MaxPageSize), continuationToken, cancellationToken);
        if (!caller.IsScoped) return page;
        var visible = new List<Job>(page.Jobs.Count);
        foreach (var job in page.Jobs)
            if (JobAccess.CanRead(caller, await StoresOfAsync(caller.TenantId, job.Id, cancellationToken))) visible.Add(job);
        return page with { Jobs = visible };
    }

    public async Task<Result<JobDetail>> GetAsync(
        Caller caller, JobId id, IReadOnlyCollection<JobItemState>? states, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var job = await FindAsync(caller, id, cancellationToken);
        if (!job.IsOk) return job.As<JobDetail>();
        var items = await jobs.ListItemsAsync(caller.TenantId, id, states, Math.Clamp(pageSize, 1, MaxPageSize), continuationToken, cancellationToken);
        return Result<JobDetail>.Ok(new JobDetail(job.Value!, items));
    }

    /// <summary>Marks the job cancelled and turns its pending items into cancelled ones (started items finish). Safe to repeat.</summary>
    public async Task<Result<Job>> CancelAsync(Caller caller, JobId id, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, id, cancellationToken);
        if (!found.IsOk) return found;
        var access = JobAccess.Check(caller, await StoresOfAsync(caller.TenantId, id, cancellationToken), act: true);
        if (!access.IsOk) return access.As<Job>();
        return await CancelForJobAsync(caller.TenantId, id, cancellationToken);
    }

    /// <summary>The cancel itself, for the API after its checks and for the orchestration (a canary not approved).</summary>
    public async Task<Result<Job>> CancelForJobAsync(TenantId tenantId, JobId id, CancellationToken cancellationToken = default)
    {
        for (var job = await jobs.GetAsync(tenantId, id, cancellationToken); ; job = await jobs.GetAsync(tenantId, id, cancellationToken))
        {
            if (job is null) return Result<Job>.NotFound($"There is no job {id}.");
            var marked = JobCancellation.Request(job);
            if (!marked.IsOk) return marked;
            if (!ReferenceEquals(marked.Value, job) && await jobs.UpdateAsync(marked.Value!, cancellationToken) is { Kind: OutcomeKind.Conflict }) continue;
            break;
        }

        await jobs.CancelPendingItemsAsync(tenantId, id, time.GetUtcNow(), cancellationToken);
        return Result<Job>.Ok((await jobs.RecountAsync(tenantId, id, time.GetUtcNow(), cancellationToken))!);
    }

    /// <summary>The failure report: its link, Expired (410), or NotFound when the job has none.</summary>
    public async Task<Result<FailureReportLookup>> ReportAsync(Caller caller, JobId id, CancellationToken cancellationToken = default)
    {
        var job = await FindAsync(caller, id, cancellationToken);
        if (!job.IsOk) return job.As<FailureReportLookup>();
        var lookup = await reports.GetAsync(caller.TenantId, id, cancellationToken);
        // The blob may be gone already (a lifecycle rule); the job row still knows there was a report.
        if (!lookup.Exists && job.Value!.ReportExpiresAt is { } expiresAt && ReportExpiry.Check(expiresAt, time.GetUtcNow()) == ReportAvailability.Expired)
            return Result<FailureReportLookup>.Ok(new FailureReportLookup(ReportAvailability.Expired, null));
        return lookup.Exists ? Result<FailureReportLookup>.Ok(lookup) : Result<FailureReportLookup>.NotFound($"Job {id} has no failure report.");
    }

    /// <summary>Recounts the job from its items; once all are finished and some failed or were cancelled, writes the failure
    /// report and records its expiry on the job. Safe to repeat (the report has one name per job). Null when the job is gone.</summary>
    public async Task<Job?> RecountAsync(TenantId tenantId, JobId id, CancellationToken cancellationToken = default)
    {
        var job = await jobs.RecountAsync(tenantId, id, time.GetUtcNow(), cancellationToken);
        if (job is null || !job.Counts.AllFinished || job.Counts.Failed + job.Counts.Cancelled == 0 || job.ReportExpiresAt is not null) return job;

        var failed = new List<JobItem>();
        string? next = null;
        do
        {
            var page = await jobs.ListItemsAsync(tenantId, id, [JobItemState.Failed, JobItemState.Cancelled], StorePageSize, next, cancellationToken);
            failed.AddRange(page.Items);
            next = page.ContinuationToken;
        }
        while (next is not null);

        var finishedAt = job.FinishedAt ?? time.GetUtcNow();
        await reports.WriteAsync(tenantId, id, failed, finishedAt, cancellationToken);
        for (; ; job = (await jobs.GetAsync(tenantId, id, cancellationToken))!)
        {
            var updated = await jobs.UpdateAsync(job with { ReportExpiresAt = ReportExpiry.ExpiresAt(finishedAt) }, cancellationToken);
            if (updated.Kind != OutcomeKind.Conflict) return updated.IsOk ? updated.Value : job;
        }
    }

    private async Task<Result<Job>> FindAsync(Caller caller, JobId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var job = await jobs.GetAsync(caller.TenantId, id, cancellationToken);
        if (job is null || (caller.IsScoped && !JobAccess.CanRead(caller, await StoresOfAsync(caller.TenantId, id, cancellationToken))))
            return Result<Job>.NotFound($"There is no job {id}.");
        return Result<Job>.Ok(job);
    }

    private async Task<IReadOnlyCollection<StoreId>> StoresOfAsync(TenantId tenantId, JobId id, CancellationToken cancellationToken)
    {
        var storeIds = new HashSet<StoreId>();
        string? next = null;
        do
        {
            var page = await jobs.ListItemsAsync(tenantId, id, null, StorePageSize, next, cancellationToken);
            storeIds.UnionWith(page.Items.Select(i => i.StoreId));
            next = page.ContinuationToken;
        }
        while (next is not null);
        return storeIds;
    }
}
