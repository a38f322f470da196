using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CouponFunctions.App.Jobs;

/// <summary>
/// Deploys a template: the job's stores in waves (<see cref="WavePlanner"/>: bounded per platform), one
/// <see cref="DeployStoreActivity"/> per store, the job recounted after each wave (the custom status carries the counts)
/// and closed with its failure report at the end. With a canary, that store goes alone first and the rest wait for the
/// operator's answer (<see cref="CanaryEvent"/>) until the timeout, which cancels them. History holds ids and counts only.
/// </summary>
internal static class DeployTemplateOrchestration
{
    public const string CanaryEvent = "CanaryAnswer";

    /// <summary>An activity that throws (storage down, a bug) is tried again a few times before the item is failed.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), 2));

    [Function(nameof(DeployTemplateOrchestration))]
    public static async Task<JobCounts> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<DeployTemplateInput>()!;
        var job = new JobRef(input.TenantId, input.JobId);
        var plan = await context.CallActivityAsync<JobPlan>(nameof(PlanJobActivity), job, Retry);
        var items = plan.Items;
        if (input.CanaryStoreId is { } canary)
        {
            var state = await DeployAsync(context, input, canary, plan.SettleTime);
            // Recounted before the wait (which may last a day), so the job's counts show the canary's outcome meanwhile.
            var soFar = await context.CallActivityAsync<JobCounts>(nameof(RecountJobActivity), job, Retry);
            context.SetCustomStatus(new { phase = "awaitingCanary", canaryStoreId = canary, canaryState = state, counts = soFar });
            var answer = await WaitForAnswerAsync(context, plan.CanaryTimeout);
            if (!CanaryRules.ContinueAfter(state, answer)) await context.CallActivityAsync(nameof(CancelJobActivity), job, Retry);
            items = [.. items.Where(i => i.StoreId.Value != canary)];
        }

        foreach (var wave in WavePlanner.Plan(items, plan.Limits).Waves)
        {
            await Task.WhenAll(wave.Batches.Select(b => DeployAsync(context, input, b.StoreId.Value, plan.SettleTime)));
            context.SetCustomStatus(new { phase = "running", counts = await context.CallActivityAsync<JobCounts>(nameof(RecountJobActivity), job, Retry) });
        }

        var counts = await context.CallActivityAsync<JobCounts>(nameof(RecountJobActivity), job, Retry);
        context.SetCustomStatus(new { phase = "finished", counts });
        return counts;
    }

    /// <summary>One store to the end: again after a "look again" (an attempt whose coupon may not be listed yet), failed if the activity keeps throwing.</summary>
    private static async Task<JobItemState> DeployAsync(TaskOrchestrationContext context, DeployTemplateInput input, string storeId, TimeSpan settle)
    {
        var request = new DeployStoreInput(input, storeId);
        try
        {
            for (var round = 0; ; round++)
            {
                var outcome = await context.CallActivityAsync<DeployStoreOutcome>(nameof(DeployStoreActivity), request, Retry);
                if (outcome.LookAgainAt is not { } at) return outcome.State;
                if (round == 10) break;
                await context.CreateTimer(at > context.CurrentUtcDateTime ? at.UtcDateTime : context.CurrentUtcDateTime + settle, CancellationToken.None);
            }
        }
        catch (TaskFailedException e)
        {
            return await context.CallActivityAsync<JobItemState>(nameof(FailDeployItemActivity), new FailItemInput(request, e.FailureDetails.ErrorType), Retry);
        }

        return await context.CallActivityAsync<JobItemState>(nameof(FailDeployItemActivity), new FailItemInput(request, "gave up looking for the created coupon"), Retry);
    }

    private static async Task<CanaryAnswer> WaitForAnswerAsync(TaskOrchestrationContext context, TimeSpan timeout)
    {
        try
        {
            return await context.WaitForExternalEvent<bool>(CanaryEvent, timeout) ? CanaryAnswer.Approved : CanaryAnswer.Rejected;
        }
        catch (OperationCanceledException)
        {
            return CanaryAnswer.TimedOut;
        }
    }
}

/// <summary>A job by its ids, as activities receive it.</summary>
internal sealed record JobRef(string TenantId, string JobId);

/// <summary>What the orchestration plans with: one work item per job item, the wave limits and timings from the settings.</summary>
internal sealed record JobPlan(IReadOnlyList<WorkItem> Items, WaveLimits Limits, TimeSpan SettleTime, TimeSpan CanaryTimeout);

/// <summary>A deploy item whose activity kept failing, and why (the error type only: messages can carry URLs).</summary>
internal sealed record FailItemInput(DeployStoreInput Store, string Reason);
