using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Segments;

/// <summary>DELETE /api/segments/{segmentId} (editor): 204; 409 while the segment has a scheduled or running send.</summary>
internal sealed class DeleteSegmentFunction(ManageSegmentsHandler handler)
{
    [Function("DeleteSegment")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "segments/{segmentId}")] HttpRequest request, string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentId.TryParse(segmentId, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
        return (await handler.DeleteAsync(request.Caller(), id, cancellationToken)).ToHttp(_ => Results.NoContent());
    }
}
