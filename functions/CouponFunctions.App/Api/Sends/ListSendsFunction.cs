using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>GET /api/sends[?segmentId=]: the tenant's sends, latest scheduled first.</summary>
internal sealed class ListSendsFunction(ManageSendsHandler handler)
{
    [Function("ListSends")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sends")] HttpRequest request, CancellationToken cancellationToken)
    {
        SegmentId? segment = null;
        if (request.Query["segmentId"].ToString() is { Length: > 0 } text)
        {
            if (!SegmentId.TryParse(text, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
            segment = id;
        }

        var sends = await handler.ListAsync(request.Caller(), segment, cancellationToken);
        return Results.Ok(new { items = sends.Select(s => SendResponse.From(s)) });
    }
}
