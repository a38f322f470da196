using CouponFunctions.App.Auth;
using CouponFunctions.App.Jobs;
using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>POST /api/coupons/actions (editor) with an Idempotency-Key and the preview's body: stores the job (one item per
/// coupon; refused ones recorded with their reason) and starts <see cref="BulkActionOrchestration"/>; 202 with the job id and
/// its status URL. The same key again answers the same job and starts nothing new.</summary>
internal sealed class StartCouponActionFunction(StartBulkActionHandler handler)
{
    [Function("StartCouponAction")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coupons/actions")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<BulkActionPreviewInput>(cancellationToken);
        if (problem is not null) return problem;
        var key = request.Headers[IdempotencyKeys.Header].ToString();
        var started = await handler.HandleAsync(request.Caller(), key, input, cancellationToken);
        if (!started.IsOk) return started.ToHttp(_ => Results.Empty);
        var job = started.Value!.Job;
        await JobOrchestrations.StartOnceAsync(client, nameof(BulkActionOrchestration), job.TenantId, job.Id, started.Value.Input, cancellationToken);
        return Results.Accepted($"/api/jobs/{job.Id}", new { jobId = job.Id.Value, statusUrl = $"/api/jobs/{job.Id}", status = job.Status, created = started.Value.Created });
    }
}
