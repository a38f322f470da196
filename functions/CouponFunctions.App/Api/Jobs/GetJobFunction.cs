using System.Text.Json;
using CouponFunctions.App.Auth;
using CouponFunctions.App.Jobs;
using CouponFunctions.Core.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>GET /api/jobs/{jobId}?state=failed,cancelled&amp;pageSize=&amp;continuation=: the job and a page of its item outcomes;
/// while a canary deploy waits for the operator's answer, <c>canary.storeId</c> names the store it waits on.</summary>
internal sealed class GetJobFunction(ManageJobsHandler handler)
{
    [Function("GetJob")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}")] HttpRequest request, string jobId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!JobId.TryParse(jobId, out var id)) return ApiResults.BadField("jobId", "Not a job id.");
        if (!PageSize.TryRead(request, 100, out var pageSize)) return ApiResults.BadField("pageSize", "pageSize must be 1–1000.");
        List<JobItemState>? states = null;
        foreach (var text in request.Query["state"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<JobItemState>(text, ignoreCase: true, out var state) || int.TryParse(text, out _))
                return ApiResults.BadField("state", $"'{text}' is not an item state (pending, started, succeeded, failed, skipped, cancelled).");
            (states ??= []).Add(state);
        }

        var caller = request.Caller();
        var detail = await handler.GetAsync(caller, id, states, pageSize, request.Query["continuation"], cancellationToken);
        var canary = detail is { IsOk: true, Value.Job: { Type: JobType.Deployment, Status: JobStatus.Running } }
            ? await AwaitedCanaryAsync(client, JobOrchestrations.InstanceId(caller.TenantId, id), cancellationToken)
            : null;
        return detail.ToHttp(d => Results.Ok(new
        {
            job = JobResponse.From(d.Job),
            canary = canary is null ? null : new { storeId = canary },
            items = d.Items.Items.Select(JobResponse.From),
            continuation = d.Items.ContinuationToken,
        }));
    }

    /// <summary>The canary store the orchestration waits on (its custom status phase "awaitingCanary"), or null.</summary>
    private static async Task<string?> AwaitedCanaryAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running, SerializedCustomStatus: { Length: > 0 } status }) return null;
        using var json = JsonDocument.Parse(status);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("phase", out var phase) && phase.ValueEquals("awaitingCanary")
            && json.RootElement.TryGetProperty("canaryStoreId", out var store) && store.ValueKind == JsonValueKind.String
            ? store.GetString()
            : null;
    }
}
