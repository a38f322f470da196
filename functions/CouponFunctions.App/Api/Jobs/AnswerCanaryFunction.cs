using CouponFunctions.App.Auth;
using CouponFunctions.App.Jobs;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>The operator's answer after a canary store's result.</summary>
internal sealed record CanaryAnswerInput(bool? Approve);

/// <summary>POST /api/jobs/{jobId}/canary {"approve": true|false} (editor): lets a canary deploy go on to the other stores, or cancels them.</summary>
internal sealed class AnswerCanaryFunction(ManageJobsHandler handler)
{
    [Function("AnswerCanary")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{jobId}/canary")] HttpRequest request, string jobId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!JobId.TryParse(jobId, out var id)) return ApiResults.BadField("jobId", "Not a job id.");
        var (input, problem) = await request.ReadJsonAsync<CanaryAnswerInput>(cancellationToken);
        if (problem is not null) return problem;
        if (input!.Approve is not { } approve) return ApiResults.BadField("approve", "Answer approve: true to go on, or false to cancel the other stores.");
        var caller = request.Caller();
        var job = await handler.GetAsync(caller, id, null, 1, null, cancellationToken);
        if (!job.IsOk) return job.ToHttp(_ => Results.Empty);
        await client.RaiseEventAsync(JobOrchestrations.InstanceId(caller.TenantId, id), DeployTemplateOrchestration.CanaryEvent, approve, cancellationToken);
        return Results.Accepted($"/api/jobs/{id}", new { jobId = id.Value, approve });
    }
}
