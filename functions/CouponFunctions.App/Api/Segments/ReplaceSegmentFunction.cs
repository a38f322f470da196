using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Segments;

/// <summary>PUT /api/segments/{segmentId} (editor): replaces the name and rule; the kind stays.</summary>
internal sealed class ReplaceSegmentFunction(ManageSegmentsHandler handler)
{
    [Function("ReplaceSegment")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "segments/{segmentId}")] HttpRequest request, string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentId.TryParse(segmentId, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
        var (input, problem) = await request.ReadJsonAsync<SegmentInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.ReplaceAsync(request.Caller(), id, input!, cancellationToken)).ToHttp(s => Results.Ok(SegmentResponse.From(s)));
    }
}
