using CouponFunctions.App.Auth;
using CouponFunctions.Core.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>GET /api/jobs/{jobId}?state=failed,cancelled&amp;pageSize=&amp;continuation=: the job and a page of its item outcomes.</summary>
internal sealed class GetJobFunction(ManageJobsHandler handler)
{
    [Function("GetJob")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}")] HttpRequest request, string jobId, CancellationToken cancellationToken)
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

        return (await handler.GetAsync(request.Caller(), id, states, pageSize, request.Query["continuation"], cancellationToken)).ToHttp(d => Results.Ok(new
        {
            job = JobResponse.From(d.Job),
            items = d.Items.Items.Select(JobResponse.From),
            continuation = d.Items.ContinuationToken,
        }));
    }
}
