using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Segments;

/// <summary>POST /api/segments (editor): a static segment (optionally with member ids) or a rule segment.</summary>
internal sealed class CreateSegmentFunction(ManageSegmentsHandler handler)
{
    [Function("CreateSegment")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "segments")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<SegmentInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.CreateAsync(request.Caller(), input!, cancellationToken)).ToHttp(s => Results.Created($"/api/segments/{s.Id}", SegmentResponse.From(s)));
    }
}
