using CouponFunctions.Core.Notifications;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Outbox;

/// <summary>/api/outbox: the notifications sent to the caller's workspace (the local outbox, and the ACS sent-log).</summary>
internal static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        // Digests cover every store of the workspace, so keys scoped to some stores do not read the outbox.
        var outbox = api.MapGroup("/outbox").WithTags("Outbox").AddEndpointFilter((context, next) =>
            context.HttpContext.Caller().IsScoped
                ? ValueTask.FromResult<object?>(Results.Problem(statusCode: 403, title: "Forbidden", detail: "A key scoped to some stores cannot read the workspace's outbox."))
                : next(context));
        outbox.MapGet("/", async (HttpContext http, INotificationOutbox sent, CancellationToken ct) =>
            Results.Ok(new { items = (await sent.ListAsync(http.Caller().TenantId, 100, ct)).Select(n => new { n.Id, n.Kind, n.To, n.Subject, n.At, n.Channel }) }));
        outbox.MapGet("/{id}", async (string id, HttpContext http, INotificationOutbox sent, CancellationToken ct) =>
            await sent.GetAsync(http.Caller().TenantId, id, ct) is { } notification
                ? Results.Ok(notification)
                : Results.Problem(statusCode: 404, title: "Not found", detail: $"No notification '{id}'."));
        return api;
    }
}
