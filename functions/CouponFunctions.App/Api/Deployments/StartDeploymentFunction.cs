using CouponFunctions.App.Auth;
using CouponFunctions.App.Jobs;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Api.Deployments;

/// <summary>POST /api/deployments (editor) with an Idempotency-Key: stores the job and starts <see cref="DeployTemplateOrchestration"/>;
/// 202 with the job id and its status URL. The same key again answers the same job and starts nothing new.</summary>
internal sealed class StartDeploymentFunction(StartDeploymentHandler handler)
{
    [Function("StartDeployment")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<DeploymentInput>(cancellationToken);
        if (problem is not null) return problem;
        var key = request.Headers[IdempotencyKeys.Header].ToString();
        var started = await handler.HandleAsync(request.Caller(), key, input, cancellationToken);
        if (!started.IsOk) return started.ToHttp(_ => Results.Empty);
        var job = started.Value!.Job;
        await JobOrchestrations.StartOnceAsync(client, nameof(DeployTemplateOrchestration), job.TenantId, job.Id, started.Value.Input, cancellationToken);
        return Results.Accepted($"/api/jobs/{job.Id}", new { jobId = job.Id.Value, statusUrl = $"/api/jobs/{job.Id}", status = job.Status, created = started.Value.Created });
    }
}
