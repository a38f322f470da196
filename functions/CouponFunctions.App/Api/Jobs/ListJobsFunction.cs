using CouponFunctions.App.Auth;
using CouponFunctions.Core.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>GET /api/jobs?pageSize=&amp;continuation=: deployments and bulk actions, newest first.</summary>
internal sealed class ListJobsFunction(ManageJobsHandler handler)
{
    [Function("ListJobs")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PageSize.TryRead(request, 50, out var pageSize)) return ApiResults.BadField("pageSize", "pageSize must be 1–1000.");
        var page = await handler.ListAsync(request.Caller(), pageSize, request.Query["continuation"], cancellationToken);
        return Results.Ok(new { items = page.Jobs.Select(JobResponse.From), continuation = page.ContinuationToken });
    }
}
