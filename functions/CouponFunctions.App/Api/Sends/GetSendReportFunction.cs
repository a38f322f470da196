using CouponFunctions.App.Auth;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Sends;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>GET /api/sends/{sendId}/report: a redirect to the failure report's read-only link (valid until 7 days after the send), then 410 Gone.</summary>
internal sealed class GetSendReportFunction(ManageSendsHandler handler)
{
    [Function("GetSendReport")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sends/{sendId}/report")] HttpRequest request, string sendId, CancellationToken cancellationToken)
    {
        if (!SendId.TryParse(sendId, out var id)) return ApiResults.BadField("sendId", "Not a send id.");
        return (await handler.ReportAsync(request.Caller(), id, cancellationToken)).ToHttp(r => r.Access == ReportAccess.Expired
            ? Results.Problem(statusCode: 410, title: "Gone", detail: $"The failure report was available for 7 days, until {r.ExpiresAt:O}.")
            : Results.Redirect(r.Link!.AbsoluteUri));
    }
}
