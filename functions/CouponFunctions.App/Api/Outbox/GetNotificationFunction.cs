using CouponFunctions.App.Auth;
using CouponFunctions.Core.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Outbox;

/// <summary>GET /api/outbox/{id}: one notification with its text (not for store-scoped keys).</summary>
internal sealed class GetNotificationFunction(INotificationOutbox sent)
{
    [Function("GetNotification")]
    [WorkspaceWide]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "outbox/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckRouteId("id", id) is { } bad) return bad;
        var caller = request.Caller();
        return await sent.GetAsync(caller.TenantId, id, cancellationToken) is { } notification
            ? Results.Ok(notification)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No notification '{id}'.");
    }
}
