using CouponFunctions.App.Auth;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Keys;

/// <summary>DELETE /api/keys/{keyId} (admin): revokes a key (204).</summary>
internal sealed class RevokeKeyFunction(ManageApiKeysHandler handler)
{
    [Function("RevokeKey")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "keys/{keyId}")] HttpRequest request, string keyId, CancellationToken cancellationToken) =>
        ApiResults.CheckRouteId("keyId", keyId) ?? (await handler.RevokeAsync(request.Caller(), keyId, cancellationToken)).ToHttp(_ => Results.NoContent());
}
