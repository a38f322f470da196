using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Segments;

/// <summary>GET /api/segments/{segmentId}: the segment with its member count and reach per channel now.</summary>
internal sealed class GetSegmentFunction(ManageSegmentsHandler handler)
{
    [Function("GetSegment")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "segments/{segmentId}")] HttpRequest request, string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentId.TryParse(segmentId, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
        return (await handler.GetAsync(request.Caller(), id, cancellationToken)).ToHttp(v => Results.Ok(SegmentResponse.From(v.Segment, v.Reach)));
    }
}
