using CouponFunctions.App.Auth;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Health;

/// <summary>
/// POST /api/health/durable (admin): starts <see cref="ProbeStorageOrchestration"/> and waits up to 30 s for it:
/// 200 with its output when it completed, 503 when it failed, 202 with the instance id when it is still running.
/// </summary>
internal sealed class ProbeDurableFunction
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Function("ProbeDurable")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "health/durable")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(ProbeStorageOrchestration), cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Wait);
        try
        {
            var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token);
            var status = done.RuntimeStatus.ToString().ToLowerInvariant();
            return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? Results.Ok(new { instanceId, status, result = done.ReadOutputAs<StorageProbeResult>() })
                : Results.Json(new { instanceId, status, failure = done.FailureDetails?.ErrorType }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Results.Accepted(value: new { instanceId, status = "running" });
        }
    }
}
