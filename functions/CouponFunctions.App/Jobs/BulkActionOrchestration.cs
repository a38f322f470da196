using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CouponFunctions.App.Jobs;

/// <summary>
/// Runs a bulk action: the job's stores with unfinished items (<see cref="PlanBulkActionActivity"/>: one row per store, not
/// per coupon) are cut into waves of store-batches (<see cref="WavePlanner"/>: bounded per platform, one batch per store at
/// a time), one <see cref="RunBulkActionBatchActivity"/> per batch reading its items from the JobItems table and writing
/// their outcomes there. The history holds store ids and counts only, so it grows with the number of batches, never with
/// the number of coupons; after <see cref="MaxWavesPerGeneration"/> waves the orchestration continues as new.
/// </summary>
internal static class BulkActionOrchestration
{
    public const int MaxWavesPerGeneration = 20;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), 2));

    [Function(nameof(BulkActionOrchestration))]
    public static async Task<JobCounts> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<BulkActionJobInput>()!;
        var job = new JobRef(input.TenantId, input.JobId);
        var plan = await context.CallActivityAsync<BulkActionPlan>(nameof(PlanBulkActionActivity), job, Retry);
        var size = plan.Limits.MaxItemsPerBatch;
        var skip = plan.Stores.ToDictionary(s => s.StoreId, s => s.SkipBatches);
        var waves = WavePlanner.Plan(plan.Stores.SelectMany(s => Slots(s, size)), plan.Limits).Waves;
        DateTimeOffset? lookAgainAt = null;
        foreach (var wave in waves.Take(MaxWavesPerGeneration))
        {
            var outcomes = await Task.WhenAll(wave.Batches.Select(b => RunBatchAsync(context, input, b, skip[b.StoreId.Value], size)));
            foreach (var at in outcomes.Select(o => o?.LookAgainAt).OfType<DateTimeOffset>()) lookAgainAt = lookAgainAt is { } seen && seen > at ? seen : at;
            context.SetCustomStatus(new { phase = "running", counts = await context.CallActivityAsync<JobCounts>(nameof(RecountJobActivity), job, Retry) });
        }

        // A clone whose create attempt may still be settling stays started: wait, then the next generation runs it again.
        if (lookAgainAt is { } wakeAt && wakeAt.UtcDateTime > context.CurrentUtcDateTime)
            await context.CreateTimer(wakeAt.UtcDateTime, CancellationToken.None);

        // Each generation plans again from the item rows, so the next one starts with what is still unfinished.
        if (waves.Count > MaxWavesPerGeneration || lookAgainAt is not null)
        {
            context.ContinueAsNew(input);
            return JobCounts.Empty;
        }

        var counts = await context.CallActivityAsync<JobCounts>(nameof(RecountJobActivity), job, Retry);
        context.SetCustomStatus(new { phase = "finished", counts });
        return counts;
    }

    /// <summary>Stand-ins for a store's items from its first unfinished batch on, so the planner cuts them into batches; batch n
    /// of a store is its n-th slice of items after the skipped ones.</summary>
    private static IEnumerable<WorkItem> Slots(StoreWork store, int size) =>
        Enumerable.Range(0, store.ItemCount - (store.SkipBatches * size)).Select(i => new WorkItem($"{store.StoreId}#{i}", store.Platform, StoreId.Parse(store.StoreId)));

    private static async Task<BulkActionBatchOutcome?> RunBatchAsync(TaskOrchestrationContext context, BulkActionJobInput input, WorkBatch batch, int skip, int size)
    {
        var number = skip + int.Parse(batch.Id.AsSpan(batch.Id.LastIndexOf('.') + 1), System.Globalization.CultureInfo.InvariantCulture) - 1;
        var request = new BulkActionBatchInput(input.TenantId, input.JobId, batch.StoreId.Value, number, size);
        try
        {
            return await context.CallActivityAsync<BulkActionBatchOutcome>(nameof(RunBulkActionBatchActivity), request, Retry);
        }
        catch (TaskFailedException e)
        {
            await context.CallActivityAsync(nameof(FailBulkActionBatchActivity), new FailBatchInput(request, e.FailureDetails.ErrorType), Retry);
            return null;
        }
    }
}

/// <summary>A store with unfinished items: how many items it has in all (batches slice that fixed list, in key order) and how many
/// whole batches at its start are finished already (skipped after a continue-as-new).</summary>
internal sealed record StoreWork(string StoreId, Platform Platform, int ItemCount, int SkipBatches);

/// <summary>What a bulk action plans with: per store, not per coupon, and the wave limits from the settings.</summary>
internal sealed record BulkActionPlan(IReadOnlyList<StoreWork> Stores, WaveLimits Limits);

/// <summary>A batch whose activity kept failing, and why (the error type only).</summary>
internal sealed record FailBatchInput(BulkActionBatchInput Batch, string Reason);
