using CouponFunctions.App.Auth;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Keys;

/// <summary>GET /api/me: who the key is (tenant, key id, role, store scope) and the server's time.</summary>
internal sealed class GetMeFunction(TimeProvider time)
{
    [Function("GetMe")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request)
    {
        var caller = request.Caller();
        return Results.Ok(new
        {
            now = time.GetUtcNow(),
            tenantId = caller.TenantId.Value,
            keyId = caller.KeyId,
            role = caller.Role.ToString().ToLowerInvariant(),
            storeScope = caller.StoreScope?.Select(s => s.Value).Order(),
        });
    }
}
