using CouponFunctions.App.Auth;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Keys;

/// <summary>GET /api/keys (admin): the workspace's keys, oldest first, never their secrets.</summary>
internal sealed class ListKeysFunction(ManageApiKeysHandler handler)
{
    [Function("ListKeys")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "keys")] HttpRequest request, CancellationToken cancellationToken) =>
        Results.Ok(new { items = (await handler.ListAsync(request.Caller().TenantId, cancellationToken)).OrderBy(k => k.CreatedAt).Select(ApiKeyResponse.From) });
}
