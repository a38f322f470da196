using CouponFunctions.App.Auth;
using CouponFunctions.Core.Sends;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>GET /api/sends/{sendId}: the send, its counts (progress while running) and its failure report's state.</summary>
internal sealed class GetSendFunction(ManageSendsHandler handler)
{
    [Function("GetSend")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sends/{sendId}")] HttpRequest request, string sendId, CancellationToken cancellationToken)
    {
        if (!SendId.TryParse(sendId, out var id)) return ApiResults.BadField("sendId", "Not a send id.");
        return (await handler.GetAsync(request.Caller(), id, cancellationToken)).ToHttp(v => Results.Ok(SendResponse.From(v.Send, v.Report)));
    }
}
