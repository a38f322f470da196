using CouponFunctions.App.Auth;
using CouponFunctions.Core.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Jobs;

/// <summary>GET /api/jobs/{jobId}/failure-report: a redirect to the report's read-only link while it lives (7 days from the
/// job's finish), 410 Gone after, 404 when the job has none. With <c>Accept: application/json</c> the link comes as
/// <c>{url, expiresAt}</c> instead of a redirect (the admin page sends its key in a header, so it cannot follow a plain link).</summary>
internal sealed class GetFailureReportFunction(ManageJobsHandler handler)
{
    [Function("GetFailureReport")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}/failure-report")] HttpRequest request, string jobId, CancellationToken cancellationToken)
    {
        if (!JobId.TryParse(jobId, out var id)) return ApiResults.BadField("jobId", "Not a job id.");
        return (await handler.ReportAsync(request.Caller(), id, cancellationToken)).ToHttp(report => report.Availability == ReportAvailability.Expired
            ? Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone", detail: $"The failure report of job {id} expired; reports are kept {ReportExpiry.Lifetime.TotalDays} days.")
            : WantsJson(request) ? Results.Ok(new { url = report.Link!.Url.ToString(), expiresAt = report.Link.ExpiresAt })
            : Results.Redirect(report.Link!.Url.ToString()));
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
