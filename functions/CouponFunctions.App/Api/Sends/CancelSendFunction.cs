using CouponFunctions.App.Auth;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>POST /api/sends/{sendId}/cancel (editor): cancels a send not started and at least 2 hours ahead; else 409 saying why. Safe to repeat.</summary>
internal sealed class CancelSendFunction(ManageSendsHandler handler)
{
    [Function("CancelSend")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sends/{sendId}/cancel")] HttpRequest request, string sendId, CancellationToken cancellationToken)
    {
        if (!SendId.TryParse(sendId, out var id)) return ApiResults.BadField("sendId", "Not a send id.");
        return (await handler.CancelAsync(request.Caller(), id, cancellationToken)).ToHttp(s => Results.Ok(SendResponse.From(s)));
    }
}
