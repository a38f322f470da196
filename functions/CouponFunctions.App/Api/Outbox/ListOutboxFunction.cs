using CouponFunctions.App.Auth;
using CouponFunctions.Core.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Outbox;

/// <summary>GET /api/outbox: the last 100 notifications sent to the workspace (not for store-scoped keys).</summary>
internal sealed class ListOutboxFunction(INotificationOutbox sent)
{
    [Function("ListOutbox")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "outbox")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        if (caller.IsScoped) return OutboxAccess.ScopedKeyForbidden();
        return Results.Ok(new { items = (await sent.ListAsync(caller.TenantId, 100, cancellationToken)).Select(n => new { n.Id, n.Kind, n.To, n.Subject, n.At, n.Channel }) });
    }
}

/// <summary>Digests cover every store of the workspace, so keys scoped to some stores do not read the outbox.</summary>
internal static class OutboxAccess
{
    public static IResult ScopedKeyForbidden() =>
        Results.Problem(statusCode: 403, title: "Forbidden", detail: "A key scoped to some stores cannot read the workspace's outbox.");
}
