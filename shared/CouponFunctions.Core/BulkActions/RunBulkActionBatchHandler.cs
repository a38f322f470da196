using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.BulkActions;

/// <summary>One activity call of a bulk action: the <paramref name="Batch"/>-th run of up to <paramref name="BatchSize"/> items
/// of one store, in key order (the job's items never change after it is planned, so the slice is stable across retries).</summary>
public sealed record BulkActionBatchInput(string TenantId, string JobId, string StoreId, int Batch, int BatchSize);

/// <summary>What one batch did, for the orchestration's progress: items finished now, and how many of them changed a coupon.</summary>
public sealed record BulkActionBatchOutcome(int Finished, int Succeeded);

/// <summary>
/// Applies a bulk action to one batch of a store's coupons, safe to run any number of times: finished items are left as
/// they are; pending items are cancelled if the job was, otherwise started and their absolute <see cref="ActionTarget"/> is
/// sent; an item already started (an earlier run crashed or timed out after it) is first read from the platform and only
/// what is still missing is applied, so nothing is applied twice. Outcomes are written in one transaction per 100 items, and
/// a store with a changed coupon gets a sync queued so the list shows it.
/// </summary>
public sealed class RunBulkActionBatchHandler(IJobRepository jobs, IStoreRepository stores, IPlatformConnectors connectors, IWorkQueue queue, TimeProvider time)
{
    public async Task<BulkActionBatchOutcome> HandleAsync(BulkActionBatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = TenantId.Parse(input.TenantId);
        var jobId = JobId.Parse(input.JobId);
        var storeId = StoreId.Parse(input.StoreId);
        var job = await jobs.GetAsync(tenant, jobId, cancellationToken) ?? throw new InvalidOperationException($"Job {jobId} is gone.");
        var slice = await SliceAsync(tenant, input, cancellationToken);
        if (slice.Count == 0) return new(0, 0);

        var now = time.GetUtcNow();
        var pending = slice.Where(i => i.State == JobItemState.Pending).ToList();
        var resumed = slice.Where(i => i.State == JobItemState.Started).ToList();
        if (job.CancelRequested)
        {
            var cancelled = await jobs.UpdateItemsAsync(tenant, pending.Select(i => i.Cancel(now)).ToList(), cancellationToken);
            pending = [];
            if (resumed.Count == 0) return new(cancelled.Written.Count, 0);
        }

        // Started in one write; an item a cancel (or another run) changed first is left to that writer.
        var started = pending.Count == 0 ? [] : (await jobs.UpdateItemsAsync(tenant, pending.Select(i => i with { State = JobItemState.Started, StartedAt = now }).ToList(), cancellationToken)).Written;
        var store = await stores.GetAsync(tenant, storeId, cancellationToken);
        var finished = new List<JobItem>(started.Count + resumed.Count);
        foreach (var (item, again) in started.Select(i => (i, false)).Concat(resumed.Select(i => (i, true))))
        {
            var outcome = store is null
                ? ItemOutcome.NotSupported("The store was removed after this action started.")
                : await ApplyAsync(connectors.For(store.Platform), store.ToConnection(), item, again, cancellationToken);
            finished.Add(item.Finish(outcome, time.GetUtcNow()));
        }

        var written = await jobs.UpdateItemsAsync(tenant, finished, cancellationToken);
        var succeeded = written.Written.Count(i => i.State == JobItemState.Succeeded);
        if (succeeded > 0)
            await queue.EnqueueAsync(new SyncStoreMessage(tenant.Value, storeId.Value, SyncStoreMessage.Manual, time.GetUtcNow()), null, cancellationToken);
        return new(written.Written.Count, succeeded);
    }

    /// <summary>Fails the unfinished items of a batch whose activity kept throwing (items that finished meanwhile stay as they are).</summary>
    public async Task FailAsync(BulkActionBatchInput input, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = TenantId.Parse(input.TenantId);
        var items = await SliceAsync(tenant, input, cancellationToken);
        var outcome = new ItemOutcome { State = JobItemState.Failed, ReasonCode = ItemReasons.PlatformError, Message = $"This batch failed repeatedly ({reason}); nothing more was tried." };
        await jobs.UpdateItemsAsync(tenant, items.Select(i => i.Finish(outcome, time.GetUtcNow())).ToList(), cancellationToken);
    }

    private async Task<List<JobItem>> SliceAsync(TenantId tenant, BulkActionBatchInput input, CancellationToken cancellationToken) =>
        (await jobs.ListStoreItemsAsync(tenant, JobId.Parse(input.JobId), StoreId.Parse(input.StoreId), cancellationToken))
            .Skip(input.Batch * input.BatchSize).Take(input.BatchSize)
            .Where(i => i.State is JobItemState.Pending or JobItemState.Started).ToList();

    /// <summary>Sends what the item's target still needs. On a first run the target is sent as it is (absolute, so sending it
    /// again would change nothing); on a resumed run the coupon is read first and only the missing part is sent.</summary>
    private static async Task<ItemOutcome> ApplyAsync(IPlatformConnector connector, StoreConnection connection, JobItem item, bool resumed, CancellationToken cancellationToken)
    {
        var couponId = item.PlatformCouponId!;
        if (item.Target is not { } target) return ItemOutcome.NotSupported("This item has no target to apply; start the action again.");
        var remaining = target;
        if (resumed)
        {
            var current = await connector.GetCouponAsync(connection, couponId, cancellationToken);
            if (!current.Succeeded && current.Error.Kind != PlatformErrorKind.NotFound) return ItemOutcome.FromPlatformError(current.Error);
            if (target.Remaining(current.Succeeded ? current.Value : null) is not { } left) return ItemOutcome.Changed(couponId);
            remaining = left;
        }

        var result = remaining.Operation switch
        {
            CouponOperation.Update => (await connector.UpdateCouponAsync(connection, couponId, remaining.Change!, cancellationToken)).Error,
            CouponOperation.End => (await connector.EndCouponAsync(connection, couponId, cancellationToken)).Error,
            CouponOperation.Delete => (await connector.DeleteCouponAsync(connection, couponId, cancellationToken)).Error,
            _ => throw new InvalidOperationException($"{remaining.Operation} is not a bulk action's target."),
        };
        return result is null ? ItemOutcome.Changed(couponId) : ItemOutcome.FromPlatformError(result);
    }
}
