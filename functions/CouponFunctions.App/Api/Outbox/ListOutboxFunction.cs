using CouponFunctions.App.Auth;
using CouponFunctions.Core.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Outbox;

/// <summary>GET /api/outbox: the last 100 notifications sent to the workspace (not for store-scoped keys).</summary>
internal sealed class ListOutboxFunction(INotificationOutbox sent)
{
    [Function("ListOutbox")]
    [WorkspaceWide]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "outbox")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        return Results.Ok(new { items = (await sent.ListAsync(caller.TenantId, 100, cancellationToken)).Select(n => new { n.Id, n.Kind, n.To, n.Subject, n.At, n.Channel }) });
    }
}

