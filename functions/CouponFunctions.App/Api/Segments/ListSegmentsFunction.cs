using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Segments;

/// <summary>GET /api/segments: the tenant's segments by name.</summary>
internal sealed class ListSegmentsFunction(ManageSegmentsHandler handler)
{
    [Function("ListSegments")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "segments")] HttpRequest request, CancellationToken cancellationToken) =>
        Results.Ok(new { items = (await handler.ListAsync(request.Caller(), cancellationToken)).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => SegmentResponse.From(s)) });
}
