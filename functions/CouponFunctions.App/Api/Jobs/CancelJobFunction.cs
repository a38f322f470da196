using CouponFunctions.App.Auth;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>POST /api/jobs/{jobId}/cancel (editor): items not started become "cancelled", started ones finish; 409 once finished.</summary>
internal sealed class CancelJobFunction(ManageJobsHandler handler)
{
    [Function("CancelJob")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{jobId}/cancel")] HttpRequest request, string jobId, CancellationToken cancellationToken)
    {
        if (!JobId.TryParse(jobId, out var id)) return ApiResults.BadField("jobId", "Not a job id.");
        return (await handler.CancelAsync(request.Caller(), id, cancellationToken)).ToHttp(job => Results.Ok(JobResponse.From(job)));
    }
}
