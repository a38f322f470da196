using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CouponFunctions.App.Jobs;

/// <summary>Reads the job's items as work items (ids only) and the wave limits: the settings, with each platform's stores at
/// once derived from its connector's rates.</summary>
internal sealed class PlanJobActivity(IJobRepository jobs, IPlatformConnectors connectors, IOptions<JobOptions> options)
{
    [Function(nameof(PlanJobActivity))]
    public async Task<JobPlan> RunAsync([ActivityTrigger] JobRef job, CancellationToken cancellationToken)
    {
        var (tenant, id) = (TenantId.Parse(job.TenantId), JobId.Parse(job.JobId));
        var items = new List<WorkItem>();
        string? next = null;
        do
        {
            var page = await jobs.ListItemsAsync(tenant, id, null, 1000, next, cancellationToken);
            items.AddRange(page.Items.Select(i => new WorkItem(i.Key, i.Platform, i.StoreId)));
            next = page.ContinuationToken;
        }
        while (next is not null);
        var o = options.Value;
        return new JobPlan(items, o.LimitsFor(p => connectors.For(p).Rate), o.CreateSettleTime, o.CanaryTimeout);
    }
}

/// <summary>Deploys the template to one store (see <see cref="DeployStoreHandler"/>): safe to run again after a crash.</summary>
internal sealed class DeployStoreActivity(DeployStoreHandler handler)
{
    [Function(nameof(DeployStoreActivity))]
    public Task<DeployStoreOutcome> RunAsync([ActivityTrigger] DeployStoreInput input, CancellationToken cancellationToken) =>
        handler.HandleAsync(input, cancellationToken);
}

/// <summary>Fails a deploy item whose activity kept throwing, so the job can finish and report it.</summary>
internal sealed class FailDeployItemActivity(DeployStoreHandler handler)
{
    [Function(nameof(FailDeployItemActivity))]
    public Task<JobItemState> RunAsync([ActivityTrigger] FailItemInput input, CancellationToken cancellationToken) =>
        handler.FailAsync(input.Store, input.Reason, cancellationToken);
}

/// <summary>Recounts the job from its item rows; at the end writes the failure report (see <see cref="ManageJobsHandler.RecountAsync"/>).</summary>
internal sealed class RecountJobActivity(ManageJobsHandler handler)
{
    [Function(nameof(RecountJobActivity))]
    public async Task<JobCounts> RunAsync([ActivityTrigger] JobRef job, CancellationToken cancellationToken) =>
        (await handler.RecountAsync(TenantId.Parse(job.TenantId), JobId.Parse(job.JobId), cancellationToken))?.Counts ?? JobCounts.Empty;
}

/// <summary>Cancels the job's pending items (after a canary that was not approved).</summary>
internal sealed class CancelJobActivity(ManageJobsHandler handler)
{
    [Function(nameof(CancelJobActivity))]
    public Task RunAsync([ActivityTrigger] JobRef job, CancellationToken cancellationToken) =>
        handler.CancelForJobAsync(TenantId.Parse(job.TenantId), JobId.Parse(job.JobId), cancellationToken);
}

/// <summary>The stores of a bulk action that still have unfinished items, with their item counts (one row per store).</summary>
internal sealed class PlanBulkActionActivity(IJobRepository jobs, IPlatformConnectors connectors, IOptions<JobOptions> options)
{
    [Function(nameof(PlanBulkActionActivity))]
    public async Task<BulkActionPlan> RunAsync([ActivityTrigger] JobRef job, CancellationToken cancellationToken)
    {
        var (tenant, id) = (TenantId.Parse(job.TenantId), JobId.Parse(job.JobId));
        var stores = new Dictionary<StoreId, (Platform Platform, int Count, int FirstOpen)>();
        string? next = null;
        do
        {
            var page = await jobs.ListItemsAsync(tenant, id, null, 1000, next, cancellationToken);
            foreach (var i in page.Items)
            {
                var (_, count, firstOpen) = stores.TryGetValue(i.StoreId, out var seen) ? seen : (i.Platform, 0, -1);
                var open = firstOpen < 0 && (i.State is JobItemState.Pending or JobItemState.Started);
                stores[i.StoreId] = (i.Platform, count + 1, open ? count : firstOpen);
            }

            next = page.ContinuationToken;
        }
        while (next is not null);
        var size = options.Value.Limits.MaxItemsPerBatch;
        return new BulkActionPlan(
            [.. stores.Where(s => s.Value.FirstOpen >= 0).Select(s => new StoreWork(s.Key.Value, s.Value.Platform, s.Value.Count, s.Value.FirstOpen / size))],
            options.Value.LimitsFor(p => connectors.For(p).Rate));
    }
}

/// <summary>Applies the bulk action to one batch of one store's coupons (see <see cref="RunBulkActionBatchHandler"/>): safe to run again.</summary>
internal sealed class RunBulkActionBatchActivity(RunBulkActionBatchHandler handler)
{
    [Function(nameof(RunBulkActionBatchActivity))]
    public Task<BulkActionBatchOutcome> RunAsync([ActivityTrigger] BulkActionBatchInput input, CancellationToken cancellationToken) =>
        handler.HandleAsync(input, cancellationToken);
}

/// <summary>Fails the unfinished items of a batch whose activity kept throwing, so the job can finish and report them.</summary>
internal sealed class FailBulkActionBatchActivity(RunBulkActionBatchHandler handler)
{
    [Function(nameof(FailBulkActionBatchActivity))]
    public Task RunAsync([ActivityTrigger] FailBatchInput input, CancellationToken cancellationToken) =>
        handler.FailAsync(input.Batch, input.Reason, cancellationToken);
}
