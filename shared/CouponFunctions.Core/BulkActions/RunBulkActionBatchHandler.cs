using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.BulkActions;

/// <summary>One activity call of a bulk action: the <paramref name="Batch"/>-th run of up to <paramref name="BatchSize"/> items
/// of one store, in key order (the job's items never change after it is planned, so the slice is stable across retries).</summary>
public sealed record BulkActionBatchInput(string TenantId, string JobId, string StoreId, int Batch, int BatchSize);

/// <summary>What one batch did, for the orchestration's progress: items finished now, how many of them changed (or created) a
/// coupon, and when to run the batch again if a clone's create attempt was still settling (its item stays started).</summary>
public sealed record BulkActionBatchOutcome(int Finished, int Succeeded, DateTimeOffset? LookAgainAt = null);

/// <summary>
/// Applies a bulk action to one batch of a store's coupons, safe to run any number of times: finished items are left as
/// they are; pending items are cancelled if the job was, otherwise started and their absolute <see cref="ActionTarget"/> is
/// sent; an item already started (an earlier run crashed or timed out after it) is first read from the platform and only
/// what is still missing is applied, so nothing is applied twice. A clone goes through the deploy's create path
/// (<see cref="CouponCreator"/>: attempt row first, adopt the coupon an earlier attempt created). Outcomes are written in one transaction per 100 items, and
/// a store with a changed coupon gets a sync queued so the list shows it.
/// </summary>
public sealed class RunBulkActionBatchHandler(
    IJobRepository jobs, IStoreRepository stores, IPlatformConnectors connectors, ICreateAttemptRepository attempts, IWorkQueue queue,
    IOptions<JobOptions> options, TimeProvider time)
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
        var clones = store is null ? null
            : new StoreClones(connectors.For(store.Platform), store.ToConnection(), attempts, new CouponCreator(attempts, options.Value.CreateSettleTime, time), time, tenant, jobId, store.Id);
        DateTimeOffset? lookAgainAt = null;
        foreach (var (item, again) in started.Select(i => (i, false)).Concat(resumed.Select(i => (i, true))))
        {
            var outcome = clones is null
                ? ItemOutcome.NotSupported("The store was removed after this action started.")
                : item.Target is { Operation: CouponOperation.Create, Draft: { } draft }
                    ? await clones.CreateAsync(item.PlatformCouponId!, draft, cancellationToken)
                    : await ApplyAsync(connectors.For(store!.Platform), store.ToConnection(), item, again, cancellationToken);
            if (outcome is not null) finished.Add(item.Finish(outcome, time.GetUtcNow()));
            else if (clones!.LookAgainAt > lookAgainAt || lookAgainAt is null) lookAgainAt = clones.LookAgainAt;
        }

        var written = await jobs.UpdateItemsAsync(tenant, finished, cancellationToken);
        var succeeded = written.Written.Count(i => i.State == JobItemState.Succeeded);
        if (succeeded > 0)
            await queue.EnqueueAsync(new SyncStoreMessage(tenant.Value, storeId.Value, SyncStoreMessage.Manual, time.GetUtcNow()), null, cancellationToken);
        return new(written.Written.Count, succeeded, lookAgainAt);
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
            CouponOperation.Reactivate => (await connector.ReactivateCouponAsync(connection, couponId, cancellationToken)).Error,
            _ => throw new InvalidOperationException($"{remaining.Operation} is not a bulk action's target."),
        };
        return result is null ? ItemOutcome.Changed(couponId) : ItemOutcome.FromPlatformError(result);
    }

    /// <summary>The clones of one batch in one store: the store's coupons are listed once, on the first clone, and each clone is
    /// created through its own attempt row (keyed by the coupon it copies).</summary>
    private sealed class StoreClones(
        IPlatformConnector connector, StoreConnection connection, ICreateAttemptRepository attempts, CouponCreator creator, TimeProvider time,
        TenantId tenant, JobId jobId, StoreId storeId)
    {
        private List<Coupon>? _listed;

        /// <summary>Set when the last <see cref="CreateAsync"/> answered null: when to try that item again.</summary>
        public DateTimeOffset? LookAgainAt { get; private set; }

        public async Task<ItemOutcome?> CreateAsync(string sourceCouponId, CouponDraft planned, CancellationToken cancellationToken)
        {
            var attempt = await attempts.GetAsync(tenant, jobId, storeId, sourceCouponId, cancellationToken);
            if (_listed is null)
            {
                try
                {
                    var listed = new List<Coupon>();
                    await foreach (var page in connector.ListCouponsAsync(connection, cancellationToken)) listed.AddRange(page);
                    _listed = listed;
                }
                catch (PlatformException e)
                {
                    return ItemOutcome.FromPlatformError(e.Error);
                }
            }

            var request = new CreateRequest(tenant, jobId, storeId, sourceCouponId, Draft(planned, attempt));
            var result = await creator.CreateOnceAsync(connector, connection, request, attempt, _listed, cancellationToken);
            LookAgainAt = result.LookAgainAt;
            return result.Outcome;
        }

        /// <summary>The window the first attempt sent is kept on every retry. Before that, a start that passed while the job waited
        /// (a clone "starting now" planned minutes ago) moves to a minute from now, the end staying as planned: no platform
        /// creates a coupon that starts in the past.</summary>
        private CouponDraft Draft(CouponDraft planned, CreateAttempt? attempt)
        {
            if (attempt is not null) return planned with { ValidFrom = attempt.ValidFrom, ValidTo = attempt.ValidTo };
            var now = time.GetUtcNow();
            if (planned.ValidFrom >= now.AddMinutes(1)) return planned;
            var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(1);
            return planned with { ValidFrom = start, ValidTo = planned.ValidTo > start ? planned.ValidTo : start + (planned.ValidTo - planned.ValidFrom) };
        }
    }
}
