using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CouponFunctions.App.Functions.Sends;

/// <summary>The orchestration's input: the send, the pacing it runs with (fixed at the start, so replays see the same plan),
/// and the running state when it continued as new (null on the first generation).</summary>
internal sealed record RunSendInput(SendRef Send, SendPacingOptions Pacing, SendRunState? State);

/// <summary>A wave activity's input: the step, the counts before it (for progress) and whether retries ran out.</summary>
internal sealed record WaveInput(SendRef Send, SendStep Step, SendCounts Before, bool Abandon);

/// <summary>
/// Runs one send: begin (start + snapshot) → waves, each after a durable timer to its paced slot (429 Retry-After pushes the
/// channel's next wave) → finish. Up to <see cref="WavesInFlight"/> waves of one channel run at once (<see cref="WavePipeline"/>):
/// the next wave starts on its slot while the one before it is still sending (the slots keep the quota, see
/// <see cref="PacingPlan"/>), so a wave that takes a little longer than its interval does not push every wave after it.
/// History stays small: one generation handles ChunkSize recipients, then ContinueAsNew with the state (ids and counts only).
/// A wave whose retries run out marks its unfinished messages as system errors instead of failing the send.
/// </summary>
internal static class RunSendOrchestration
{
    /// <summary>Waves in flight at once: the next one on its slot while the previous one finishes.</summary>
    public const int WavesInFlight = 2;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public static string InstanceId(TenantId tenant, SendId send) => $"sendrun-{tenant.Value}-{send.Value}";

    [Function(nameof(RunSendOrchestration))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, RunSendInput input)
    {
        var state = input.State ?? await context.CallActivityAsync<SendRunState?>(nameof(SendActivities.BeginSend), input.Send, Retry);
        if (state is null) return;
        var pipeline = new WavePipeline(state, input.Pacing.Plans(), WavesInFlight);
        var results = new Queue<Task<WaveResult>>();
        while (!pipeline.Done)
        {
            if (pipeline.NextToStart() is { } step)
            {
                var delay = step.DelayFrom(Now(context));
                if (delay > TimeSpan.Zero) await context.CreateTimer(delay, CancellationToken.None);
                pipeline.Started(step, Now(context));
                results.Enqueue(WaveAsync(context, new WaveInput(input.Send, step, pipeline.State.Counts, false)));
                continue;
            }

            var result = await results.Dequeue();
            for (var aside = pipeline.Take(result, Now(context)); aside > 0; aside--) await results.Dequeue();
            context.SetCustomStatus(pipeline.State.Progress);
        }

        state = pipeline.State;
        if (!state.IsComplete)
        {
            context.ContinueAsNew(input with { State = state.NextChunk() });
            return;
        }

        await context.CallActivityAsync(nameof(SendActivities.FinishSend), new FinishInput(input.Send, state.Counts), Retry);
    }

    /// <summary>One wave's activity; when its retries run out, once more to give up on what it left unfinished.</summary>
    private static async Task<WaveResult> WaveAsync(TaskOrchestrationContext context, WaveInput input)
    {
        try
        {
            return await context.CallActivityAsync<WaveResult>(nameof(SendActivities.SendWave), input, Retry);
        }
        catch (TaskFailedException)
        {
            return await context.CallActivityAsync<WaveResult>(nameof(SendActivities.SendWave), input with { Abandon = true }, Retry);
        }
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}

/// <summary>The finish activity's input.</summary>
internal sealed record FinishInput(SendRef Send, SendCounts Counts);

/// <summary>The send's activities: thin adapters over <see cref="SendRunner"/>.</summary>
internal sealed class SendActivities(SendRunner runner, SendPacingOptions pacing)
{
    [Function(nameof(BeginSend))]
    public Task<SendRunState?> BeginSend([ActivityTrigger] SendRef send, CancellationToken cancellationToken) =>
        runner.BeginAsync(send, pacing.ChunkSize, cancellationToken);

    [Function(nameof(SendWave))]
    public Task<WaveResult> SendWave([ActivityTrigger] WaveInput input, CancellationToken cancellationToken) =>
        runner.WaveAsync(input.Send, input.Step, input.Before, input.Abandon, cancellationToken);

    [Function(nameof(FinishSend))]
    public async Task FinishSend([ActivityTrigger] FinishInput input, CancellationToken cancellationToken) =>
        await runner.FinishAsync(input.Send, input.Counts, cancellationToken);
}
